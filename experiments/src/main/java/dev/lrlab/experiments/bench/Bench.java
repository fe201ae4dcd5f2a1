package dev.lrlab.experiments.bench;

import dev.lrlab.agents.Agent;
import dev.lrlab.agents.DivergedException;
import dev.lrlab.agents.EpisodeLoop;
import dev.lrlab.agents.schedule.ClockedSchedule;
import dev.lrlab.agents.schedule.ScheduleKinds;
import dev.lrlab.env.Environment;
import dev.lrlab.env.EnvironmentPreset;
import dev.lrlab.experiments.spec.AgentChoice;
import dev.lrlab.experiments.spec.AgentSpecs;
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
 * thread and then on every thread at once (one independent agent each).
 */
public final class Bench {

    private final ScheduleKinds kinds;
    private final double seconds;

    public Bench(ScheduleKinds kinds, double seconds) {
        this.kinds = kinds;
        this.seconds = seconds;
    }

    /** Every (environment, agent type) pair that can run, filtered by the given ids (empty: all). */
    public List<AgentChoice> agentsFor(EnvironmentPreset preset, List<String> agentFilter) {
        List<AgentChoice> out = new ArrayList<>();
        Environment probe = preset.create();
        for (String type : AgentSpecs.TYPES) {
            if (agentFilter.isEmpty() || agentFilter.contains(type)) {
                AgentSpecs.withDefaults(type, probe, kinds).ifPresent(out::add);
            }
        }
        return out;
    }

    /** A rate at which every agent type learns without diverging on our environments. */
    static double rateFor(String type) {
        if (type.startsWith("linear-")) {
            return 0.01;
        }
        return switch (type) {
            case "reinforce", "reinforce-baseline", "actor-critic" -> Math.pow(2, -10);
            default -> 0.1;
        };
    }

    public Throughput measure(EnvironmentPreset preset, AgentChoice agent, int threads) throws Exception {
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
            return new Throughput(preset.id(), agent.type(), rate, singleRate, total / seconds, threads, bytesPerStep);
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
    public double environmentThroughput(EnvironmentPreset preset, Observation observation) {
        Environment env = preset.create();
        Environment inner = env instanceof dev.lrlab.env.TimeLimit t ? t.inner() : env;
        var boards = inner instanceof dev.lrlab.env.BitBoardObservation b ? b : null;
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
        private final EnvironmentPreset preset;
        private final AgentChoice choice;
        private final double rate;
        private final long seed;
        private Environment env;
        private Agent agent;

        Runner(EnvironmentPreset preset, AgentChoice choice, double rate, long seed) {
            this.preset = preset;
            this.choice = choice;
            this.rate = rate;
            this.seed = seed;
            fresh();
        }

        private void fresh() {
            env = preset.create();
            agent = choice.blueprint().create(env, ClockedSchedule.constant(rate), rate,
                    RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
            env.reset(seed);
        }

        long runFor(double duration) {
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
    }
}
