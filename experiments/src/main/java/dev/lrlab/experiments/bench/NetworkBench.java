package dev.lrlab.experiments.bench;

import dev.lrlab.agents.AgentBlueprint;
import dev.lrlab.agents.AgentKind;
import dev.lrlab.agents.EpisodeLoop;
import dev.lrlab.agents.Registries;
import dev.lrlab.agents.TrialContext;
import dev.lrlab.agents.dqn.DqnAgent;
import dev.lrlab.agents.schedule.Clock;
import dev.lrlab.agents.schedule.ClockedSchedule;
import dev.lrlab.env.Environment;
import dev.lrlab.env.EnvironmentKind;
import dev.lrlab.env.registry.Parameters;
import dev.lrlab.env.registry.Problems;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Microseconds of a DQN's network work alone, on one thread, for MinAtar's convolutional network
 * and for an MLP 400-128-6 on Breakout's flattened board (six actions, as MinAtar's dqn.py): one
 * action choice (a forward pass of one observation) and one update (a batch of 32 drawn from a
 * replay of random play, forward of the online and target networks, Huber loss, backward, and a
 * centered-RMSprop step), with the agent's metrics kept in a metric log as in a trial. Scripts in
 * agents/src/test/python time the same work in PyTorch.
 */
public final class NetworkBench {

    /** The networks measured: name, and the DQN settings that give them. */
    public static final List<Map.Entry<String, Map<String, Object>>> NETWORKS = List.of(
            Map.entry("dqn-conv", Map.of("type", "dqn", "network", "conv")),
            Map.entry("dqn-mlp", Map.of("type", "dqn", "network", "mlp", "hidden", 128, "depth", 1)));

    private final Registries registries;
    private final double seconds;

    public NetworkBench(Registries registries, double seconds) {
        this.registries = registries;
        this.seconds = seconds;
    }

    /** A DQN agent of the given settings on full-action Breakout whose replay holds {@code fill} random transitions. */
    public static DqnAgent agent(Registries registries, Map<String, Object> settings, int fill, Environment env) {
        AgentKind kind = registries.agents().byName("dqn").orElseThrow();
        Problems problems = new Problems();
        Map<String, Object> s = new LinkedHashMap<>(settings);
        s.put("replay-start", fill);
        Parameters p = Parameters.of("agent", s, problems).bind(kind);
        AgentBlueprint blueprint = kind.factory().bind(p, new AgentKind.Setting(env.id(), env.observationSpace(),
                env.actionCount(), Clock.STEPS, registries));
        if (!problems.isEmpty()) {
            throw new IllegalStateException(problems.toString());
        }
        // as in a trial: the agent and its optimizers publish their metrics
        DqnAgent agent = (DqnAgent) blueprint.create(env, TrialContext.of(ClockedSchedule.constant(2.5e-4),
                RandomSource.XO_RO_SHI_RO_128_PP.create(3), new dev.lrlab.env.metrics.MetricLog()));
        env.reset(3);
        long steps = 0;
        while (steps < fill) {
            if (env.episodeOver()) {
                env.reset();
            }
            EpisodeLoop.train(agent, env, fill - steps);
            steps += env.episodeSteps();
        }
        return agent;
    }

    /** Full-action Breakout (MinAtar's dqn.py uses all six actions). */
    public static Environment breakout(Registries registries) {
        EnvironmentKind kind = registries.environments().byName("breakout").orElseThrow();
        Problems problems = new Problems();
        Parameters p = Parameters.of("environment", new LinkedHashMap<>(Map.of("id", "breakout", "actions", "full")),
                problems).bind(kind);
        return kind.factory().bind(p).get();
    }

    /**
     * One row per network: parameters, microseconds per action choice and per update, and the
     * update's multiply-adds counted as if every input were non-zero, against the best FLOP rate
     * this JVM reaches on one thread.
     */
    public List<Map<String, Object>> measure() {
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        double peak = peakFlops();
        for (var network : NETWORKS) {
            Environment env = breakout(registries);
            DqnAgent agent = agent(registries, network.getValue(), 2_000, env);
            env.reset(4);
            int[] sink = {0};
            double forward = time(() -> sink[0] += agent.greedyAction(env));
            double update = time(agent::learn);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", network.getKey());
            row.put("network", agent.network().describe());
            row.put("parameters", agent.network().parameterCount());
            row.put("batch", 32);
            row.put("microseconds_per_forward", forward);
            row.put("microseconds_per_update", update);
            row.put("threads", 1);
            double flops = 2.0 * updateMultiplyAdds(agent.network(), 32);
            row.put("dense_equivalent_mflop_per_update", flops / 1e6);
            row.put("peak_gflops_one_thread", peak / 1e9);
            row.put("flop_bound_microseconds", flops / peak * 1e6);
            row.put("times_flop_bound", update / (flops / peak * 1e6));
            rows.add(row);
        }
        return rows;
    }

    /**
     * Multiply-adds of one update counted densely: forward of the online and target networks,
     * then the backward pass's weight gradients and every input gradient but the first layer's.
     */
    static double updateMultiplyAdds(dev.lrlab.agents.nn.Network net, int batch) {
        double forward = 0;
        double backward = 0;
        for (int l = 0; l < net.layers().size(); l++) {
            var layer = net.layers().get(l);
            if (layer.multiplyAdds() == 0) {
                continue;
            }
            double perExample = layer.multiplyAdds();
            forward += perExample * batch;
            backward += perExample * batch * (l == 0 ? 1 : 2);
        }
        return 2 * forward + backward;
    }

    /** The best single-thread FLOP rate, or NaN without the Vector API. */
    private double peakFlops() {
        if (!dev.lrlab.agents.nn.Kernels.best().vectorized()) {
            return Double.NaN;
        }
        return PeakFlops.measure(Math.max(1, seconds));
    }

    /** Microseconds per call, the better of two timed rounds after a warm-up. */
    private double time(Runnable work) {
        long calls = 0;
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            long end = start + (long) ((round == 0 ? seconds : seconds / 2) * 1e9);
            calls = 0;
            long now;
            do {
                for (int i = 0; i < 16; i++) {
                    work.run();
                }
                calls += 16;
                now = System.nanoTime();
            } while (now < end);
            if (round > 0) {
                best = Math.min(best, (now - start) / 1e3 / calls);
            }
        }
        return best;
    }
}
