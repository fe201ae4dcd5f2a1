package dev.lrlab.reports.stats;

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
}
