package dev.lrlab.agents.schedule;

import java.util.Arrays;

/**
 * Constant pieces: {@code base * factors[i]} where i is the number of boundaries {@code <= t}
 * (so there is one more factor than boundaries).
 */
public record Piecewise(double base, long[] boundaries, double[] factors) implements StepSizeSchedule {

    public Piecewise {
        Check.nonNegative("base rate", base);
        boundaries = boundaries.clone();
        factors = factors.clone();
        Sequence.checkBoundaries(boundaries);
        if (factors.length != boundaries.length + 1) {
            throw new IllegalArgumentException("factors needs one more entry than boundaries ("
                    + (boundaries.length + 1) + "), had " + factors.length);
        }
        for (double f : factors) {
            Check.nonNegative("factor", f);
        }
    }

    public static Piecewise of(double base, long[] boundaries, double[] factors) {
        return new Piecewise(base, boundaries, factors);
    }

    @Override
    public double rate(long t) {
        int piece = 0;
        while (piece < boundaries.length && boundaries[piece] <= t) {
            piece++;
        }
        return base * factors[piece];
    }

    @Override
    public long[] boundaries() {
        return boundaries.clone();
    }

    @Override
    public double[] factors() {
        return factors.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Piecewise p && base == p.base && Arrays.equals(boundaries, p.boundaries)
                && Arrays.equals(factors, p.factors);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(boundaries) * 31 + Arrays.hashCode(factors);
    }

    @Override
    public String toString() {
        return "Piecewise[base=" + base + ", boundaries=" + Arrays.toString(boundaries) + ", factors="
                + Arrays.toString(factors) + "]";
    }
}
