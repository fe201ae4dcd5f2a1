package dev.lrlab.reports.results;

/**
 * What the agent measured, sampled every {@code every} training episodes (entry i covers the
 * episodes since entry i - 1). Missing values (no update in the stretch, no optimizer) are NaN in
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
}
