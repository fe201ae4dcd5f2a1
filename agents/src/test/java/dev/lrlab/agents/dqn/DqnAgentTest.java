package dev.lrlab.agents.dqn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lrlab.agents.AgentBlueprint;
import dev.lrlab.agents.AgentKind;
import dev.lrlab.agents.EpisodeLoop;
import dev.lrlab.agents.Registries;
import dev.lrlab.agents.TrialContext;
import dev.lrlab.agents.nn.Layer;
import dev.lrlab.agents.schedule.Clock;
import dev.lrlab.agents.schedule.ClockedSchedule;
import dev.lrlab.env.Environment;
import dev.lrlab.env.EnvironmentKind;
import dev.lrlab.env.metrics.MetricLog;
import dev.lrlab.env.metrics.MetricSink;
import dev.lrlab.env.registry.Parameters;
import dev.lrlab.env.registry.Problems;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class DqnAgentTest {

    private static final Registries KINDS = Registries.load();

    /** A small DQN for fast tests on Breakout's board. */
    private static final Map<String, Object> SMALL_CONV = Map.of("type", "dqn", "filters", 4, "hidden", 16,
            "batch-size", 8, "replay-start", 100, "target-update", 50, "replay-capacity", 2000);

    static Environment environment(String id) {
        EnvironmentKind kind = KINDS.environments().byName(id).orElseThrow();
        return kind.create();
    }

    static AgentBlueprint blueprint(Map<String, Object> settings, Environment env, Problems problems) {
        AgentKind kind = KINDS.agents().byName("dqn").orElseThrow();
        Parameters p = Parameters.of("agent", new LinkedHashMap<>(settings), problems).bind(kind);
        AgentBlueprint b = kind.factory().bind(p, new AgentKind.Setting(env.id(), env.observationSpace(),
                env.actionCount(), Clock.STEPS, KINDS));
        p.reportUnknownKeys();
        return b;
    }

    static DqnAgent agent(Map<String, Object> settings, Environment env, double rate, long seed, MetricSink metrics) {
        Problems problems = new Problems();
        AgentBlueprint b = blueprint(settings, env, problems);
        assertTrue(problems.isEmpty(), problems.messages().toString());
        return (DqnAgent) b.create(env, TrialContext.of(ClockedSchedule.constant(rate),
                RandomSource.XO_RO_SHI_RO_128_PP.create(seed), metrics));
    }

    /** Trains for about {@code steps} steps and returns the episode returns. */
    static List<Double> train(DqnAgent agent, Environment env, long seed, long steps) {
        List<Double> returns = new ArrayList<>();
        env.reset(seed);
        long done = 0;
        while (done < steps) {
            if (env.episodeOver()) {
                env.reset();
            }
            returns.add(EpisodeLoop.train(agent, env, steps - done));
            done += env.episodeSteps();
        }
        return returns;
    }

    @Test
    void sameSeedGivesTheSameTrajectoryAndWeights() {
        List<List<Double>> returns = new ArrayList<>();
        List<float[]> weights = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            Environment env = environment("breakout");
            DqnAgent agent = agent(SMALL_CONV, env, 1e-3, 7, new MetricLog());
            returns.add(train(agent, env, 7, 1500));
            weights.add(agent.network().layers().get(0).parameters().clone());
            assertTrue(agent.updates() > 1000, "it learned: " + agent.updates() + " updates");
        }
        assertTrue(returns.get(0).equals(returns.get(1)), "same returns");
        assertArrayEquals(weights.get(0), weights.get(1), "same weights, bit for bit");
    }

    @Test
    void doubleDqnChangesTheUpdate() {
        Map<String, Object> doubled = new LinkedHashMap<>(SMALL_CONV);
        doubled.put("double-dqn", true);
        Environment a = environment("breakout");
        Environment b = environment("breakout");
        DqnAgent plain = agent(SMALL_CONV, a, 1e-3, 7, MetricSink.NONE);
        DqnAgent dbl = agent(doubled, b, 1e-3, 7, MetricSink.NONE);
        train(plain, a, 7, 600);
        train(dbl, b, 7, 600);
        assertFalse(java.util.Arrays.equals(plain.network().layers().get(0).parameters(),
                dbl.network().layers().get(0).parameters()));
    }

    /**
     * DQN learns the open room (5x5, -1 per step, 100-step limit; the shortest path takes 8
     * steps, a uniformly random walk about 60 or more): after 6,000 steps the greedy policy of
     * each of three seeds reaches the goal within 12 steps.
     */
    @Test
    void learnsTheOpenRoom() {
        Map<String, Object> settings = Map.of("type", "dqn", "hidden", 32, "batch-size", 32, "replay-start", 500,
                "target-update", 200, "replay-capacity", 10_000, "optimizer", Map.of("type", "adam"),
                "exploration", Map.of("type", "epsilon-greedy", "epsilon", Map.of("value", 1.0,
                        "schedule", Map.of("type", "linear", "end-factor", 0.05, "total-iters", 3000))));
        for (long seed = 1; seed <= 3; seed++) {
            Environment env = environment("open-room");
            DqnAgent agent = agent(settings, env, 1e-3, seed, MetricSink.NONE);
            List<Double> returns = train(agent, env, seed, 6000);
            double early = returns.subList(0, 5).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            env.reset(100 + seed);
            double greedy = EpisodeLoop.evaluate(agent, env, 100);
            assertTrue(greedy >= -12, "seed " + seed + ": greedy return " + greedy + " (first episodes " + early + ")");
            assertTrue(early < -30, "seed " + seed + ": the first episodes are random walks, " + early);
        }
    }

    /**
     * A brief run on Breakout (MinAtar's rules, six actions): an MLP DQN with Adam, trained for
     * 40,000 steps, scores more in its last 100 episodes than a uniformly random policy does in its
     * first 200 (about 0.5 a game) by a margin of four standard errors of that difference.
     */
    @Test
    void learnsBreakoutBriefly() {
        Map<String, Object> settings = Map.of("type", "dqn", "network", "mlp", "hidden", 64, "replay-start", 2000,
                "target-update", 500, "replay-capacity", 20_000, "optimizer", Map.of("type", "adam"),
                "exploration", Map.of("type", "epsilon-greedy", "epsilon", Map.of("value", 1.0,
                        "schedule", Map.of("type", "linear", "end-factor", 0.05, "total-iters", 20_000))));
        Environment env = KINDS.environments().byName("breakout").orElseThrow().factory()
                .bind(Parameters.of("environment", new LinkedHashMap<>(Map.of("id", "breakout", "actions", "full")),
                        new Problems()).bind(KINDS.environments().byName("breakout").orElseThrow())).get();
        DqnAgent agent = agent(settings, env, 1e-3, 11, MetricSink.NONE);
        List<Double> returns = train(agent, env, 11, 40_000);
        double[] early = returns.subList(0, 200).stream().mapToDouble(Double::doubleValue).toArray();
        double[] late = returns.subList(returns.size() - 100, returns.size()).stream().mapToDouble(Double::doubleValue).toArray();
        double gap = mean(late) - mean(early);
        double se = Math.sqrt(variance(late) / late.length + variance(early) / early.length);
        assertTrue(gap > 4 * se, "last 100 episodes " + mean(late) + ", first 200 (random) " + mean(early) + ", se " + se);
    }

    private static double mean(double[] a) {
        return java.util.Arrays.stream(a).average().orElseThrow();
    }

    private static double variance(double[] a) {
        double m = mean(a);
        return java.util.Arrays.stream(a).map(x -> (x - m) * (x - m)).sum() / (a.length - 1);
    }

    @Test
    void publishesTheNetworksViewOfTheStepSize() {
        Environment env = environment("breakout");
        MetricLog metrics = new MetricLog();
        DqnAgent agent = agent(SMALL_CONV, env, 1e-3, 3, metrics);
        train(agent, env, 3, 400);
        metrics.closeInterval(1, 400, 1);
        for (String name : List.of("loss", "abs_td_error", "max_abs_q", "grad_norm", "step_size", "epsilon",
                "conv0_effective_step_size_p50", "dense2_effective_step_size_p95", "dense4_update_size")) {
            assertTrue(metrics.names().contains(name), name + " in " + metrics.names());
            assertTrue(metrics.count(metrics.id(name)) > 0, name + " was published");
        }
    }

    /**
     * {@code grad_norm} is the network's global gradient norm to the bit, whether the optimizers
     * summed the squares as they read the gradient (centered RMSprop's fused kernel) or after their
     * update (Adam, heavy-ball momentum, which publish their own norms), with and without clipping.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"rmsprop", "adam", "momentum", "rmsprop-clipped"})
    void theGradientNormIsTheNetworksOwn(String optimizer) {
        Map<String, Object> settings = new LinkedHashMap<>(SMALL_CONV);
        settings.put("optimizer", switch (optimizer) {
            case "adam" -> Map.of("type", "adam");
            case "momentum" -> Map.of("type", "momentum");
            default -> Map.of("type", "rmsprop", "rho", 0.95, "eps", 0.01, "centered", true);
        });
        if (optimizer.endsWith("clipped")) {
            settings.put("clip-grad-norm", 1e-3); // below the norms here: every update is clipped
        }
        Environment env = environment("breakout");
        LastValues metrics = new LastValues();
        DqnAgent agent = agent(settings, env, 1e-3, 7, metrics);
        train(agent, env, 7, 300);
        int id = metrics.names.indexOf("grad_norm");
        for (int k = 0; k < 5; k++) {
            agent.learn();
            double published = metrics.last.get(id);
            double recomputed = agent.network().gradientNorm();
            if (optimizer.endsWith("clipped")) {
                assertTrue(published > 1e-3, "the norm before clipping: " + published);
                assertEquals(1e-3, recomputed, 1e-6, "the gradient after clipping");
            } else {
                assertEquals(recomputed, published, 0.0, optimizer + ", update " + k);
            }
        }
    }

    /** The last value added under each name. */
    private static final class LastValues implements MetricSink {
        final List<String> names = new ArrayList<>();
        final List<Double> last = new ArrayList<>();

        @Override
        public int register(String name, dev.lrlab.env.metrics.Reduction reduction) {
            names.add(name);
            last.add(Double.NaN);
            return names.size() - 1;
        }

        @Override
        public void add(int id, double value) {
            last.set(id, value);
        }

        @Override
        public void addSum(int id, long count, double sum) {
            last.set(id, sum / count);
        }

        @Override
        public void sampleAtIntervalEnd(Runnable sampler) {
        }
    }

    @Test
    void theHotLoopAllocatesNothing() {
        var bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean sun && sun.isThreadAllocatedMemorySupported());
        var threads = (com.sun.management.ThreadMXBean) bean;
        for (String id : List.of("breakout", "open-room")) {
            Environment env = environment(id);
            MetricLog metrics = new MetricLog();
            DqnAgent agent = agent(id.equals("breakout") ? SMALL_CONV : Map.of("type", "dqn", "hidden", 16,
                    "replay-start", 100, "batch-size", 8), env, 1e-3, 5, metrics);
            train(agent, env, 5, 3000);
            long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
            long steps = 3000;
            env.reset(6);
            long done = 0;
            while (done < steps) {
                env.reset();
                EpisodeLoop.train(agent, env, steps - done);
                done += env.episodeSteps();
            }
            double perStep = (threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before) / (double) done;
            assertTrue(perStep < 1, id + ": " + perStep + " bytes per step");
        }
    }

    @Test
    void aConvolutionNeedsABoard() {
        Environment env = environment("short-corridor");
        Problems problems = new Problems();
        assertNull(blueprint(Map.of("type", "dqn", "network", "conv"), env, problems));
        assertTrue(problems.messages().toString().contains("conv needs a board observation"), problems.messages().toString());
        Problems fine = new Problems();
        blueprint(Map.of("type", "dqn"), environment("cliff-walking"), fine);
        assertTrue(fine.isEmpty(), "auto picks an MLP on a gridworld: " + fine.messages());
    }

    @Test
    void minAtarDefaults() {
        Environment env = environment("breakout");
        DqnAgent agent = agent(Map.of("type", "dqn"), env, 2.5e-4, 1, MetricSink.NONE);
        List<String> layers = agent.network().layers().stream().map(Layer::describe).toList();
        assertTrue(layers.get(0).startsWith("conv 4x10x10 -> 16x8x8"), layers.toString());
        assertTrue(layers.contains("dense 1024->128"), layers.toString());
        assertTrue(layers.get(layers.size() - 1).equals("dense 128->" + env.actionCount()), layers.toString());
    }
}
