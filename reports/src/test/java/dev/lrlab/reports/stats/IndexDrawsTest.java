package dev.lrlab.reports.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.LongProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The bootstrap's own index draws are Commons RNG's {@code nextInt(bound)}, draw for draw. */
class IndexDrawsTest {

    /** Seeds and bound sequences drawn from a seeded generator: odd and even bounds, 1, powers of two, large. */
    static Stream<long[]> cases() {
        UniformRandomProvider cases = RandomSource.XO_RO_SHI_RO_128_PP.create(20261130L);
        return LongStream.range(0, 40).mapToObj(k -> {
            long[] c = new long[1 + 1 + cases.nextInt(6)];
            c[0] = cases.nextLong();
            for (int i = 1; i < c.length; i++) {
                c[i] = switch (cases.nextInt(4)) {
                    case 0 -> 1 + cases.nextInt(5);
                    case 1 -> 1L << cases.nextInt(11);
                    case 2 -> 1 + cases.nextInt(3000);
                    default -> 1 + cases.nextInt(200);
                };
            }
            return c;
        });
    }

    @ParameterizedTest
    @MethodSource("cases")
    void fillsWhatNextIntGivesOnTheSameSeed(long[] c) {
        LongProvider ours = (LongProvider) RandomSource.XO_RO_SHI_RO_128_PP.create(c[0]);
        UniformRandomProvider theirs = RandomSource.XO_RO_SHI_RO_128_PP.create(c[0]);
        Bootstrap.IndexDraws draws = new Bootstrap.IndexDraws(ours);
        // several strata after each other, resampled three times: the half of a long left over
        // from one stratum (odd sizes) is the first draw of the next, as in nextInt()
        for (int round = 0; round < 3; round++) {
            int offset = 0;
            for (int s = 1; s < c.length; s++) {
                int bound = (int) c[s];
                int[] into = new int[offset + bound];
                draws.fill(into, offset, bound);
                for (int i = 0; i < bound; i++) {
                    assertEquals(offset + theirs.nextInt(bound), into[offset + i],
                            "round " + round + ", stratum " + s + " (bound " + bound + "), draw " + i);
                }
                offset += bound;
            }
        }
    }

    /**
     * A generator whose outputs are chosen so that Lemire's test rejects: the low half of
     * {@code u * bound} falls below {@code 2^32 mod bound} for u = 0, which a real generator gives
     * about once in 2^32 draws. Commons RNG's own nextInt(bound) on it is the reference.
     */
    private static final class Scripted extends LongProvider {
        private final long[] outputs;
        private int next;

        Scripted(long... outputs) {
            this.outputs = outputs;
        }

        @Override
        public long next() {
            return outputs[next++ % outputs.length];
        }
    }

    @Test
    void redrawsWhereNextIntRedraws() {
        // halves: 0 (rejected for bounds that do not divide 2^32), then values that are kept
        long[] script = {0x7654321000000000L, 0x0000000089ABCDEFL, 0xFFFFFFFF00000000L, 0x1234567812345678L};
        for (int bound : new int[] {3, 5, 7, 1000, 1001, 65537}) {
            Scripted theirs = new Scripted(script);
            Bootstrap.IndexDraws draws = new Bootstrap.IndexDraws(new Scripted(script));
            int[] into = new int[bound];
            draws.fill(into, 0, bound);
            for (int i = 0; i < bound; i++) {
                assertEquals(theirs.nextInt(bound), into[i], "bound " + bound + ", draw " + i);
            }
            assertTrue((1L << 32) % bound != 0, "the script's zero halves are rejected for bound " + bound);
        }
    }

    /**
     * What {@code tally} must give: for each draw of {@code nextInt(bound)} in order, the value's
     * sum (in that order) and its rank's count.
     */
    private static double expectedTally(UniformRandomProvider theirs, int[] counts, int[] rank, double[] values,
            int offset, int bound, double total) {
        for (int i = 0; i < bound; i++) {
            int d = offset + theirs.nextInt(bound);
            total += values[d];
            counts[rank[d]]++;
        }
        return total;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void theSeededGeneratorAndTheTallyDrawWhatNextIntDraws(long[] c) {
        UniformRandomProvider theirs = RandomSource.XO_RO_SHI_RO_128_PP.create(c[0]);
        Bootstrap.IndexDraws draws = Bootstrap.IndexDraws.seeded(c[0]);
        assertTrue(draws.stepsItsOwnGenerator(), "the state was read from Commons RNG's saved state");
        UniformRandomProvider data = RandomSource.XO_RO_SHI_RO_128_PP.create(~c[0]);
        int n = 0;
        for (int s = 1; s < c.length; s++) {
            n += (int) c[s];
        }
        double[] values = new double[n];
        int[] rank = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = data.nextDouble() * 100 - 50;
            rank[i] = data.nextInt(n);
        }
        // tallies and fills after each other: the half of a long left over by one is the next one's first
        for (int round = 0; round < 4; round++) {
            int offset = 0;
            int[] counts = new int[n];
            int[] expected = new int[n];
            double total = 0;
            double expectedTotal = 0;
            for (int s = 1; s < c.length; s++) {
                int bound = (int) c[s];
                if (round % 2 == 0) {
                    total = draws.tally(counts, rank, values, offset, bound, total);
                    expectedTotal = expectedTally(theirs, expected, rank, values, offset, bound, expectedTotal);
                } else {
                    int[] into = new int[offset + bound];
                    draws.fill(into, offset, bound);
                    for (int i = 0; i < bound; i++) {
                        assertEquals(offset + theirs.nextInt(bound), into[offset + i], "fill, round " + round);
                    }
                }
                offset += bound;
            }
            assertArrayEquals(expected, counts, "round " + round);
            assertEquals(Double.doubleToLongBits(expectedTotal), Double.doubleToLongBits(total), "round " + round);
        }
    }

    @Test
    void theTallyRedrawsWhereNextIntRedraws() {
        // a rejected low half (its high half then serves the same draw), a rejected high half, both kept
        long[] script = {0x7654321000000000L, 0x0000000089ABCDEFL, 0xFFFFFFFF00000000L, 0x1234567812345678L,
            0x0000000000000000L, 0x89ABCDEF00000000L};
        for (int bound : new int[] {3, 5, 7, 1000, 1001}) {
            double[] values = new double[bound];
            int[] rank = new int[bound];
            for (int i = 0; i < bound; i++) {
                values[i] = 1.0 / (i + 1);
                rank[i] = bound - 1 - i;
            }
            Scripted theirs = new Scripted(script);
            Bootstrap.IndexDraws draws = new Bootstrap.IndexDraws(new Scripted(script));
            int[] counts = new int[bound];
            int[] expected = new int[bound];
            for (int round = 0; round < 3; round++) {
                double total = draws.tally(counts, rank, values, 0, bound, 0);
                double expectedTotal = expectedTally(theirs, expected, rank, values, 0, bound, 0);
                assertArrayEquals(expected, counts, "bound " + bound + ", round " + round);
                assertEquals(Double.doubleToLongBits(expectedTotal), Double.doubleToLongBits(total), "bound " + bound);
            }
        }
    }
}
