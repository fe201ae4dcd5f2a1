package dev.lrlab.reports.stats;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Stratified percentile bootstrap (as rliable does): each resample draws, within every stratum,
 * as many values as the stratum has, with replacement; the interval is the percentiles of the
 * statistic over the resamples. Seeded, so a report is reproducible.
 */
public final class Bootstrap {

    /** Which statistic an interval is for. */
    public enum Statistic { MEAN, IQM }

    private final int resamples;
    private final double confidence;
    private final long seed;

    private Bootstrap(int resamples, double confidence, long seed) {
        this.resamples = resamples;
        this.confidence = confidence;
        this.seed = seed;
    }

    public static Bootstrap of(int resamples, double confidence, long seed) {
        if (resamples < 100) {
            throw new IllegalArgumentException("at least 100 bootstrap resamples are needed, was " + resamples);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), was " + confidence);
        }
        return new Bootstrap(resamples, confidence, seed);
    }

    public int resamples() {
        return resamples;
    }

    /** The interval for one sample (one stratum). */
    public Interval interval(double[] sample, Statistic statistic) {
        return interval(new double[][] {sample}, statistic);
    }

    /** The interval over strata (for example one per task), resampling within each. */
    public Interval interval(double[][] strata, Statistic statistic) {
        int n = 0;
        for (double[] s : strata) {
            n += s.length;
        }
        if (n == 0) {
            return Interval.EMPTY;
        }
        double[] all = new double[n];
        int k = 0;
        for (double[] s : strata) {
            System.arraycopy(s, 0, all, k, s.length);
            k += s.length;
        }
        double estimate = apply(statistic, all.clone(), n);
        if (n == 1) {
            return new Interval(estimate, estimate, estimate);
        }
        // a generator per call, from the seed and the data, so that results do not depend on call order
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(
                (seed * 0x9E3779B97F4A7C15L) ^ Arrays.hashCode(all));
        double[] values = new double[resamples];
        double[] draw = new double[n];
        for (int b = 0; b < resamples; b++) {
            int j = 0;
            for (double[] s : strata) {
                for (int i = 0; i < s.length; i++) {
                    draw[j++] = s[rng.nextInt(s.length)];
                }
            }
            values[b] = apply(statistic, draw, n);
        }
        Arrays.sort(values);
        double alpha = 1 - confidence;
        return new Interval(estimate, quantile(values, alpha / 2), quantile(values, 1 - alpha / 2));
    }

    private static double apply(Statistic statistic, double[] x, int n) {
        if (statistic == Statistic.MEAN) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += x[i];
            }
            return sum / n;
        }
        Arrays.sort(x, 0, n);
        return Statistics.trimmedMeanOfSorted(x, n);
    }

    /** Linear interpolation between order statistics (NumPy's default percentile). */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }
}
