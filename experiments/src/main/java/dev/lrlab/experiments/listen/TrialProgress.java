package dev.lrlab.experiments.listen;

import dev.lrlab.env.metrics.MetricLog;

/** What a running trial has produced so far, as its listeners see it. */
public interface TrialProgress {

    /** Training episodes finished. */
    int episodes();

    /** Training steps taken. */
    long steps();

    /**
     * The trial's metrics by name: what the agent, its optimizers, the environment and the runner
     * published ({@code episode_return}, {@code episode_length}, {@code evaluation_return} among them).
     */
    MetricLog metrics();
}
