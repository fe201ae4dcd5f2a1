package dev.lrlab.experiments.bench.jmh;

import dev.lrlab.agents.Agent;
import dev.lrlab.agents.explore.Exploration;
import dev.lrlab.agents.features.EnvironmentFeatures;
import dev.lrlab.agents.linear.LinearConfig;
import dev.lrlab.agents.linear.LinearQAgent;
import dev.lrlab.agents.optim.OptimizerConfig;
import dev.lrlab.agents.schedule.ClockedSchedule;
import dev.lrlab.agents.tabular.TabularAgent;
import dev.lrlab.agents.tabular.TabularConfig;
import dev.lrlab.agents.tabular.TdRule;
import dev.lrlab.env.Environment;
import dev.lrlab.env.gridworld.Gridworld;
import dev.lrlab.env.gridworld.GridworldPresets;
import dev.lrlab.env.breakout.Breakout;
import dev.lrlab.env.metrics.MetricLog;
import dev.lrlab.env.metrics.MetricSink;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH microbenchmarks of the step loops (run with {@code lrlab bench --jmh}): Breakout under a
 * uniformly random policy with each way of reading the observation, tabular Q-learning on the
 * cliff walk and linear Sarsa on Breakout, each with its metrics kept in a metric log as in a
 * trial or published nowhere. Scores are environment steps per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StepLoopBenchmarks {

    private static final int BATCH = 1024;

    /** A Breakout game, a random policy, and buffers for its observation. */
    @State(Scope.Thread)
    public static class BreakoutState {
        Breakout game;
        UniformRandomProvider policy;
        long[] words;
        int[] features;

        @Setup
        public void setUp() {
            game = Breakout.minatar();
            game.reset(1);
            policy = RandomSource.XO_RO_SHI_RO_128_PP.create(2);
            words = new long[4 * game.wordsPerChannel()];
            features = new int[game.observationSpace().featureCount()];
        }

        /** One step under the random policy (minimal action set, sticky 0.1). */
        long step() {
            if (game.terminated()) {
                game.reset();
            }
            return (long) game.step(policy.nextInt(3));
        }
    }

    /** Breakout steps, the observation not read. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long breakoutStep(BreakoutState s) {
        long sink = 0;
        for (int i = 0; i < BATCH; i++) {
            sink += s.step();
        }
        return sink;
    }

    /** Breakout steps, each followed by reading the observation as bit boards. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long breakoutStepWithBitBoards(BreakoutState s) {
        long sink = 0;
        for (int i = 0; i < BATCH; i++) {
            sink += s.step();
            s.game.bitBoards(s.words);
            sink += s.words[6];
        }
        return sink;
    }

    /** Breakout steps, each followed by listing the active features. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long breakoutStepWithFeatures(BreakoutState s) {
        long sink = 0;
        for (int i = 0; i < BATCH; i++) {
            sink += s.step();
            sink += s.game.activeFeatures(s.features);
        }
        return sink;
    }

    /**
     * Tabular Q-learning on the cliff walk, alpha 0.5, epsilon 0.1; its metrics kept in a metric
     * log as in a trial ({@code log}), or published nowhere ({@code none}).
     */
    @State(Scope.Thread)
    public static class CliffState {
        @Param({"log", "none"})
        String metrics;
        Environment env;
        TabularAgent agent;
        int action;

        @Setup
        public void setUp() {
            env = Gridworld.environment(GridworldPresets.cliffWalking());
            MetricSink sink = "log".equals(metrics) ? new MetricLog() : MetricSink.NONE;
            ((Gridworld) env.unwrapped()).publishTo(sink);
            agent = TabularAgent.of(TabularConfig.of(TdRule.Q_LEARNING, 1.0, 0.5, 0.1), env,
                    RandomSource.XO_RO_SHI_RO_128_PP.create(3), sink);
            env.reset(3);
            action = agent.start(env);
        }
    }

    /** Linear Sarsa with SGD over Breakout's 400 binary features, alpha 0.003, epsilon 0.1, metrics kept or not. */
    @State(Scope.Thread)
    public static class BreakoutLinearState {
        @Param({"log", "none"})
        String metrics;
        Environment env;
        LinearQAgent agent;
        int action;

        @Setup
        public void setUp() {
            env = Breakout.minatar();
            MetricSink sink = "log".equals(metrics) ? new MetricLog() : MetricSink.NONE;
            agent = LinearQAgent.of(new LinearConfig(TdRule.SARSA, 0.99, Exploration.EpsilonGreedy.of(0.1),
                    ClockedSchedule.constant(0.003), OptimizerConfig.sgd(), 1e10),
                    EnvironmentFeatures.of(env.observationSpace()), env, RandomSource.XO_RO_SHI_RO_128_PP.create(3), sink);
            env.reset(3);
            action = agent.start(env);
        }
    }

    /** Linear Sarsa on Breakout: the runner's loop, unrolled to count steps. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int breakoutLinearSarsa(BreakoutLinearState s) {
        s.action = steps(s.env, s.agent, s.action);
        return s.action;
    }

    /**
     * BATCH steps of the runner's loop (EpisodeLoop), unrolled to count steps; returns the next
     * action. Each benchmark runs in a fork of its own, so the agent's type is the only one here.
     */
    private static int steps(Environment env, Agent agent, int first) {
        int action = first;
        for (int i = 0; i < BATCH; i++) {
            double reward = env.step(action);
            action = agent.step(reward, env);
            if (env.episodeOver()) {
                agent.end(env);
                env.reset();
                action = agent.start(env);
            }
        }
        return action;
    }

    /** Environment-plus-agent steps: the runner's loop (EpisodeLoop), unrolled to count steps. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int cliffWalkingQLearning(CliffState s) {
        s.action = steps(s.env, s.agent, s.action);
        return s.action;
    }
}
