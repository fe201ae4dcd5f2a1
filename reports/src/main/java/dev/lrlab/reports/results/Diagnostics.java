package dev.lrlab.reports.results;

/**
 * What the agent measured in runs made before metrics were named, sampled every {@code every}
 * training episodes (entry i covers the episodes since entry i - 1). Read from old run directories
 * only, and shown as today's metrics by {@link #asMetrics()}. Missing values (no update in the stretch, no optimizer) are NaN in
 * memory and null in the file.
 *
 * @param every training episodes per entry
 * @param episode training episodes finished at each entry
 * @param tdError mean |TD error|
 * @param policyLoss mean policy loss
 * @param updateMagnitude mean norm of an update
 * @param rate mean base step size used
 * @param stepSizeP5 5th percentile over parameters of the optimizer's effective step size
 * @param stepSizeP50 its median
 * @param stepSizeP95 its 95th percentile
 * @param updateRatio norm of the last update over norm of the parameters
 */
public record Diagnostics(int every, int[] episode, double[] tdError, double[] policyLoss,
        double[] updateMagnitude, double[] rate, double[] stepSizeP5, double[] stepSizeP50,
        double[] stepSizeP95, double[] updateRatio) {

    /** These measurements under the names today's agents publish them by. */
    public MetricSeries asMetrics() {
        java.util.Map<String, double[]> values = new java.util.LinkedHashMap<>();
        put(values, "abs_td_error", tdError);
        put(values, "policy_loss", policyLoss);
        put(values, "update_size", updateMagnitude);
        put(values, "step_size", rate);
        put(values, "effective_step_size_p5", stepSizeP5);
        put(values, "effective_step_size_p50", stepSizeP50);
        put(values, "effective_step_size_p95", stepSizeP95);
        put(values, "update_ratio", updateRatio);
        return new MetricSeries(every, episode, null, values);
    }

    private static void put(java.util.Map<String, double[]> values, String name, double[] column) {
        if (column != null && java.util.Arrays.stream(column).anyMatch(Double::isFinite)) {
            values.put(name, column);
        }
    }
}
