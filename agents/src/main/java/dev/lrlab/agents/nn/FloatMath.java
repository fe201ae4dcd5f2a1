package dev.lrlab.agents.nn;

/** Sums over float arrays in a fixed order fast enough for per-update diagnostics. */
public final class FloatMath {

    private FloatMath() {
    }

    /** {@code sum a[i]^2} over {@code a[0..n)}, in a fixed order: see {@link Kernels#sumOfSquares}. */
    public static double sumOfSquares(float[] a, int n) {
        return Kernels.best().sumOfSquares(a, n);
    }
}
