package dev.lrlab.agents.optim;

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

    /** The most effective step sizes the percentiles are taken over; more are subsampled evenly. */
    static final int SAMPLE = 16_384;

    /**
     * Reads the stats off an optimizer, over the parameters that have had a gradient (every k-th of
     * them when there are more than {@link #SAMPLE});
     * {@code scratch} must hold {@code optimizer.size()} entries.
     */
    public static StepSizeStats of(Optimizer optimizer, double[] scratch) {
        int n = optimizer.effectiveStepSizes(scratch);
        double paramNorm = optimizer.lastParamNorm();
        double ratio = paramNorm == 0 ? Double.NaN : optimizer.lastUpdateNorm() / paramNorm;
        if (n == 0) {
            return new StepSizeStats(Double.NaN, Double.NaN, Double.NaN, ratio);
        }
        // a network's layer has 10^5 parameters, read every interval: the percentiles of an even
        // subsample of at most SAMPLE of them (every k-th), by selection rather than a sort
        int k = (n + SAMPLE - 1) / SAMPLE;
        if (k > 1) {
            int m = 0;
            for (int i = 0; i < n; i += k) {
                scratch[m++] = scratch[i];
            }
            n = m;
        }
        return new StepSizeStats(select(scratch, n, 0.05), select(scratch, n, 0.5), select(scratch, n, 0.95), ratio);
    }

    /**
     * The percentile {@code q} of {@code a[0..n)} as {@link #percentile} gives it on the sorted
     * values, found by selecting the two closest ranks (the array is reordered, not sorted).
     */
    static double select(double[] a, int n, double q) {
        double pos = q * (n - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(n - 1, lo + 1);
        double low = nth(a, 0, n, lo);
        double high = hi == lo ? low : nth(a, lo + 1, n, hi); // after the first, a[lo + 1..n) holds the larger values
        return low + (high - low) * (pos - lo);
    }

    /** The value of rank {@code k} within {@code a[from..to)} (Hoare's selection, middle pivot), reordering that range. */
    private static double nth(double[] a, int from, int to, int k) {
        int left = from;
        int right = to - 1;
        while (left < right) {
            double pivot = a[(left + right) >>> 1];
            int i = left;
            int j = right;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double swap = a[i];
                    a[i] = a[j];
                    a[j] = swap;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                right = j;
            } else if (k >= i) {
                left = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    /** Linear interpolation between closest ranks (NumPy's default). */
    static double percentile(double[] sorted, int n, double q) {
        double pos = q * (n - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(n - 1, lo + 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }
}
