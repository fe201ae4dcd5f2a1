package dev.lrlab.agents.nn;

/** Sums over float arrays in a fixed order fast enough for per-update diagnostics. */
public final class FloatMath {

    private FloatMath() {
    }

    /**
     * {@code sum a[i]^2} over {@code a[0..n)}, in double, with four interleaved partial sums (a
     * fixed order, so the same on every machine, and four times shorter than one chain).
     */
    public static double sumOfSquares(float[] a, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            double a0 = a[i];
            double a1 = a[i + 1];
            double a2 = a[i + 2];
            double a3 = a[i + 3];
            s0 += a0 * a0;
            s1 += a1 * a1;
            s2 += a2 * a2;
            s3 += a3 * a3;
        }
        for (; i < n; i++) {
            double ai = a[i];
            s0 += ai * ai;
        }
        return (s0 + s1) + (s2 + s3);
    }
}
