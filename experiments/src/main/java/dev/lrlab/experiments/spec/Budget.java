package dev.lrlab.experiments.spec;

/**
 * How long each trial trains: a number of episodes or of environment steps (exactly one is
 * non-zero), with an optional per-episode step limit applied as truncation.
 *
 * @param episodes training episodes, or 0 when the budget is in steps
 * @param steps training steps, or 0 when the budget is in episodes
 * @param maxEpisodeSteps time limit per episode, or 0 for the environment's own
 */
public record Budget(int episodes, long steps, int maxEpisodeSteps) {

    public boolean inSteps() {
        return steps > 0;
    }
}
