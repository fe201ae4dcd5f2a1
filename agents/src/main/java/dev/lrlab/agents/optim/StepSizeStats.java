package dev.lrlab.agents.optim;

import java.util.Arrays;

/**
 * The distribution, over the parameters that have had a gradient, of an optimizer's effective step
 * size at its last update, and
 * how large that update was relative to the parameters.
 *
 * @param p5 5th percentile of the effective step sizes
 * @param p50 median
 * @param p95 95th percentile
 * @param updateToParamRatio norm of the last update over norm of the parameters
 */
public record StepSizeStats(double p5, double p50, double p95, double updateToParamRatio) {

    /**
     * Reads the stats off an optimizer, over the parameters that have had a gradient;
     * {@code scratch} must hold {@code optimizer.size()} entries.
     */
    public static StepSizeStats of(Optimizer optimizer, double[] scratch) {
        int n = optimizer.effectiveStepSizes(scratch);
        double paramNorm = optimizer.lastParamNorm();
        double ratio = paramNorm == 0 ? Double.NaN : optimizer.lastUpdateNorm() / paramNorm;
        if (n == 0) {
            return new StepSizeStats(Double.NaN, Double.NaN, Double.NaN, ratio);
        }
        Arrays.sort(scratch, 0, n);
        return new StepSizeStats(percentile(scratch, n, 0.05), percentile(scratch, n, 0.5),
                percentile(scratch, n, 0.95), ratio);
    }

    /** Linear interpolation between closest ranks (NumPy's default). */
    static double percentile(double[] sorted, int n, double q) {
        double pos = q * (n - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(n - 1, lo + 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }
}
