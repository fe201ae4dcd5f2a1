package dev.lrlab.agents;

import dev.lrlab.env.Environment;

/**
 * A learner that acts in an environment. The runner drives it with one loop:
 *
 * <pre>{@code
 * env.reset(seed);
 * int action = agent.start(env);
 * while (!env.episodeOver()) {
 *     double reward = env.step(action);
 *     action = agent.step(reward, env);
 * }
 * agent.end(env);
 * }</pre>
 *
 * The agent reads observations and the {@code terminated} / {@code truncated} flags from the
 * environment itself, so a step allocates nothing. It stops with a {@link DivergedException} when
 * its values become non-finite or leave their bound. What it measures (TD errors, losses, update
 * sizes) it publishes through the metric sink of its {@link TrialContext}.
 */
public interface Agent {

    /** Starts an episode on a freshly reset environment and returns the first action. */
    int start(Environment env);

    /**
     * Learns from the transition the last action made (its reward; the new observation and flags
     * are read from {@code env}) and returns the next action, which the caller ignores once the
     * episode is over.
     */
    int step(double reward, Environment env);

    /** Called once after the last step of an episode; agents that learn from whole episodes learn here. */
    default void end(Environment env) {
    }

    /** The action the agent's current greedy policy takes, without exploring or learning. */
    int greedyAction(Environment env);
}
