package dev.lrlab.reports.stats;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.commons.rng.RandomProviderState;
import org.apache.commons.rng.core.RandomProviderDefaultState;
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
        IndexDraws draws = IndexDraws.seeded((seed * 0x9E3779B97F4A7C15L) ^ Arrays.hashCode(all));
        double[] means = new double[resamples];
        double[] iqms = new double[resamples];
        resample(strata, all, draws, means, iqms);
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
     * O(n) a resample instead of O(n log n). A value not drawn adds its weight 0 times itself, +0.0
     * or -0.0, which leaves any sum as it was: the same bits as skipping it, without a branch that
     * the CPU would guess wrong about a third of the time (a count is 0 with probability 1/e).
     */
    private void resample(double[][] strata, double[] all, IndexDraws draws, double[] means, double[] iqms) {
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
        // 0 times an infinite value is NaN, not zero: then the branch stays
        boolean finite = true;
        for (double v : sorted) {
            finite &= Double.isFinite(v);
        }
        int cut = n / 4;
        int last = n - cut;
        int[] counts = new int[n];
        for (int b = 0; b < resamples; b++) {
            Arrays.fill(counts, 0);
            double total = 0;
            int offset = 0;
            for (double[] s : strata) {
                total = draws.tally(counts, rank, all, offset, s.length, total);
                offset += s.length;
            }
            means[b] = total / n;
            // the middle half of the sorted resample: value k fills positions [position, position + count);
            // values wholly below it are skipped
            int position = 0;
            int k = 0;
            while (position + counts[k] <= cut) {
                position += counts[k++];
            }
            double sum = 0;
            if (finite) {
                for (; position < last; k++) {
                    int c = counts[k];
                    sum += (Math.min(position + c, last) - Math.max(position, cut)) * sorted[k];
                    position += c;
                }
            } else {
                for (; position < last; k++) {
                    int c = counts[k];
                    if (c != 0) {
                        sum += (Math.min(position + c, last) - Math.max(position, cut)) * sorted[k];
                        position += c;
                    }
                }
            }
            iqms[b] = sum / (n - 2 * cut);
        }
    }

    /**
     * The draws of {@code rng.nextInt(bound)} on a fresh 64-bit generator, made without its call
     * chain. A report's intervals draw hundreds of millions of indices, much of it under the quick
     * compiler, which inlines none of the calls behind each {@code nextInt(bound)}. The same
     * numbers: each {@code nextLong()} gives two 32-bit values, low half first, as Commons RNG's
     * {@code LongProvider.nextInt()} hands them out, and a bound is applied by Lemire's
     * multiply-and-reject, as its {@code nextInt(bound)} does. IndexDrawsTest holds the two equal
     * over many seeds and bounds, and on a generator made to be rejected, so an upgrade of Commons
     * RNG that changed either would be seen.
     */
    static final class IndexDraws {
        private static final long LOW = 0xffffffffL;
        // a generator given as such (tests), else null and the generator is the state below
        private final LongProvider rng;
        // XoRoShiRo128++'s state, stepped here: the quick compiler does not inline the two calls
        // behind the provider's nextLong(), which then took 9 ns against 2 for the rest of a draw
        private long s0;
        private long s1;
        private long high;
        private boolean hasHigh;

        /** Draws from a generator that has handed out nothing since it was made. */
        IndexDraws(LongProvider rng) {
            this.rng = rng;
        }

        private IndexDraws(long s0, long s1) {
            this.rng = null;
            this.s0 = s0;
            this.s1 = s1;
        }

        /**
         * Draws from {@code RandomSource.XO_RO_SHI_RO_128_PP.create(seed)}. Its state is read from the
         * provider's saved state (two little-endian longs first), and the generator stepped here is
         * checked against a second provider of the same seed over two outputs before it is used; if
         * a Commons RNG release laid its state out otherwise, the provider itself would serve.
         */
        static IndexDraws seeded(long seed) {
            LongProvider provider = (LongProvider) RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
            RandomProviderState saved = provider.saveState();
            if (saved instanceof RandomProviderDefaultState state && state.getState().length >= 16) {
                ByteBuffer bytes = ByteBuffer.wrap(state.getState()).order(ByteOrder.LITTLE_ENDIAN);
                IndexDraws own = new IndexDraws(bytes.getLong(0), bytes.getLong(8));
                IndexDraws check = new IndexDraws(own.s0, own.s1);
                if (check.nextLong() == provider.nextLong() && check.nextLong() == provider.nextLong()) {
                    return own;
                }
            }
            return new IndexDraws((LongProvider) RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
        }

        /** Whether the generator is stepped here (the fast path), not called through a provider. */
        boolean stepsItsOwnGenerator() {
            return rng == null;
        }

        /** The generator's next output: XoRoShiRo128++ (Blackman and Vigna), as Commons RNG computes it. */
        private long nextLong() {
            if (rng != null) {
                return rng.nextLong();
            }
            long a = s0;
            long b = s1;
            long result = Long.rotateLeft(a + b, 17) + a;
            b ^= a;
            s0 = Long.rotateLeft(a, 49) ^ b ^ (b << 21);
            s1 = Long.rotateLeft(b, 28);
            return result;
        }

        /** Fills {@code into[offset .. offset + bound)} with {@code offset + nextInt(bound)}, in order. */
        void fill(int[] into, int offset, int bound) {
            long threshold = (1L << 32) % bound;
            for (int i = offset, end = offset + bound; i < end; ) {
                long m = candidate(bound);
                if ((m & LOW) >= threshold) {
                    into[i++] = offset + (int) (m >>> 32);
                }
            }
        }

        /**
         * Draws {@code bound} indices as {@link #fill} does and, for each index d in the order drawn,
         * adds {@code values[offset + d]} to {@code total} and counts its rank; returns the total.
         * Both halves of a {@code nextLong()} are taken at once when no half is left over, the
         * one-at-a-time path serving the rest: a leftover half, a last odd draw, a rejection.
         */
        double tally(int[] counts, int[] rank, double[] values, int offset, int bound, double total) {
            // 2^32 mod bound: a product whose low half falls below it is redrawn (Lemire's test,
            // which Commons RNG makes in two steps, low half < bound first, to the same effect)
            long threshold = (1L << 32) % bound;
            // the generator's state in locals, stepped inline: the quick compiler inlines no call this size
            long a = s0;
            long b = s1;
            int i = 0;
            while (i < bound) {
                if (!hasHigh && i + 1 < bound) {
                    long v;
                    if (rng == null) {
                        v = Long.rotateLeft(a + b, 17) + a;
                        b ^= a;
                        a = Long.rotateLeft(a, 49) ^ b ^ (b << 21);
                        b = Long.rotateLeft(b, 28);
                    } else {
                        v = rng.nextLong();
                    }
                    long m1 = (v & LOW) * bound;
                    long m2 = (v >>> 32) * bound;
                    if ((m1 & LOW) >= threshold && (m2 & LOW) >= threshold) {
                        int d1 = offset + (int) (m1 >>> 32);
                        int d2 = offset + (int) (m2 >>> 32);
                        total += values[d1];
                        counts[rank[d1]]++;
                        total += values[d2];
                        counts[rank[d2]]++;
                        i += 2;
                    } else if ((m1 & LOW) < threshold) {
                        // the low half rejected: the high half is the next candidate for this draw
                        high = v >>> 32;
                        hasHigh = true;
                    } else {
                        // the low half taken, the high half rejected
                        int d1 = offset + (int) (m1 >>> 32);
                        total += values[d1];
                        counts[rank[d1]]++;
                        i++;
                    }
                } else {
                    s0 = a;
                    s1 = b;
                    long m = candidate(bound);
                    a = s0;
                    b = s1;
                    if ((m & LOW) >= threshold) {
                        int d = offset + (int) (m >>> 32);
                        total += values[d];
                        counts[rank[d]]++;
                        i++;
                    }
                }
            }
            s0 = a;
            s1 = b;
            return total;
        }

        /** The next 32-bit value times the bound: a leftover high half first, else a new long's low half. */
        private long candidate(int bound) {
            long u;
            if (hasHigh) {
                u = high;
                hasHigh = false;
            } else {
                long v = nextLong();
                u = v & LOW;
                high = v >>> 32;
                hasHigh = true;
            }
            return u * bound;
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
