package dev.lrlab.experiments.run;

/**
 * How a sweep went.
 *
 * @param planned trials in the sweep
 * @param skipped trials already in the run directory from an earlier run
 * @param completed trials that ran their budget in this run
 * @param diverged trials that diverged in this run
 * @param failed trials that failed in this run
 * @param steps environment steps taken in this run
 * @param wallSeconds wall time of this run
 * @param interrupted whether the run was stopped before every trial finished
 */
public record SweepSummary(int planned, int skipped, int completed, int diverged, int failed, long steps,
        double wallSeconds, boolean interrupted) {

    /** One line for the terminal. */
    public String describe() {
        return String.format(java.util.Locale.ROOT,
                "%d trials: %d completed, %d diverged, %d failed%s; %,d steps in %.1f s (%.2f M steps/s)%s",
                planned, completed, diverged, failed,
                skipped > 0 ? ", " + skipped + " already done" : "", steps, wallSeconds,
                wallSeconds > 0 ? steps / wallSeconds / 1e6 : 0.0,
                interrupted ? "; INTERRUPTED: rerun the same command to resume" : "");
    }
}
