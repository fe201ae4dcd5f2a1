package dev.lrlab.experiments.spec;

/**
 * Greedy evaluation during training.
 *
 * @param every training episodes between evaluations
 * @param episodes greedy episodes per evaluation
 */
public record EvaluationSpec(int every, int episodes) {
}
