package dev.lrlab.reports.stats;

import java.util.Arrays;

/** The point statistics lrlab reports: mean, interquartile mean, and the probability of improvement. */
public final class Statistics {

    private Statistics() {
    }

    public static double mean(double[] x) {
        if (x.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return sum / x.length;
    }

    /** Sample standard deviation (n - 1 in the denominator). */
    public static double standardDeviation(double[] x) {
        if (x.length < 2) {
            return Double.NaN;
        }
        double m = mean(x);
        double ss = 0;
        for (double v : x) {
            ss += (v - m) * (v - m);
        }
        return Math.sqrt(ss / (x.length - 1));
    }

    /**
     * The interquartile mean: the mean of the middle half, after cutting {@code floor(n / 4)} values
     * from each end of the sorted sample (rliable's IQM, which is scipy's {@code trim_mean(x, 0.25)}).
     * Robust to the outlier seeds that a mean lets dominate.
     */
    public static double iqm(double[] x) {
        if (x.length == 0) {
            return Double.NaN;
        }
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        return trimmedMeanOfSorted(sorted, sorted.length);
    }

    static double trimmedMeanOfSorted(double[] sorted, int n) {
        int cut = n / 4;
        double sum = 0;
        for (int i = cut; i < n - cut; i++) {
            sum += sorted[i];
        }
        return sum / (n - 2 * cut);
    }

    /**
     * P(X > Y) + P(X = Y) / 2 for a score X of configuration x and Y of configuration y drawn
     * independently (rliable's probability of improvement: the Mann-Whitney U statistic over n m).
     */
    public static double probabilityOfImprovement(double[] x, double[] y) {
        if (x.length == 0 || y.length == 0) {
            return Double.NaN;
        }
        double wins = 0;
        for (double a : x) {
            for (double b : y) {
                wins += a > b ? 1 : a == b ? 0.5 : 0;
            }
        }
        return wins / ((double) x.length * y.length);
    }
}
