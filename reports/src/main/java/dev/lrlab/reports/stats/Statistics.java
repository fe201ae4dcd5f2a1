package dev.lrlab.reports.stats;

import java.util.Arrays;

/** The point statistics lrlab reports: mean, interquartile mean, and the probability of improvement. */
public final class Statistics {

    private Statistics() {
    }

    public static double mean(double[] x) {
        return mean(x, 0, x.length);
    }

    /** The mean of {@code x[from .. to)}, summed in order: {@link #mean(double[])} of that copy, without the copy. */
    public static double mean(double[] x, int from, int to) {
        if (to <= from) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += x[i];
        }
        return sum / (to - from);
    }

    /**
     * {@code Arrays.stream(x, from, to).average()} (NaN when empty), by its algorithm: Kahan's
     * compensated sum, and the plain sum kept beside it for when the compensated one is NaN from
     * infinities. The stream's lambdas and spliterator cost more than the sum under the quick
     * compiler a report runs with; StatisticsTest holds the two equal to the bit.
     */
    public static double compensatedMean(double[] x, int from, int to) {
        if (to <= from) {
            return Double.NaN;
        }
        double sum = 0;
        double compensation = 0;
        double simple = 0;
        for (int i = from; i < to; i++) {
            double v = x[i];
            double y = v - compensation;
            double t = sum + y;
            compensation = (t - sum) - y;
            sum = t;
            simple += v;
        }
        double total = sum - compensation;
        if (Double.isNaN(total) && Double.isInfinite(simple)) {
            total = simple;
        }
        return total / (to - from);
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
     * Each pair counts 1 when {@code a > b}, 1/2 when {@code a == b} (so -0.0 ties 0.0) and 0
     * otherwise (a NaN wins nothing and loses nothing). The count comes from y sorted and two
     * binary searches per a, in O((n + m) log m), not from all n m pairs (33,334 seeds a side took
     * a report 30 s); the counts are integers and halves, exact in a double, so the result is the
     * pairwise sum's to the bit.
     */
    public static double probabilityOfImprovement(double[] x, double[] y) {
        if (x.length == 0 || y.length == 0) {
            return Double.NaN;
        }
        double[] sorted = Arrays.stream(y).filter(v -> !Double.isNaN(v)).sorted().toArray();
        double wins = 0;
        for (double a : x) {
            if (Double.isNaN(a)) {
                continue;
            }
            int below = firstNotBelow(sorted, a);
            int notAbove = firstAbove(sorted, a, below);
            wins += below + 0.5 * (notAbove - below);
        }
        return wins / ((double) x.length * y.length);
    }

    /** The first index whose value is not {@code < a} (the count of values below a). */
    private static int firstNotBelow(double[] sorted, double a) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < a) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The first index from {@code from} whose value is {@code > a}. */
    private static int firstAbove(double[] sorted, double a, int from) {
        int lo = from;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= a) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
