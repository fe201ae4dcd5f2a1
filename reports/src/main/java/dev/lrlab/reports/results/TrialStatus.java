package dev.lrlab.reports.results;

/** How a trial ended. Divergence is a result (the step size was too large); failure is a bug. */
public enum TrialStatus {
    /** Ran its whole budget. */
    completed,
    /** Stopped when a value became non-finite or left its bound. */
    diverged,
    /** Stopped by an error in lrlab or a plugin. */
    failed
}
