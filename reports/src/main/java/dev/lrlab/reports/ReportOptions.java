package dev.lrlab.reports;

/**
 * How a report summarises: smoothing, x axis, summary windows and the bootstrap.
 *
 * @param smoothing moving-window width over episodes for the curves (0: about 1/50 of the episodes)
 * @param xAxis what the curves are drawn against
 * @param window episodes in the interim and asymptotic windows (0: a tenth of the episodes)
 * @param resamples bootstrap resamples for intervals
 * @param confidence confidence level of intervals and bands
 * @param seed seed of the bootstrap's generator
 * @param xParameter the swept path on the x axis of the sensitivity figures, or null for the learning
 *     rate (or, when the run did not sweep it, the first swept path)
 * @param highlight which values of x the return curves draw in full: null or "auto" (all of them up
 *     to six; past six, each panel's smallest, largest and best, the rest thin and faint), "all", or
 *     a comma-separated list of values as the figures write them ("0.1,0.5,1")
 */
public record ReportOptions(int smoothing, XAxis xAxis, int window, int resamples, double confidence, long seed,
        String xParameter, String highlight) {

    public ReportOptions(int smoothing, XAxis xAxis, int window, int resamples, double confidence, long seed) {
        this(smoothing, xAxis, window, resamples, confidence, seed, null, null);
    }

    public ReportOptions(int smoothing, XAxis xAxis, int window, int resamples, double confidence, long seed,
            String xParameter) {
        this(smoothing, xAxis, window, resamples, confidence, seed, xParameter, null);
    }

    /** The x axis of return curves. */
    public enum XAxis {
        /** Environment steps when the run's budget was in steps (episodes then differ in number), else episodes. */
        AUTO,
        EPISODES,
        /** Environment steps, each trial's curve resampled onto a common grid. */
        STEPS
    }

    public static final ReportOptions DEFAULTS = new ReportOptions(0, XAxis.AUTO, 0, 2000, 0.95, 0);

    public boolean overSteps() {
        return xAxis == XAxis.STEPS;
    }

    /** These options with AUTO settled for a run. */
    public ReportOptions resolvedFor(RunData run) {
        if (xAxis != XAxis.AUTO) {
            return this;
        }
        boolean steps = run.manifest() != null && run.manifest().spec() != null
                && run.manifest().spec().isJsonObject()
                && run.manifest().spec().getAsJsonObject().get("budget") instanceof com.google.gson.JsonObject b
                && b.has("steps");
        return new ReportOptions(smoothing, steps ? XAxis.STEPS : XAxis.EPISODES, window, resamples, confidence, seed,
                xParameter, highlight);
    }
}
