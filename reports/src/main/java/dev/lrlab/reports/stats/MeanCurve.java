package dev.lrlab.reports.stats;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The mean of several curves at each x, with a 95% Student-t confidence band across them. Curves
 * may have different lengths (NaN marks a missing point); each x uses the curves that reach it.
 *
 * @param x the x values
 * @param mean the mean at each x
 * @param low lower end of the band
 * @param high upper end of the band
 * @param count how many curves contributed at each x
 */
public record MeanCurve(double[] x, double[] mean, double[] low, double[] high, int[] count) {

    /** Averages {@code curves[i][j]} (curve i at x[j]). */
    public static MeanCurve of(double[] x, double[][] curves, double confidence) {
        int m = x.length;
        double[] mean = new double[m];
        double[] low = new double[m];
        double[] high = new double[m];
        int[] count = new int[m];
        for (int j = 0; j < m; j++) {
            double sum = 0;
            int n = 0;
            for (double[] c : curves) {
                if (j < c.length && !Double.isNaN(c[j])) {
                    sum += c[j];
                    n++;
                }
            }
            double mu = n == 0 ? Double.NaN : sum / n;
            double ss = 0;
            for (double[] c : curves) {
                if (j < c.length && !Double.isNaN(c[j])) {
                    ss += (c[j] - mu) * (c[j] - mu);
                }
            }
            double half = n < 2 ? 0 : tQuantile(n - 1, confidence) * Math.sqrt(ss / (n - 1) / n);
            mean[j] = mu;
            low[j] = mu - half;
            high[j] = mu + half;
            count[j] = n;
        }
        return new MeanCurve(x, mean, low, high, count);
    }

    private static double tQuantile(int degreesOfFreedom, double confidence) {
        return TDistribution.of(degreesOfFreedom).inverseCumulativeProbability(0.5 + confidence / 2);
    }

    /** A trailing moving average over {@code window} points (fewer at the start). */
    public static double[] smooth(double[] y, int window) {
        if (window <= 1) {
            return y.clone();
        }
        double[] out = new double[y.length];
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            sum += y[i];
            if (i >= window) {
                sum -= y[i - window];
            }
            out[i] = sum / Math.min(i + 1, window);
        }
        return out;
    }

    /**
     * A per-episode curve resampled onto a grid of environment steps: at each grid step, the
     * return of the last episode finished by then (NaN before the first, and past the trial's end).
     */
    public static double[] onStepGrid(double[] returns, int[] lengths, double[] grid) {
        double[] out = new double[grid.length];
        long end = 0;
        int episode = -1;
        long total = 0;
        for (int l : lengths) {
            total += l;
        }
        for (int j = 0; j < grid.length; j++) {
            while (episode + 1 < lengths.length && end + lengths[episode + 1] <= grid[j]) {
                episode++;
                end += lengths[episode];
            }
            out[j] = episode < 0 || grid[j] > total ? Double.NaN : returns[episode];
        }
        return out;
    }
}
