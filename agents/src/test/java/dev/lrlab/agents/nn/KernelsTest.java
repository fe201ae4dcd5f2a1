package dev.lrlab.agents.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.LongStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Vector API kernels and their scalar twins give the same floats, bit for bit, on shapes and
 * values drawn from a seeded generator (odd sizes included, so every tail loop runs), which is
 * what keeps results identical on JVMs with and without the incubator module.
 */
class KernelsTest {

    private static final Kernels VECTOR = Kernels.best();
    private static final Kernels SCALAR = Kernels.scalar();

    @BeforeAll
    static void theTestJvmHasTheVectorApi() {
        assertTrue(VECTOR.vectorized(), "surefire runs with --add-modules jdk.incubator.vector");
    }

    static LongStream seeds() {
        return LongStream.range(0, 20);
    }

    private static float[] values(UniformRandomProvider rng, int n, double zeros) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = rng.nextDouble() < zeros ? 0f : (float) (4 * rng.nextDouble() - 2);
        }
        return a;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void vectorAndScalarAgreeBitForBit(long seed) {
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
        int in = 1 + rng.nextInt(70);
        int out = 1 + rng.nextInt(70);
        int batch = 1 + rng.nextInt(40);
        float[] x = values(rng, batch * in, 0.5);
        float[] w = values(rng, in * out + out, 0);
        float[] dy = values(rng, batch * out, 0.3);
        float[] xT = values(rng, in * batch, 0.5);
        float[] y1 = new float[out * batch];
        float[] y2 = new float[out * batch];
        VECTOR.combine(w, 0, 1, out, out, in, xT, batch, y1);
        SCALAR.combine(w, 0, 1, out, out, in, xT, batch, y2);
        assertArrayEquals(y2, y1, "combine, forward");
        float[] dyT = values(rng, out * batch, 0.3);
        float[] d1 = new float[in * batch];
        float[] d2 = new float[in * batch];
        VECTOR.combine(w, 0, out, 1, in, out, dyT, batch, d1);
        SCALAR.combine(w, 0, out, 1, in, out, dyT, batch, d2);
        assertArrayEquals(d2, d1, "combine, input gradient");
        float[] r1 = values(rng, 32 * 6, 0);
        float[] r2 = r1.clone();
        float[] x32 = values(rng, in * 32, 0.5);
        VECTOR.combine(w, 0, 1, out, Math.min(out, 6), in, x32, 32, r1);
        SCALAR.combine(w, 0, 1, out, Math.min(out, 6), in, x32, 32, r2);
        assertArrayEquals(r2, r1, "combine, a batch of 32 (the blocked kernel)");
        int big = 64 + rng.nextInt(100); // several blocks of 32 and a remainder, as PPO's minibatches
        int outputs = Math.min(out, 7);
        float[] xBig = values(rng, in * big, 0.5);
        float[] b1 = new float[outputs * big];
        float[] b2 = new float[outputs * big];
        VECTOR.combine(w, 0, 1, out, outputs, in, xBig, big, b1);
        SCALAR.combine(w, 0, 1, out, outputs, in, xBig, big, b2);
        assertArrayEquals(b2, b1, "combine, a batch of " + big);
        float[] u = values(rng, out + 3, 0.2);
        float[] dot1 = new float[in];
        float[] dot2 = new float[in];
        VECTOR.rowDots(w, in, out, u, 3, dot1, 0);
        SCALAR.rowDots(w, in, out, u, 3, dot2, 0);
        assertArrayEquals(dot2, dot1, "row dot products");
        for (int r = 0; r < in; r++) {
            double exact = 0;
            for (int j = 0; j < out; j++) {
                exact += (double) w[r * out + j] * u[3 + j];
            }
            assertEquals(exact, dot1[r], 1e-5 * (1 + Math.abs(exact)), "row " + r + "'s dot product");
        }

        float[] a1 = values(rng, batch * out, 0);
        float[] a2 = a1.clone();
        float scale = (float) rng.nextDouble();
        int n = Math.min(out, batch * out - 1);
        VECTOR.axpy(scale, w, 1, a1, 1, n);
        SCALAR.axpy(scale, w, 1, a2, 1, n);
        assertArrayEquals(a2, a1, "axpy");

        int pairs = 1 + rng.nextInt(50);
        int width = rng.nextBoolean() ? 16 : 1 + rng.nextInt(20); // 16: the two-vector special case
        float[] src = values(rng, 64 * width + 3, 0);
        float[] s1 = values(rng, 64 * width + 5, 0);
        float[] s2 = s1.clone();
        float[] weightsOf = values(rng, pairs, 0);
        int[] from = new int[pairs];
        int[] to = new int[pairs];
        for (int k = 0; k < pairs; k++) {
            from[k] = rng.nextInt(64) * width;
            to[k] = rng.nextInt(64) * width;
        }
        VECTOR.scatterAxpy(weightsOf, from, to, pairs, src, s1, width);
        SCALAR.scatterAxpy(weightsOf, from, to, pairs, src, s2, width);
        assertArrayEquals(s2, s1, "scatterAxpy");

        int length = rng.nextInt(300);
        float[] norms = values(rng, length, 0.2);
        assertEquals(SCALAR.sumOfSquares(norms, length), VECTOR.sumOfSquares(norms, length), "sumOfSquares, bit for bit");
        double exact = 0;
        for (float v : norms) {
            exact += (double) v * v;
        }
        assertEquals(exact, VECTOR.sumOfSquares(norms, length), 1e-5 * Math.max(1, exact), "sumOfSquares");

        // weighted rows, as wide as a dense layer's 128 outputs (the eight-vector block) or narrower
        int rowWidth = rng.nextBoolean() ? 128 + rng.nextInt(80) : 1 + rng.nextInt(70);
        float[] rowsOf = values(rng, batch * rowWidth, 0.3);
        int count = 1 + rng.nextInt(batch);
        float[] xs = values(rng, count, 0);
        int[] ds = new int[count];
        for (int k = 0; k < count; k++) {
            ds[k] = rng.nextInt(batch) * rowWidth;
        }
        float[] g1 = new float[3 * rowWidth];
        float[] g2 = new float[3 * rowWidth];
        VECTOR.weightedRows(xs, ds, count, rowsOf, g1, rowWidth, rowWidth, false);
        SCALAR.weightedRows(xs, ds, count, rowsOf, g2, rowWidth, rowWidth, false);
        assertArrayEquals(g2, g1, "weightedRows");
        // taken in two pieces, the second continuing the first's chains: the same floats as one
        int split = rng.nextInt(count + 1);
        float[] g3 = new float[3 * rowWidth];
        VECTOR.weightedRows(xs, ds, split, rowsOf, g3, rowWidth, rowWidth, false);
        VECTOR.weightedRows(java.util.Arrays.copyOfRange(xs, split, count), java.util.Arrays.copyOfRange(ds, split, count),
                count - split, rowsOf, g3, rowWidth, rowWidth, true);
        assertArrayEquals(g1, g3, "weightedRows in two pieces");
        float[] g4 = new float[3 * rowWidth];
        SCALAR.weightedRows(xs, ds, split, rowsOf, g4, rowWidth, rowWidth, false);
        SCALAR.weightedRows(java.util.Arrays.copyOfRange(xs, split, count), java.util.Arrays.copyOfRange(ds, split, count),
                count - split, rowsOf, g4, rowWidth, rowWidth, true);
        assertArrayEquals(g1, g4, "weightedRows in two pieces, scalar");

        // the non-zero inputs' values and rows, with runs of zeros as a convolution's ReLU leaves them
        int cells = 1 + rng.nextInt(300);
        float[] sparse = values(rng, cells + 7, 0.6);
        for (int i = rng.nextInt(cells); i < cells && rng.nextInt(4) > 0; i++) { // a run of zeros
            sparse[7 + i] = 0f;
        }
        if (cells > 3) {
            sparse[7 + rng.nextInt(cells)] = Float.NaN;
            sparse[7 + rng.nextInt(cells)] = -0f;
        }
        int base = rng.nextInt(100);
        float[] values1 = new float[cells + 1];
        float[] values2 = new float[cells + 1];
        int[] list1 = new int[cells + 1];
        int[] list2 = new int[cells + 1];
        int c1 = VECTOR.nonZeroRows(sparse, 7, cells, base, rowWidth, values1, list1);
        int c2 = SCALAR.nonZeroRows(sparse, 7, cells, base, rowWidth, values2, list2);
        assertEquals(c2, c1, "non-zero count");
        int expected = 0;
        for (int i = 0; i < cells; i++) {
            if (sparse[7 + i] != 0f) { // NaN counts as non-zero
                assertEquals(Float.floatToRawIntBits(sparse[7 + i]), Float.floatToRawIntBits(values1[expected]), "value " + i);
                assertEquals(base + i * rowWidth, list1[expected++], "row of input " + i);
            }
        }
        assertEquals(expected, c1, "non-zero count");
        assertArrayEquals(java.util.Arrays.copyOf(values2, c2), java.util.Arrays.copyOf(values1, c1));
        assertArrayEquals(java.util.Arrays.copyOf(list2, c2), java.util.Arrays.copyOf(list1, c1));


    }

    /**
     * The register-blocked product on every block shape: rows and columns drawn so that blocks of
     * four, two and one vectors of columns, leftover rows, a scalar tail and several chunks of the
     * summed index all occur, in the three
     * stride forms a dense layer uses (forward from batch-major rows, weight gradient, input gradient).
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void everyBlockOfTheProductAgreesBitForBit(long seed) {
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(1000 + seed);
        int rows = 1 + rng.nextInt(40);
        int summed = 1 + rng.nextInt(300); // past one chunk of the summed index (128) and not a multiple of it
        int cols = 1 + rng.nextInt(200);
        float[] b = values(rng, summed * cols, 0.4);
        for (boolean rowMajor : new boolean[] {true, false}) {
            float[] a = values(rng, rows * summed + 5, 0.5);
            int rStride = rowMajor ? summed : 1;
            int sStride = rowMajor ? 1 : rows;
            float[] y1 = new float[rows * cols];
            float[] y2 = new float[rows * cols];
            VECTOR.combine(a, 5, rStride, sStride, rows, summed, b, cols, y1);
            SCALAR.combine(a, 5, rStride, sStride, rows, summed, b, cols, y2);
            assertArrayEquals(y2, y1, rows + "x" + summed + " times " + summed + "x" + cols + (rowMajor ? "" : ", a transposed"));
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    double exact = 0;
                    double size = 0;
                    for (int s = 0; s < summed; s++) {
                        double term = (double) a[5 + r * rStride + s * sStride] * b[s * cols + c];
                        exact += term;
                        size += Math.abs(term);
                    }
                    assertEquals(exact, y1[r * cols + c], 1e-5 * (1 + size), "element " + r + "," + c);
                }
            }
        }
    }

    /** RMSprop (centered, eps outside and inside the root) and Adam step the same floats on both paths. */
    @ParameterizedTest
    @MethodSource("seeds")
    void optimizerStepsAgreeBitForBit(long seed) {
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(2000 + seed);
        int n = 1 + rng.nextInt(300);
        float[] g = values(rng, n, 0.1);
        float keep = (float) (0.9 + 0.1 * rng.nextDouble());
        float mix = 1 - keep;
        float rate = (float) (1e-4 + rng.nextDouble() * 1e-2);
        float eps = (float) Math.pow(10, -8 + 7 * rng.nextDouble());
        float[][] vector = {values(rng, n, 0), positive(rng, n), values(rng, n, 0), new float[n]};
        float[][] scalar = {vector[0].clone(), vector[1].clone(), vector[2].clone(), new float[n]};
        for (int i = 0; i < n; i++) { // a centered average needs v >= mean^2
            vector[1][i] += vector[2][i] * vector[2][i];
            if (rng.nextInt(5) == 0) { // averages decaying into the subnormal range, where the gradient is zero
                g[i] = 0f;
                vector[1][i] = Float.MIN_NORMAL * (float) (0.5 + rng.nextDouble());
                vector[2][i] = -Float.MIN_NORMAL * (float) rng.nextDouble();
            }
            scalar[1][i] = vector[1][i];
            scalar[2][i] = vector[2][i];
        }
        float[][] fused = {vector[0].clone(), vector[1].clone(), vector[2].clone(), new float[n]};
        VECTOR.centeredRmsProp(vector[0], g, vector[1], vector[2], vector[3], n, keep, mix, rate, eps);
        SCALAR.centeredRmsProp(scalar[0], g, scalar[1], scalar[2], scalar[3], n, keep, mix, rate, eps);
        assertSameSteps(scalar, vector, "centered RMSprop");
        // with the norms summed in the update loop: the same step, and sumOfSquares's sums to the bit
        double[] norms = new double[2];
        VECTOR.centeredRmsProp(fused[0], g, fused[1], fused[2], fused[3], n, keep, mix, rate, eps, norms);
        // the step itself is not stored (its norm is what the optimizer keeps): weights and averages
        assertSameSteps(java.util.Arrays.copyOf(scalar, 3), java.util.Arrays.copyOf(fused, 3),
                "centered RMSprop, norms summed in the loop");
        assertEquals(SCALAR.sumOfSquares(scalar[3], n), norms[0], "the step's squared norm");
        assertEquals(SCALAR.sumOfSquares(g, n), norms[1], "the gradient's squared norm");
        double[] scalarNorms = new double[2];
        float[][] again = {fused[0].clone(), fused[1].clone(), fused[2].clone(), new float[n]};
        SCALAR.centeredRmsProp(again[0], g, again[1], again[2], again[3], n, keep, mix, rate, eps, scalarNorms);
        assertEquals(SCALAR.sumOfSquares(again[3], n), scalarNorms[0], "the scalar path's step norm");
        for (int i = 0; i < n; i++) { // gradients whose square (or product with mix) would be subnormal
            if (rng.nextInt(6) == 0) {
                g[i] = (float) ((rng.nextBoolean() ? 1 : -1) * Math.pow(10, -40 + 24 * rng.nextDouble()));
            }
        }
        float[] before = scalar[1].clone();
        for (boolean inside : new boolean[] {false, true}) {
            float debias = inside ? (float) (0.01 + rng.nextDouble()) : 1f;
            VECTOR.rmsProp(vector[0], g, vector[1], vector[3], n, keep, mix, rate, eps, inside, debias);
            SCALAR.rmsProp(scalar[0], g, scalar[1], scalar[3], n, keep, mix, rate, eps, inside, debias);
            assertSameSteps(scalar, vector, "RMSprop, eps " + (inside ? "inside" : "outside"));
            for (int i = 0; i < n && !inside; i++) { // the average is PyTorch's wherever no product is subnormal
                float square = g[i] * g[i] * mix;
                if (square >= Float.MIN_NORMAL) {
                    assertEquals(Kernels.flush(before[i] * keep + square), scalar[1][i], "v at " + i);
                } else {
                    assertEquals(Kernels.flush(before[i] * keep), scalar[1][i], "v at " + i + ", a subnormal g^2 mix flushed");
                }
            }
        }
        float beta1 = (float) (0.8 + 0.2 * rng.nextDouble());
        VECTOR.adam(vector[0], g, vector[2], vector[1], vector[3], n, beta1, 1 - beta1, keep, mix, rate, 0.3f, eps);
        SCALAR.adam(scalar[0], g, scalar[2], scalar[1], scalar[3], n, beta1, 1 - beta1, keep, mix, rate, 0.3f, eps);
        assertSameSteps(scalar, vector, "Adam");
        for (int i = 0; i < n; i++) {
            for (int k = 1; k < 3; k++) { // no average is left subnormal
                float a = Math.abs(vector[k][i]);
                assertTrue(a == 0f || a >= Float.MIN_NORMAL || Float.isNaN(a), "average " + k + " at " + i + ": " + a);
            }
        }
        for (int i = 0; i < n; i++) { // and Adam's step is the formula's
            assertEquals(-scalar[3][i], rate * (scalar[2][i] / (Math.sqrt(scalar[1][i]) / 0.3 + eps)),
                    1e-5 * Math.abs(scalar[3][i]) + 1e-12, "Adam's step " + i);
        }
    }

    private static float[] positive(UniformRandomProvider rng, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) rng.nextDouble();
        }
        return a;
    }

    private static void assertSameSteps(float[][] scalar, float[][] vector, String what) {
        String[] names = {"weights", "second moment", "first moment or mean", "steps"};
        for (int k = 0; k < scalar.length; k++) {
            assertArrayEquals(scalar[k], vector[k], what + ": " + names[k]);
        }
    }

    /**
     * A convolution's bias-gradient sums: the same on both paths, for rows of the vector width
     * (MinAtar's 16 filters) and of other widths.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void biasGradientSumsAgreeBitForBit(long seed) {
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(3000 + seed);
        int n = seed % 2 == 0 ? 16 : 1 + rng.nextInt(40);
        int count = 1 + rng.nextInt(70);
        float[] src = values(rng, 7 + count * n, 0.3);
        float[] g1 = values(rng, n + 2, 0);
        float[] g2 = g1.clone();
        float expected = g1[2];
        VECTOR.addRows(src, 7, count, g1, 2, n);
        SCALAR.addRows(src, 7, count, g2, 2, n);
        assertArrayEquals(g2, g1, "rows added");
        for (int r = 0; r < count; r++) {
            expected += src[7 + r * n];
        }
        assertEquals(expected, g1[2], "the first column, summed row by row");
    }

    /** Active rows: one load a row on the vector path, cell by cell where a load would pass the array's end. */
    @ParameterizedTest
    @MethodSource("seeds")
    void activeRowsAreTheRowsWithAValue(long seed) {
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(5000 + seed);
        int width = seed % 2 == 0 ? 10 : 1 + rng.nextInt(30);
        int rows = 1 + rng.nextInt(50);
        int xo = rng.nextInt(5);
        float[] x = new float[xo + rows * width + (rng.nextBoolean() ? 0 : rng.nextInt(20))];
        boolean[] expected = new boolean[rows];
        for (int r = 0; r < rows; r++) {
            double kind = rng.nextDouble();
            int ix = rng.nextInt(width);
            float v = kind < 0.4 ? 0f : kind < 0.5 ? -0f : kind < 0.55 ? Float.NaN : (float) (2 * rng.nextDouble() - 1);
            x[xo + r * width + ix] = v;
            expected[r] = v != 0f;
        }
        for (int i = xo + rows * width; i < x.length; i++) {
            x[i] = 1f; // values past the last row must not count
        }
        boolean[] vector = new boolean[rows];
        boolean[] scalar = new boolean[rows];
        VECTOR.markActiveRows(x, xo, rows, width, vector);
        SCALAR.markActiveRows(x, xo, rows, width, scalar);
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, vector, "vector");
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, scalar, "scalar");
    }

    /**
     * Seeds 0, 4, 8, ... draw MinAtar's shape (4 x 10 x 10, 3 x 3, 16 filters: the register kernel,
     * one vector of filters on AVX-512, two on AVX2); 2, 6, ... the same board with 32 filters
     * (several vectors of filters a position); the odd ones any shape.
     */
    private static int[] convolutionShape(UniformRandomProvider rng, long seed) {
        if (seed % 2 == 0) {
            return new int[] {4, 10, 10, 3, seed % 4 == 0 ? 16 : 32};
        }
        int k = 1 + rng.nextInt(4);
        int filters = rng.nextBoolean() ? 8 * (1 + rng.nextInt(4)) : 1 + rng.nextInt(20);
        return new int[] {1 + rng.nextInt(5), k + rng.nextInt(9), k + rng.nextInt(9), k, filters};
    }

    /** A board of 0/1 cells where each row is empty with probability one half, with its row marks; some rows hold other values. */
    private static boolean[] board(UniformRandomProvider rng, float[] x, int at, int rows, int width) {
        boolean[] active = new boolean[rows];
        for (int r = 0; r < rows; r++) {
            if (rng.nextBoolean()) {
                continue;
            }
            for (int ix = 0; ix < width; ix++) {
                double u = rng.nextDouble();
                x[at + r * width + ix] = u < 0.3 ? 1f : u < 0.4 ? (float) (4 * rng.nextDouble() - 2) : 0f;
                active[r] |= x[at + r * width + ix] != 0f;
            }
        }
        return active;
    }

    /**
     * A convolution and its weight gradient from the rows of the input that hold a value: the same
     * on both paths, bit for bit, and equal (to float rounding) to the full sums over every input
     * cell, computed here in double, from the bias (forward) and from what the gradient held.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void convolutionsAgreeBitForBitAndWithTheFullSum(long seed) {
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(4000 + seed);
        int[] shape = convolutionShape(rng, seed);
        int channels = shape[0];
        int height = shape[1];
        int width = shape[2];
        int k = shape[3];
        int filters = shape[4];
        int outH = height - k + 1;
        int outW = width - k + 1;
        int xo = 3;
        float[] x = new float[xo + channels * height * width];
        boolean[] active = board(rng, x, xo, channels * height, width);
        int weights = channels * k * k * filters;
        float[] w = values(rng, weights + filters, 0);
        int yo = 5;
        float[] y1 = new float[yo + outH * outW * filters];
        float[] y2 = new float[y1.length];
        VECTOR.convolve(x, xo, active, channels, height, width, k, w, weights, filters, y1, yo, new int[2 * channels * k * k]);
        SCALAR.convolve(x, xo, active, channels, height, width, k, w, weights, filters, y2, yo, new int[2 * channels * k * k]);
        assertArrayEquals(y2, y1, "convolution");
        float[] dy = values(rng, yo + outH * outW * filters, 0.3);
        float[] g1 = values(rng, weights, 0);
        float[] before = g1.clone();
        float[] g2 = g1.clone();
        VECTOR.convolutionWeightGradient(x, xo, active, channels, height, width, k, dy, yo, g1, filters);
        SCALAR.convolutionWeightGradient(x, xo, active, channels, height, width, k, dy, yo, g2, filters);
        assertArrayEquals(g2, g1, "weight gradient");
        for (int c = 0; c < channels; c++) {
            for (int ky = 0; ky < k; ky++) {
                for (int kx = 0; kx < k; kx++) {
                    for (int o = 0; o < filters; o++) {
                        int wi = ((c * k + ky) * k + kx) * filters + o;
                        double sum = before[wi];
                        double size = Math.abs(sum);
                        for (int oy = 0; oy < outH; oy++) {
                            for (int ox = 0; ox < outW; ox++) {
                                double term = (double) x[xo + (c * height + oy + ky) * width + ox + kx]
                                        * dy[yo + (oy * outW + ox) * filters + o];
                                sum += term;
                                size += Math.abs(term);
                            }
                        }
                        assertEquals(sum, g1[wi], 1e-5 * Math.max(1, size), "weight " + wi);
                    }
                }
            }
        }
        for (int oy = 0; oy < outH; oy++) {
            for (int ox = 0; ox < outW; ox++) {
                for (int o = 0; o < filters; o++) {
                    double sum = w[weights + o];
                    double size = Math.abs(sum);
                    for (int c = 0; c < channels; c++) {
                        for (int ky = 0; ky < k; ky++) {
                            for (int kx = 0; kx < k; kx++) {
                                double term = (double) w[((c * k + ky) * k + kx) * filters + o]
                                        * x[xo + (c * height + oy + ky) * width + ox + kx];
                                sum += term;
                                size += Math.abs(term);
                            }
                        }
                    }
                    assertEquals(sum, y1[yo + (oy * outW + ox) * filters + o], 1e-5 * Math.max(1, size),
                            "output " + oy + "," + ox + "," + o);
                }
            }
        }
    }
}
