package dev.lrlab.experiments.bench;

import dev.lrlab.agents.Agent;
import dev.lrlab.agents.AgentBlueprint;
import dev.lrlab.agents.AgentKind;
import dev.lrlab.agents.DivergedException;
import dev.lrlab.agents.EpisodeLoop;
import dev.lrlab.agents.LockStepAgent;
import dev.lrlab.agents.Registries;
import dev.lrlab.agents.TrialContext;
import dev.lrlab.agents.schedule.Clock;
import dev.lrlab.agents.schedule.ClockedSchedule;
import dev.lrlab.env.Environment;
import dev.lrlab.env.EnvironmentKind;
import dev.lrlab.env.metrics.MetricLog;
import dev.lrlab.env.metrics.PublishesMetrics;
import dev.lrlab.env.registry.Parameters;
import dev.lrlab.env.registry.Problems;
import dev.lrlab.experiments.spec.AgentChoice;
import java.util.LinkedHashMap;
import java.util.Map;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Steps per second of the environment-plus-agent loop, the number that says what a sweep will
 * cost. Each measurement warms the JIT first, then counts steps over a fixed wall time, on one
 * thread and then on every thread at once (one independent agent each). The loop runs as in a
 * trial: agent and environment publish their metrics into a metric log.
 */
public final class Bench {

    private final Registries registries;
    private final double seconds;

    public Bench(Registries registries, double seconds) {
        this.registries = registries;
        this.seconds = seconds;
    }

    /**
     * Every agent kind that can run on the environment with its default settings, filtered by the
     * given names (empty: all), each at its kind's typical rate.
     */
    public List<AgentChoice> agentsFor(EnvironmentKind environment, List<String> agentFilter) {
        List<AgentChoice> out = new ArrayList<>();
        Environment probe = environment.create();
        for (AgentKind kind : registries.agents().all()) {
            if (!agentFilter.isEmpty() && !agentFilter.contains(kind.name())) {
                continue;
            }
            Problems problems = new Problems();
            Map<String, Object> settings = new LinkedHashMap<>(Map.of("type", kind.name()));
            Parameters p = Parameters.of("agent", settings, problems).bind(kind);
            AgentBlueprint blueprint = kind.factory().bind(p, new AgentKind.Setting(probe.id(),
                    probe.observationSpace(), probe.actionCount(), Clock.STEPS, registries));
            if (problems.isEmpty() && blueprint != null) {
                out.add(new AgentChoice(kind.name(), kind.name(), p.resolved(), blueprint));
            }
        }
        return out;
    }

    /** The rate an agent is benchmarked at: its kind's typical one. */
    double rateFor(String type) {
        return registries.agents().byName(type).map(AgentKind::typicalRate).orElse(0.1);
    }

    public Throughput measure(EnvironmentKind preset, AgentChoice agent, int threads) throws Exception {
        double rate = rateFor(agent.type());
        Runner single = new Runner(preset, agent, rate, 1);
        single.runFor(seconds / 3); // warm-up: let the JIT compile the loop
        long allocatedBefore = allocatedBytes();
        long steps = single.runFor(seconds);
        double bytesPerStep = (allocatedBytes() - allocatedBefore) / (double) Math.max(1, steps);
        double singleRate = steps / seconds;

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Runner> runners = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                runners.add(new Runner(preset, agent, rate, 100 + i));
            }
            List<Future<Long>> warm = new ArrayList<>();
            for (Runner r : runners) {
                warm.add(pool.submit(() -> r.runFor(seconds / 3)));
            }
            for (Future<Long> f : warm) {
                f.get();
            }
            List<Future<Long>> counts = new ArrayList<>();
            for (Runner r : runners) {
                counts.add(pool.submit(() -> r.runFor(seconds)));
            }
            long total = 0;
            for (Future<Long> f : counts) {
                total += f.get();
            }
            return new Throughput(preset.name(), agent.type(), rate, singleRate, total / seconds, threads, bytesPerStep);
        } finally {
            pool.shutdownNow();
        }
    }

    /** How much of the observation the environment-only benchmark reads after each step. */
    public enum Observation { NONE, COMPACT, FEATURES }

    /**
     * Steps per second of the environment alone under a uniformly random policy, reading the
     * observation after every step as asked: not at all, in its compact form (the state index, or
     * the bit boards), or as the list of active features.
     */
    public double environmentThroughput(EnvironmentKind preset, Observation observation) {
        Environment env = preset.create();
        var boards = env.unwrapped() instanceof dev.lrlab.env.BitBoardObservation b ? b : null;
        long[] words = new long[boards == null ? 1 : 4 * boards.wordsPerChannel()];
        int[] features = new int[env.observationSpace().featureCount()];
        var policy = RandomSource.XO_RO_SHI_RO_128_PP.create(9);
        int actions = env.actionCount();
        env.reset(9);
        long sink = 0;
        long steps = 0;
        double measured = 0;
        for (int round = 0; round < 2; round++) { // the first round warms the JIT up
            long start = System.nanoTime();
            long end = start + (long) ((round == 0 ? seconds / 3 : seconds) * 1e9);
            steps = 0;
            while (System.nanoTime() < end) {
                for (int i = 0; i < 4096; i++) {
                    if (env.episodeOver()) {
                        env.reset();
                    }
                    env.step(policy.nextInt(actions));
                    switch (observation) {
                        case COMPACT -> {
                            if (boards != null) {
                                boards.bitBoards(words);
                                sink += words[0] ^ words[words.length - 1];
                            } else {
                                sink += env.state();
                            }
                        }
                        case FEATURES -> sink += features[env.activeFeatures(features) - 1];
                        default -> { }
                    }
                }
                steps += 4096;
            }
            measured = (System.nanoTime() - start) / 1e9;
        }
        if (sink == 42) {
            System.out.print(""); // keeps the observation reads from being optimised away
        }
        return steps / measured;
    }

    private static long allocatedBytes() {
        var bean = ManagementFactory.getThreadMXBean();
        if (bean instanceof com.sun.management.ThreadMXBean sun && sun.isThreadAllocatedMemorySupported()) {
            return sun.getThreadAllocatedBytes(Thread.currentThread().getId());
        }
        return 0;
    }

    /** One environment and agent, trained episode after episode; a diverged agent is started afresh. */
    private final class Runner {
        private final EnvironmentKind preset;
        private final AgentChoice choice;
        private final double rate;
        private final long seed;
        private Environment env;
        private Agent agent;

        Runner(EnvironmentKind preset, AgentChoice choice, double rate, long seed) {
            this.preset = preset;
            this.choice = choice;
            this.rate = rate;
            this.seed = seed;
            fresh();
        }

        private void fresh() {
            env = preset.create();
            MetricLog metrics = new MetricLog();
            if (env.unwrapped() instanceof PublishesMetrics publisher) {
                publisher.publishTo(metrics);
            }
            agent = choice.blueprint().create(env, TrialContext.of(ClockedSchedule.constant(rate),
                    RandomSource.XO_RO_SHI_RO_128_PP.create(seed), metrics));
            env.reset(seed);
        }

        long runFor(double duration) {
            if (agent instanceof LockStepAgent lockStep && lockStep.copies() > 1) {
                return runLockStep(lockStep, duration);
            }
            long end = System.nanoTime() + (long) (duration * 1e9);
            long steps = 0;
            // check the clock between episodes only; cap episodes so the check comes often enough
            while (System.nanoTime() < end) {
                try {
                    env.reset();
                    EpisodeLoop.train(agent, env, 100_000);
                    steps += env.episodeSteps();
                } catch (DivergedException e) {
                    steps += env.episodeSteps();
                    fresh();
                }
            }
            return steps;
        }

        private Environment[] copies;
        private int[] actions;

        /** An agent of several environment copies, stepped together; every copy's step counts. */
        private long runLockStep(LockStepAgent lockStep, double duration) {
            long end = System.nanoTime() + (long) (duration * 1e9);
            long steps = 0;
            while (System.nanoTime() < end) {
                try {
                    if (copies == null) {
                        copies = new Environment[lockStep.copies()];
                        actions = new int[copies.length];
                        for (int i = 0; i < copies.length; i++) {
                            copies[i] = i == 0 ? env : preset.create();
                            copies[i].reset(seed + i);
                        }
                        lockStep.act(copies, actions);
                    }
                    for (int k = 0; k < 64; k++) {
                        for (int i = 0; i < copies.length; i++) {
                            lockStep.observe(i, copies[i].step(actions[i]), copies[i]);
                        }
                        steps += copies.length;
                        for (Environment copy : copies) {
                            if (copy.episodeOver()) {
                                copy.reset();
                            }
                        }
                        lockStep.act(copies, actions);
                    }
                } catch (DivergedException e) {
                    fresh();
                    copies = null;
                    return steps;
                }
            }
            return steps;
        }
    }
}
