package dev.lrlab.reports.stats;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The mean of several curves at each x, with a confidence band across them that never leaves the
 * range of the data at that x: a percentile bootstrap of the mean (resamples drawn once per curve
 * set, the same at every x, from a fixed seed) for fewer than {@link #BOOTSTRAP_BELOW} curves, and
 * for more the Student-t interval, which the central limit theorem makes good there, cut to the
 * data's range (where returns pile up at a bound, the t-interval alone would pass it). Curves may
 * have different lengths (NaN marks a missing point); each x uses the curves that reach it.
 *
 * @param x the x values
 * @param mean the mean at each x
 * @param low lower end of the band
 * @param high upper end of the band
 * @param count how many curves contributed at each x
 */
public record MeanCurve(double[] x, double[] mean, double[] low, double[] high, int[] count) {

    /** Below this many curves the band is a bootstrap; from it on, a t-interval cut to the data's range. */
    public static final int BOOTSTRAP_BELOW = 100;
    private static final int RESAMPLES = 400;

    /** Averages {@code curves[i][j]} (curve i at x[j]). */
    public static MeanCurve of(double[] x, double[][] curves, double confidence) {
        int m = x.length;
        double[] mean = new double[m];
        double[] low = new double[m];
        double[] high = new double[m];
        int[] count = new int[m];
        boolean bootstrap = curves.length < BOOTSTRAP_BELOW;
        // draws per number of curves that reach an x (all of them, mostly; fewer past a short curve's end)
        java.util.Map<Integer, int[][]> draws = new java.util.HashMap<>();
        double[] values = new double[curves.length];
        double[] means = new double[RESAMPLES];
        for (int j = 0; j < m; j++) {
            int n = 0;
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double[] c : curves) {
                if (j < c.length && !Double.isNaN(c[j])) {
                    values[n++] = c[j];
                    sum += c[j];
                    min = Math.min(min, c[j]);
                    max = Math.max(max, c[j]);
                }
            }
            double mu = n == 0 ? Double.NaN : sum / n;
            mean[j] = mu;
            count[j] = n;
            if (n < 2) {
                low[j] = mu;
                high[j] = mu;
            } else if (bootstrap) {
                int[][] indices = draws.computeIfAbsent(n, MeanCurve::resamples);
                for (int b = 0; b < RESAMPLES; b++) {
                    double s = 0;
                    for (int k = 0; k < n; k++) {
                        s += values[indices[b][k]];
                    }
                    means[b] = s / n;
                }
                Arrays.sort(means);
                double tail = (1 - confidence) / 2;
                low[j] = Math.max(min, quantile(means, tail));
                high[j] = Math.min(max, quantile(means, 1 - tail));
            } else {
                double ss = 0;
                for (int k = 0; k < n; k++) {
                    ss += (values[k] - mu) * (values[k] - mu);
                }
                double half = tQuantile(n - 1, confidence) * Math.sqrt(ss / (n - 1) / n);
                low[j] = Math.max(min, mu - half);
                high[j] = Math.min(max, mu + half);
            }
        }
        return new MeanCurve(x, mean, low, high, count);
    }

    /**
     * The curve of many curves (at least {@link #BOOTSTRAP_BELOW}) from their moments at each x: the
     * count, the sum, the sum of squared deviations from the mean (Welford's), the smallest and
     * largest value. The band is the t-interval cut to the data's range, as {@link #of} gives it
     * for as many curves; the curves themselves need not be held.
     */
    public static MeanCurve ofMoments(double[] x, int[] count, double[] sum, double[] squaredDeviations, double[] min,
            double[] max, double confidence) {
        int m = x.length;
        double[] mean = new double[m];
        double[] low = new double[m];
        double[] high = new double[m];
        for (int j = 0; j < m; j++) {
            int n = count[j];
            double mu = n == 0 ? Double.NaN : sum[j] / n;
            mean[j] = mu;
            if (n < 2) {
                low[j] = mu;
                high[j] = mu;
            } else {
                double half = tQuantile(n - 1, confidence) * Math.sqrt(squaredDeviations[j] / (n - 1) / n);
                low[j] = Math.max(min[j], mu - half);
                high[j] = Math.min(max[j], mu + half);
            }
        }
        return new MeanCurve(x, mean, low, high, count.clone());
    }

    /** RESAMPLES draws of n indices in [0, n) with replacement, from a seed fixed by n alone. */
    private static int[][] resamples(int n) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(0x5EEDL * 31 + n);
        int[][] out = new int[RESAMPLES][n];
        for (int[] draw : out) {
            for (int k = 0; k < n; k++) {
                draw[k] = rng.nextInt(n);
            }
        }
        return out;
    }

    /** The q-quantile of sorted values, interpolated between neighbours (type 7, as numpy's default). */
    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int k = Math.min(i + 1, sorted.length - 1);
        return sorted[i] + (pos - i) * (sorted[k] - sorted[i]);
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
