package dev.lrlab.reports.results;

/**
 * How a trial ended. Divergence is a result (the step size was too large); failure is a bug; a
 * stopped trial was ended on purpose by a listener.
 */
public enum TrialStatus {
    /** Ran its whole budget. */
    completed,
    /** Stopped when a value became non-finite or left its bound. */
    diverged,
    /** Stopped by an error in lrlab or a plugin. */
    failed,
    /** Stopped early by a trial listener (an early-stopping rule, a search's pruner). */
    stopped
}
