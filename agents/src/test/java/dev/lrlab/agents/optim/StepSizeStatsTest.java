package dev.lrlab.agents.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.stream.LongStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The percentiles found by selection equal those of the sorted values (NumPy's linear rule), ties included. */
class StepSizeStatsTest {

    static LongStream seeds() {
        return LongStream.range(0, 40);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void selectionEqualsSorting(long seed) {
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
        int n = 1 + rng.nextInt(seed % 4 == 0 ? 5 : 3000);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            // a few distinct values on some seeds: ties, as the effective step sizes of untouched parameters
            values[i] = seed % 3 == 0 ? rng.nextInt(4) * 1e-3 : Math.exp(-10 * rng.nextDouble());
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        for (double q : new double[] {0.05, 0.5, 0.95, 0, 1}) {
            assertEquals(StepSizeStats.percentile(sorted, n, q), StepSizeStats.select(values.clone(), n, q), 0,
                    "n " + n + ", q " + q);
        }
    }

    /** A layer larger than the sample: the percentiles of every k-th parameter, near those of all. */
    @org.junit.jupiter.api.Test
    void aLargeLayerIsSubsampledEvenly() {
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(5L);
        int size = 40_000;
        Optimizer adam = OptimizerConfig.of(UpdateRule.ADAM).create(size);
        double[] w = new double[size];
        double[] g = new double[size];
        for (int i = 0; i < size; i++) {
            g[i] = Math.exp(-8 * rng.nextDouble());
        }
        adam.update(w, g, 1e-3);
        double[] all = new double[size];
        int n = adam.effectiveStepSizes(all);
        int k = (n + StepSizeStats.SAMPLE - 1) / StepSizeStats.SAMPLE;
        double[] every = new double[(n + k - 1) / k];
        for (int i = 0, m = 0; i < n; i += k) {
            every[m++] = all[i];
        }
        Arrays.sort(every);
        Arrays.sort(all, 0, n);
        StepSizeStats stats = StepSizeStats.of(adam, new double[size]);
        assertEquals(StepSizeStats.percentile(every, every.length, 0.5), stats.p50(), 0);
        assertEquals(StepSizeStats.percentile(every, every.length, 0.95), stats.p95(), 0);
        assertEquals(StepSizeStats.percentile(all, n, 0.5), stats.p50(), 0.02 * stats.p50(), "near the full median");
    }
}
