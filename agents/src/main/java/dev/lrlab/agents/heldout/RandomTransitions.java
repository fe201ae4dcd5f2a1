package dev.lrlab.agents.heldout;

import dev.lrlab.env.Environment;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Transitions of an environment under a uniformly random policy, each state encoded as an agent
 * sees it: the held-out data of the learning-rate range test. Recorded once, outside any hot loop.
 *
 * @param <S> how a state is encoded (a state index, the active features, an observation)
 * @param states the state before each step
 * @param actions the action taken
 * @param rewards the reward received
 * @param next the state after each step
 * @param terminal whether the step ended the episode in a terminal state (no bootstrap past it)
 * @param episodeEnd whether the step ended its episode (terminal, or cut by a time limit or by the
 *     recording's own cap), so that returns can be summed per episode
 */
public record RandomTransitions<S>(List<S> states, int[] actions, double[] rewards, List<S> next, boolean[] terminal,
        boolean[] episodeEnd) {

    /** No random episode is recorded past this many steps: an environment without a time limit might not end. */
    public static final int EPISODE_CAP = 1000;

    /** Records {@code steps} transitions of {@code env}, reset from a seed drawn from {@code rng}. */
    public static <S> RandomTransitions<S> record(Environment env, int steps, UniformRandomProvider rng,
            Function<Environment, S> encode) {
        List<S> states = new ArrayList<>(steps);
        List<S> next = new ArrayList<>(steps);
        int[] actions = new int[steps];
        double[] rewards = new double[steps];
        boolean[] terminal = new boolean[steps];
        boolean[] episodeEnd = new boolean[steps];
        env.reset(rng.nextLong());
        for (int t = 0; t < steps; t++) {
            if (env.episodeOver()) {
                env.reset();
            }
            states.add(encode.apply(env));
            actions[t] = rng.nextInt(env.actionCount());
            rewards[t] = env.step(actions[t]);
            next.add(encode.apply(env));
            terminal[t] = env.terminated();
            episodeEnd[t] = env.episodeOver() || env.episodeSteps() >= EPISODE_CAP || t == steps - 1;
            if (env.episodeSteps() >= EPISODE_CAP && !env.episodeOver()) {
                env.reset();
            }
        }
        return new RandomTransitions<>(states, actions, rewards, next, terminal, episodeEnd);
    }

    public int size() {
        return actions.length;
    }

    /** The discounted return from each step to its episode's end. */
    public double[] returnsToGo(double gamma) {
        double[] g = new double[size()];
        double running = 0;
        for (int t = size() - 1; t >= 0; t--) {
            running = (episodeEnd[t] ? 0 : gamma * running) + rewards[t];
            g[t] = running;
        }
        return g;
    }
}
