package dev.lrlab.env;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Checks that an environment keeps the {@link Environment} contract, as Gymnasium's
 * {@code check_env} does: the same seed gives the same episode, observations stay in their space,
 * rewards are finite, {@code terminated} and {@code truncated} behave, and stepping outside an
 * episode or with a bad action is refused with a clear error.
 */
public final class EnvironmentChecker {

    /** Steps after which a checked episode is abandoned if it has not ended by itself. */
    private static final int MAX_CHECKED_STEPS = 20_000;

    private final Supplier<? extends Environment> factory;
    private final long seed;
    private final int episodes;
    private final List<String> verified = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final java.util.Set<String> refusalsSeen = new java.util.HashSet<>();

    private EnvironmentChecker(Supplier<? extends Environment> factory, long seed, int episodes) {
        this.factory = factory;
        this.seed = seed;
        this.episodes = episodes;
    }

    /** Checks the environments {@code factory} makes, over {@code episodes} random-policy episodes. */
    public static CheckReport check(Supplier<? extends Environment> factory, long seed, int episodes) {
        EnvironmentChecker checker = new EnvironmentChecker(factory, seed, episodes);
        String id;
        try {
            id = checker.run();
        } catch (RuntimeException e) {
            id = "?";
            checker.problems.add("unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return new CheckReport(id, checker.verified, checker.problems);
    }

    private String run() {
        Environment env = factory.get();
        String id = env.id();
        ObservationSpace space = env.observationSpace();
        if (env.actionCount() < 1) {
            problems.add("action count is " + env.actionCount() + ", expected at least 1");
            return id;
        }
        verified.add("spaces: " + env.actionCount() + " actions, " + describe(space));

        expectRefusal(() -> env.step(0), IllegalStateException.class, "step() before reset()");

        Trajectory first = play(env, seed);
        if (!problems.isEmpty()) {
            return id;
        }
        verified.add(String.format("%d random-policy episodes, %d steps: states and features inside "
                        + "the space, rewards finite (%s .. %s)", first.episodes, first.steps,
                first.minReward, first.maxReward));
        verified.add(String.format("episode ends: %d terminated, %d truncated, %d cut off by the "
                + "checker after %d steps", first.terminated, first.truncated, first.cutOff,
                MAX_CHECKED_STEPS));

        Trajectory again = play(factory.get(), seed);
        Trajectory sameInstance = play(env, seed);
        if (first.hash == again.hash && first.hash == sameInstance.hash) {
            verified.add("determinism: seed " + seed + " gives the same episodes on a new instance "
                    + "and after re-seeding the same one");
        } else {
            problems.add("determinism: seed " + seed + " gave different episodes ("
                    + (first.hash == again.hash ? "after re-seeding the same instance"
                    : "on a new instance") + ")");
        }
        // the same actions under another seed: only the environment's own randomness can differ
        Trajectory other = play(factory.get(), seed + 1, seed);
        verified.add(other.hash == first.hash
                ? "seeds " + seed + " and " + (seed + 1) + " give the same episodes for the same actions "
                        + "(deterministic dynamics)"
                : "seeds " + seed + " and " + (seed + 1) + " give different episodes for the same actions "
                        + "(stochastic dynamics)");

        env.reset(seed);
        expectRefusal(() -> env.step(-1), IllegalArgumentException.class, "action -1");
        expectRefusal(() -> env.step(env.actionCount()), IllegalArgumentException.class,
                "action " + env.actionCount());
        return id;
    }

    private Trajectory play(Environment env, long envSeed) {
        return play(env, envSeed, envSeed);
    }

    /** Random-policy episodes: the environment seeded with one seed, the policy's actions drawn with another. */
    private Trajectory play(Environment env, long envSeed, long policySeed) {
        UniformRandomProvider policy = RandomSource.XO_RO_SHI_RO_128_PP.create(policySeed ^ 0x5DEECE66DL);
        ObservationSpace space = env.observationSpace();
        int[] features = new int[space.featureCount()];
        Trajectory t = new Trajectory();
        int limit = env.timeLimit();
        for (int episode = 0; episode < episodes; episode++) {
            if (episode == 0) {
                env.reset(envSeed);
            } else {
                env.reset();
            }
            if (!observe(env, space, features, t, "after reset")) {
                return t;
            }
            if (env.episodeOver() || env.episodeSteps() != 0) {
                problems.add("reset left the episode over, or with a step count of "
                        + env.episodeSteps());
                return t;
            }
            int steps = 0;
            while (!env.episodeOver() && steps < MAX_CHECKED_STEPS) {
                int action = policy.nextInt(env.actionCount());
                double reward = env.step(action);
                steps++;
                t.steps++;
                t.mix(action);
                t.mix(Double.doubleToLongBits(reward));
                t.mix(env.terminated() ? 1 : 0);
                t.mix(env.truncated() ? 1 : 0);
                if (!Double.isFinite(reward)) {
                    problems.add("reward " + reward + " at step " + steps + " of episode " + episode);
                    return t;
                }
                t.minReward = Math.min(t.minReward, reward);
                t.maxReward = Math.max(t.maxReward, reward);
                if (env.episodeSteps() != steps) {
                    problems.add("episodeSteps() is " + env.episodeSteps() + " after " + steps + " steps");
                    return t;
                }
                if (env.truncated() && !env.terminated() && (limit == 0 || steps != limit)) {
                    problems.add("truncated at step " + steps + " with a time limit of " + limit);
                    return t;
                }
                if (limit > 0 && steps == limit && !env.episodeOver()) {
                    problems.add("not truncated at its time limit of " + limit + " steps");
                    return t;
                }
                if (!observe(env, space, features, t, "at step " + steps + " of episode " + episode)) {
                    return t;
                }
            }
            if (env.terminated()) {
                t.terminated++;
            } else if (env.truncated()) {
                t.truncated++;
            } else {
                t.cutOff++;
            }
            if (env.episodeOver()) {
                expectRefusal(() -> env.step(0), IllegalStateException.class,
                        "step() after the episode ended");
            }
            t.episodes++;
        }
        return t;
    }

    private boolean observe(Environment env, ObservationSpace space, int[] features, Trajectory t,
            String when) {
        if (space.isDiscrete()) {
            int s = env.state();
            if (s < 0 || s >= space.stateCount()) {
                problems.add("state " + s + " " + when + " is outside 0.." + (space.stateCount() - 1));
                return false;
            }
            t.mix(s);
        }
        Arrays.fill(features, -1);
        int n = env.activeFeatures(features);
        if (n < 0 || n > space.featureCount()) {
            problems.add(n + " active features " + when + ", space has " + space.featureCount());
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (features[i] < 0 || features[i] >= space.featureCount()
                    || (i > 0 && features[i] <= features[i - 1])) {
                problems.add("active features " + when + " are not ascending indices inside 0.."
                        + (space.featureCount() - 1) + ": "
                        + Arrays.toString(Arrays.copyOf(features, n)));
                return false;
            }
            t.mix(features[i]);
        }
        return true;
    }

    private void expectRefusal(Runnable call, Class<? extends RuntimeException> expected, String what) {
        try {
            call.run();
            problems.add(what + " was accepted; expected " + expected.getSimpleName());
        } catch (RuntimeException e) {
            if (!expected.isInstance(e)) {
                problems.add(what + " threw " + e.getClass().getSimpleName() + ", expected "
                        + expected.getSimpleName());
            } else if (e.getMessage() == null || e.getMessage().isBlank()) {
                problems.add(what + " was refused without a message");
            } else if (refusalsSeen.add(what)) {
                verified.add("refused: " + what + " (\"" + e.getMessage() + "\")");
            }
        }
    }

    private static String describe(ObservationSpace space) {
        String features = space.isGrid()
                ? space.channels() + "x" + space.height() + "x" + space.width() + " binary grid"
                : space.featureCount() + " binary features";
        return space.isDiscrete() ? space.stateCount() + " states, " + features : features;
    }

    /** A running digest of everything an episode showed, to compare two runs cheaply. */
    private static final class Trajectory {
        long hash = 1125899906842597L;
        int episodes;
        long steps;
        int terminated;
        int truncated;
        int cutOff;
        double minReward = Double.POSITIVE_INFINITY;
        double maxReward = Double.NEGATIVE_INFINITY;

        void mix(long value) {
            hash = 31 * hash + value;
            hash ^= hash >>> 29;
        }
    }
}
