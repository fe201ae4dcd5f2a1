package dev.lrlab.agents;

import dev.lrlab.env.Environment;

/** The loop that runs one episode of an agent in an environment, learning or greedy. */
public final class EpisodeLoop {

    private EpisodeLoop() {
    }

    /**
     * Runs one learning episode on an environment the caller has just reset, and returns its
     * (undiscounted) return.
     */
    public static double train(Agent agent, Environment env) {
        return train(agent, env, Long.MAX_VALUE);
    }

    /**
     * As {@link #train(Agent, Environment)}, but stops after {@code maxSteps} steps; an episode cut
     * off that way is left running (not over) and the agent's {@code end} is not called, so the
     * caller can tell it apart by {@link Environment#episodeOver()}.
     */
    public static double train(Agent agent, Environment env, long maxSteps) {
        double total = 0;
        int action = agent.start(env);
        for (long t = 0; !env.episodeOver() && t < maxSteps; t++) {
            double reward = env.step(action);
            total += reward;
            action = agent.step(reward, env);
        }
        if (env.episodeOver()) {
            agent.end(env);
        }
        return total;
    }

    /**
     * Runs one greedy episode without learning on an environment the caller has just reset, and
     * returns its return. Stops after {@code maxSteps} when the environment has no time limit of
     * its own, so a greedy policy that loops cannot hang the run.
     */
    public static double evaluate(Agent agent, Environment env, int maxSteps) {
        double total = 0;
        for (int t = 0; t < maxSteps && !env.episodeOver(); t++) {
            total += env.step(agent.greedyAction(env));
        }
        return total;
    }
}
