package dev.lrlab.experiments.run;

import java.util.Map;

/**
 * How a sweep went.
 *
 * @param planned trials in the sweep
 * @param skipped trials already in the run directory from an earlier run
 * @param completed trials that ran their budget in this run
 * @param diverged trials that diverged in this run
 * @param failed trials that failed in this run
 * @param stopped trials that a listener stopped in this run
 * @param steps environment steps taken in this run
 * @param wallSeconds wall time of this run
 * @param interrupted whether the run was stopped before every trial finished
 * @param failures each distinct cause of a failed trial (class, message, where), with its count
 * @param neverEnded completed trials in this run none of whose episodes ended before the time limit
 */
public record SweepSummary(int planned, int skipped, int completed, int diverged, int failed, int stopped,
        long steps, double wallSeconds, boolean interrupted, Map<String, Integer> failures, int neverEnded) {

    /** One line for the terminal, then a line per distinct failure. */
    public String describe() {
        if (skipped == planned && !interrupted) {
            return String.format(java.util.Locale.ROOT, "%d trials, all already done: nothing was run", planned);
        }
        // a search that stops configurations early plans an upper bound; a finished run says what ran
        int shown = interrupted ? planned : skipped + completed + diverged + failed + stopped;
        StringBuilder out = new StringBuilder(String.format(java.util.Locale.ROOT,
                "%d trials: %d completed, %d diverged, %d failed%s%s; %,d steps in %.1f s (%s steps/s)%s",
                shown, completed, diverged, failed, stopped > 0 ? ", " + stopped + " stopped" : "",
                skipped > 0 ? ", " + skipped + " already done" : "", steps, wallSeconds,
                ProgressReporter.count(wallSeconds > 0 ? steps / wallSeconds : 0.0),
                interrupted ? "; INTERRUPTED: rerun the same command to resume" : ""));
        if (neverEnded > 0) {
            out.append(String.format(java.util.Locale.ROOT, "%n  %d completed trial%s never ended an episode: every "
                    + "episode hit the time limit (the agent never reached a terminal state)", neverEnded,
                    neverEnded == 1 ? "" : "s"));
        }
        failures.forEach((cause, count) -> out.append(String.format(java.util.Locale.ROOT,
                "%n  failed (%d trial%s): %s", count, count == 1 ? "" : "s", cause)));
        return out.toString();
    }
}
