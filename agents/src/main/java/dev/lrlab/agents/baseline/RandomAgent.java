package dev.lrlab.agents.baseline;

import dev.lrlab.agents.Agent;
import dev.lrlab.env.Environment;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Uniformly random actions, learning nothing: the floor every learning curve is read against, and
 * the policy of {@code lrlab play} and {@code lrlab trace} by default.
 */
public final class RandomAgent implements Agent {

    private final UniformRandomProvider rng;
    private final int actions;

    private RandomAgent(int actions, UniformRandomProvider rng) {
        this.actions = actions;
        this.rng = rng;
    }

    public static RandomAgent of(Environment env, UniformRandomProvider rng) {
        return new RandomAgent(env.actionCount(), rng);
    }

    @Override
    public int start(Environment env) {
        return rng.nextInt(actions);
    }

    @Override
    public int step(double reward, Environment env) {
        return rng.nextInt(actions);
    }

    @Override
    public int greedyAction(Environment env) {
        return rng.nextInt(actions);
    }
}
