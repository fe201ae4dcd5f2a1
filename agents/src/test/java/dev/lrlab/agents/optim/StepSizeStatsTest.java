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
}
