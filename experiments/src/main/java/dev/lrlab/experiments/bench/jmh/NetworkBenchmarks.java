package dev.lrlab.experiments.bench.jmh;

import dev.lrlab.agents.Registries;
import dev.lrlab.agents.dqn.DqnAgent;
import dev.lrlab.env.Environment;
import dev.lrlab.experiments.bench.NetworkBench;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH microbenchmarks of a DQN's network work (run with {@code lrlab bench --jmh}): one action
 * choice and one update (batch 32, online and target forward, backward, centered RMSprop), for
 * MinAtar's convolutional network and an MLP 400-128-6 on Breakout's board, as
 * {@code lrlab bench --networks} measures them. Scores are microseconds per operation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class NetworkBenchmarks {

    /** A DQN agent whose replay holds random play, and a Breakout game to choose actions in. */
    @State(Scope.Thread)
    public static class Dqn {
        @Param({"dqn-conv", "dqn-mlp"})
        String network;
        DqnAgent agent;
        Environment env;

        @Setup
        public void setUp() {
            Registries kinds = Registries.load();
            env = NetworkBench.breakout(kinds);
            var settings = NetworkBench.NETWORKS.stream().filter(e -> e.getKey().equals(network)).findFirst()
                    .orElseThrow().getValue();
            agent = NetworkBench.agent(kinds, settings, 2_000, env);
            env.reset(4);
        }
    }

    @Benchmark
    public void update(Dqn s) {
        s.agent.learn();
    }

    @Benchmark
    public int actionChoice(Dqn s) {
        return s.agent.greedyAction(s.env);
    }
}
