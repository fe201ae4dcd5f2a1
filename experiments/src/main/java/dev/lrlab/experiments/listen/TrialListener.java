package dev.lrlab.experiments.listen;

import dev.lrlab.experiments.run.Trial;

/**
 * Watches a trial at its episode and evaluation boundaries and says whether it should go on.
 * Reduce-on-plateau is one ({@link PlateauListener}); early-stopping rules and the pruning of a
 * search are others. A trial that a listener stops is recorded as {@code stopped}, with the step.
 */
@FunctionalInterface
public interface TrialListener {

    /** Where in a trial a listener is called. */
    enum Boundary {
        /** After each training episode (and the metrics interval it may close). */
        EPISODE,
        /** After each greedy evaluation. */
        EVALUATION
    }

    /** Called at each boundary with what the trial has produced so far. */
    Decision at(Boundary boundary, TrialProgress progress);

    /** Makes each trial's listener: listeners keep state, so every trial has its own. */
    @FunctionalInterface
    interface Factory {
        TrialListener create(Trial trial);
    }
}
