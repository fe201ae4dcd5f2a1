package dev.lrlab.reports.results;

/**
 * Greedy evaluation episodes run after a number of training episodes, recorded apart from the
 * training returns.
 *
 * @param episode training episodes finished when the evaluation ran
 * @param steps training steps taken when the evaluation ran
 * @param meanReturn mean return of the greedy episodes
 * @param episodes how many greedy episodes were run
 */
public record Evaluation(int episode, long steps, double meanReturn, int episodes) {
}
