package dev.lrlab.reports;

/**
 * How a report summarises: smoothing, x axis, summary windows and the bootstrap.
 *
 * @param smoothing moving-window width over episodes for the curves (0: about 1/50 of the episodes)
 * @param overSteps draw curves against environment steps instead of episodes
 * @param window episodes in the interim and asymptotic windows (0: a tenth of the episodes)
 * @param resamples bootstrap resamples for intervals
 * @param confidence confidence level of intervals and bands
 * @param seed seed of the bootstrap's generator
 */
public record ReportOptions(int smoothing, boolean overSteps, int window, int resamples, double confidence, long seed) {

    public static final ReportOptions DEFAULTS = new ReportOptions(0, false, 0, 2000, 0.95, 0);
}
