package dev.lrlab.experiments.bench;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The single-thread float32 FLOP rate this JVM reaches at best: twelve independent chains of
 * vector fused multiply-adds in registers, no memory traffic. A network's update can be no faster
 * than its multiply-adds at this rate; {@link NetworkBench} reports how far above that it is.
 * Loaded only when the Vector API module is present.
 */
final class PeakFlops {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private PeakFlops() {
    }

    /** Floating-point operations per second (a multiply-add counts two), the best of a few rounds. */
    static double measure(double seconds) {
        double best = 0;
        float sink = 0;
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            long end = start + (long) (seconds / 5 * 1e9);
            long iterations = 0;
            while (System.nanoTime() < end) {
                sink += burst(BURST);
                iterations += BURST;
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            if (round > 1) { // the first rounds warm the JIT up (a loop compiled on stack is not vectorised)
                best = Math.max(best, iterations * 12.0 * S.length() * 2 / elapsed);
            }
        }
        return sink == 42 ? best + 0 : best;
    }

    private static final int BURST = 20_000;

    /** {@code iterations} rounds of twelve independent vector FMAs; a method of its own so it is compiled whole. */
    private static float burst(int iterations) {
        FloatVector m = FloatVector.broadcast(S, 0.999999f);
        FloatVector c = FloatVector.broadcast(S, 1e-7f);
        FloatVector a0 = FloatVector.broadcast(S, 1f);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        FloatVector a4 = a0;
        FloatVector a5 = a0;
        FloatVector a6 = a0;
        FloatVector a7 = a0;
        FloatVector a8 = a0;
        FloatVector a9 = a0;
        FloatVector a10 = a0;
        FloatVector a11 = a0;
        for (int i = 0; i < iterations; i++) {
            a0 = a0.fma(m, c);
            a1 = a1.fma(m, c);
            a2 = a2.fma(m, c);
            a3 = a3.fma(m, c);
            a4 = a4.fma(m, c);
            a5 = a5.fma(m, c);
            a6 = a6.fma(m, c);
            a7 = a7.fma(m, c);
            a8 = a8.fma(m, c);
            a9 = a9.fma(m, c);
            a10 = a10.fma(m, c);
            a11 = a11.fma(m, c);
        }
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11)
                .lane(0);
    }
}
