package dev.lrlab.agents.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Kernels} on the Vector API: the same fused multiply-add chains as the scalar kernels,
 * eight (AVX2) or sixteen (AVX-512) lanes at a time, with up to twelve accumulators kept in
 * registers across the summed index so the loops are bound by arithmetic, not by stores or by one
 * chain's latency. One species per JVM where the preferred one has 8 or 16 lanes. Loaded only
 * when the incubator module is present.
 */
final class VectorKernels extends Kernels {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /**
     * Summed indices per pass of {@link #combine}. Measured on the PPO and DQN shapes (1024 x 128
     * weights, batches of 128 and 32, AVX-512): one pass over all of them 47-67 GFLOP/s, chunks of
     * 256 or 128 61-95, of 64 or 32 58-110 (runs on a shared machine vary by a third).
     */
    private static final int CHUNK = 64;
    /**
     * Whether the blocks of sixteen accumulators are used: with 16 lanes (AVX-512, 32 vector
     * registers) they hold 21 vectors live; on eight lanes (AVX2, 16 registers) they would spill.
     */
    private static final boolean WIDE = L == 16;

    @Override
    public boolean vectorized() {
        return true;
    }

    @Override
    public void axpy(float a, float[] x, int xo, float[] y, int yo, int n) {
        FloatVector av = FloatVector.broadcast(S, a);
        int j = 0;
        for (; j <= n - L; j += L) {
            FloatVector.fromArray(S, x, xo + j).fma(av, FloatVector.fromArray(S, y, yo + j)).intoArray(y, yo + j);
        }
        for (; j < n; j++) {
            y[yo + j] = Math.fma(a, x[xo + j], y[yo + j]);
        }
    }

    @Override
    public int nonZeroRows(float[] x, int xo, int n, int base, int stride, float[] values, int[] rows) {
        // a binary board's set cells (the sparse inputs this path gets: an MLP on the flat board)
        // come in a few runs, the bricks and the paddle's row: a vector of zeros is skipped by one
        // test, the others listed input by input without a branch.
        // (A mask's toLong() is not an intrinsic in JDK 17: it allocated an array a call.)
        FloatVector zero = FloatVector.zero(S);
        int count = 0;
        int i = 0;
        for (; i <= n - L; i += L) {
            if (FloatVector.fromArray(S, x, xo + i).compare(VectorOperators.NE, zero).anyTrue()) {
                count = nonZeroRows(x, xo, i, i + L, base, stride, values, rows, count);
            }
        }
        return nonZeroRows(x, xo, i, n, base, stride, values, rows, count);
    }

    /** Masks of the first k lanes, k in [0, L]. */
    private static final VectorMask<Float>[] FIRST = firstLanes();

    @SuppressWarnings("unchecked")
    private static VectorMask<Float>[] firstLanes() {
        var all = new VectorMask[L + 1];
        for (int k = 0; k <= L; k++) {
            boolean[] set = new boolean[L];
            for (int i = 0; i < k; i++) {
                set[i] = true;
            }
            all[k] = VectorMask.fromArray(S, set, 0);
        }
        return all;
    }

    @Override
    public void markActiveRows(float[] x, int xo, int rows, int width, boolean[] active) {
        if (width > L) {
            markActiveRows(x, xo, 0, rows, width, active);
            return;
        }
        // a row (MinAtar's: 10 cells) is one load and one test; rows whose load would pass the end
        // of the array are read cell by cell
        VectorMask<Float> lanes = FIRST[width];
        FloatVector zero = FloatVector.zero(S);
        int row = 0;
        int room = x.length - L - xo;
        int whole = room < 0 ? 0 : Math.min(rows, room / width + 1);
        for (; row < whole; row++) {
            active[row] = FloatVector.fromArray(S, x, xo + row * width).compare(VectorOperators.NE, zero).and(lanes)
                    .anyTrue();
        }
        markActiveRows(x, xo, row, rows, width, active);
    }

    @Override
    public void convolve(float[] x, int xo, boolean[] activeRows, int channels, int height, int width, int k,
            float[] w, int biasAt, int filters, float[] y, int yo, int[] taps) {
        int outH = height - k + 1;
        if (filters % L != 0 || width - k + 1 != 8) { // other shapes (no game's board): the scalar kernel
            convolveScalar(x, xo, activeRows, channels, height, width, k, w, biasAt, filters, y, yo);
            return;
        }
        // MinAtar's shape (rows of 8 positions; 16 filters, one vector on AVX-512, two on AVX2): a
        // row of outputs is eight accumulators (a vector of filters at each position) held in
        // registers while every active input row under it adds its taps, where
        // scattering each input cell's taps into memory made loads wait on stores (a batch of 32
        // Breakout boards: 22.5 us that way, 17.5 this way).
        // The taps of a row are listed first and run in one flat loop: carried through the nest of
        // channel, ky and kx loops, C2 boxed the accumulators (150 us an example instead of 0.3)
        for (int oy = 0; oy < outH; oy++) {
            int n = 0;
            for (int c = 0; c < channels; c++) {
                for (int ky = 0; ky < k; ky++) {
                    int row = c * height + oy + ky;
                    for (int kx = 0; kx < k && activeRows[row]; kx++) {
                        taps[n] = xo + row * width + kx;
                        taps[n + 1] = ((c * k + ky) * k + kx) * filters;
                        n += 2;
                    }
                }
            }
            for (int o = 0; o < filters; o += L) {
                convolveRow(x, w, biasAt + o, taps, n, o, y, yo + oy * 8 * filters + o, filters);
            }
        }
    }

    /**
     * One row of eight output positions, one vector of filters from {@code o} at each (positions
     * {@code step} apart), from its list of taps (input offset, kernel row), the accumulators
     * starting from the bias: a method of its own, like the product's blocks, so that no vector
     * lives across an outer loop (a vector live there was boxed by C2 in some JVMs: 6 ms a DQN
     * update instead of 0.5).
     */
    private static void convolveRow(float[] x, float[] w, int biasAt, int[] taps, int n, int o, float[] y, int at,
            int step) {
        FloatVector a0 = FloatVector.fromArray(S, w, biasAt);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        FloatVector a4 = a0;
        FloatVector a5 = a0;
        FloatVector a6 = a0;
        FloatVector a7 = a0;
        for (int t = 0; t < n; t += 2) {
            FloatVector wv = FloatVector.fromArray(S, w, taps[t + 1] + o);
            int xi = taps[t];
            a0 = wv.fma(FloatVector.broadcast(S, x[xi]), a0);
            a1 = wv.fma(FloatVector.broadcast(S, x[xi + 1]), a1);
            a2 = wv.fma(FloatVector.broadcast(S, x[xi + 2]), a2);
            a3 = wv.fma(FloatVector.broadcast(S, x[xi + 3]), a3);
            a4 = wv.fma(FloatVector.broadcast(S, x[xi + 4]), a4);
            a5 = wv.fma(FloatVector.broadcast(S, x[xi + 5]), a5);
            a6 = wv.fma(FloatVector.broadcast(S, x[xi + 6]), a6);
            a7 = wv.fma(FloatVector.broadcast(S, x[xi + 7]), a7);
        }
        a0.intoArray(y, at);
        a1.intoArray(y, at + step);
        a2.intoArray(y, at + 2 * step);
        a3.intoArray(y, at + 3 * step);
        a4.intoArray(y, at + 4 * step);
        a5.intoArray(y, at + 5 * step);
        a6.intoArray(y, at + 6 * step);
        a7.intoArray(y, at + 7 * step);
    }

    @Override
    public void convolutionWeightGradient(float[] x, int xo, boolean[] activeRows, int channels, int height,
            int width, int k, float[] dy, int yo, float[] g, int filters) {
        int outH = height - k + 1;
        if (filters % L != 0 || width - k + 1 != 8 || k != 3) { // other shapes: the scalar kernel
            convolutionWeightGradientScalar(x, xo, activeRows, channels, height, width, k, dy, yo, g, filters);
            return;
        }
        // MinAtar's shape: the eight output gradients of a row are loaded once and serve the three
        // kx, written out so that no vector lives across a loop (see convolveRow)
        for (int c = 0; c < channels; c++) {
            for (int iy = 0; iy < height; iy++) {
                int row = c * height + iy;
                if (!activeRows[row]) {
                    continue;
                }
                int xr = xo + row * width;
                for (int ky = Math.max(0, iy - outH + 1); ky <= Math.min(2, iy); ky++) {
                    for (int o = 0; o < filters; o += L) {
                        weightGradientRow(x, xr, dy, yo + (iy - ky) * 8 * filters + o, g, (c * 3 + ky) * 3 * filters + o,
                                filters);
                    }
                }
            }
        }
    }

    /** One input row's part of the three weights {@code g[gi ..]} (kx = 0, 1, 2) of a 3 x 3 kernel row, from one row of output gradients. */
    private static void weightGradientRow(float[] x, int xi, float[] dy, int d, float[] g, int gi, int step) {
        FloatVector d0 = FloatVector.fromArray(S, dy, d);
        FloatVector d1 = FloatVector.fromArray(S, dy, d + step);
        FloatVector d2 = FloatVector.fromArray(S, dy, d + 2 * step);
        FloatVector d3 = FloatVector.fromArray(S, dy, d + 3 * step);
        FloatVector d4 = FloatVector.fromArray(S, dy, d + 4 * step);
        FloatVector d5 = FloatVector.fromArray(S, dy, d + 5 * step);
        FloatVector d6 = FloatVector.fromArray(S, dy, d + 6 * step);
        FloatVector d7 = FloatVector.fromArray(S, dy, d + 7 * step);
        FloatVector g0 = FloatVector.fromArray(S, g, gi);
        FloatVector g1 = FloatVector.fromArray(S, g, gi + step);
        FloatVector g2 = FloatVector.fromArray(S, g, gi + 2 * step);
        FloatVector x0 = FloatVector.broadcast(S, x[xi]);
        FloatVector x1 = FloatVector.broadcast(S, x[xi + 1]);
        FloatVector x2 = FloatVector.broadcast(S, x[xi + 2]);
        FloatVector x3 = FloatVector.broadcast(S, x[xi + 3]);
        FloatVector x4 = FloatVector.broadcast(S, x[xi + 4]);
        FloatVector x5 = FloatVector.broadcast(S, x[xi + 5]);
        FloatVector x6 = FloatVector.broadcast(S, x[xi + 6]);
        FloatVector x7 = FloatVector.broadcast(S, x[xi + 7]);
        FloatVector x8 = FloatVector.broadcast(S, x[xi + 8]);
        FloatVector x9 = FloatVector.broadcast(S, x[xi + 9]);
        // weight kx sums x[ox + kx] dy[ox] over ox in order: three independent chains
        g0 = d0.fma(x0, g0);
        g1 = d0.fma(x1, g1);
        g2 = d0.fma(x2, g2);
        g0 = d1.fma(x1, g0);
        g1 = d1.fma(x2, g1);
        g2 = d1.fma(x3, g2);
        g0 = d2.fma(x2, g0);
        g1 = d2.fma(x3, g1);
        g2 = d2.fma(x4, g2);
        g0 = d3.fma(x3, g0);
        g1 = d3.fma(x4, g1);
        g2 = d3.fma(x5, g2);
        g0 = d4.fma(x4, g0);
        g1 = d4.fma(x5, g1);
        g2 = d4.fma(x6, g2);
        g0 = d5.fma(x5, g0);
        g1 = d5.fma(x6, g1);
        g2 = d5.fma(x7, g2);
        g0 = d6.fma(x6, g0);
        g1 = d6.fma(x7, g1);
        g2 = d6.fma(x8, g2);
        g0 = d7.fma(x7, g0);
        g1 = d7.fma(x8, g1);
        g2 = d7.fma(x9, g2);
        g0.intoArray(g, gi);
        g1.intoArray(g, gi + step);
        g2.intoArray(g, gi + 2 * step);
    }

    @Override
    public void addRows(float[] src, int at, int count, float[] dst, int dstAt, int n) {
        if (n == L) { // the running sum stays in a register: the same additions in the same order
            FloatVector sum = FloatVector.fromArray(S, dst, dstAt);
            for (int r = 0; r < count; r++) {
                sum = sum.add(FloatVector.fromArray(S, src, at + r * L));
            }
            sum.intoArray(dst, dstAt);
            return;
        }
        for (int r = 0; r < count; r++) {
            axpy(1f, src, at + r * n, dst, dstAt, n); // fma(1, d, g) is d + g, rounded once
        }
    }

    @Override
    public void scatterAxpy(float[] xs, int[] from, int[] to, int count, float[] src, float[] dst, int n) {
        if (n == L) { // 16 filters on AVX-512 (8 on AVX2): one vector a row, no loop
            for (int k = 0; k < count; k++) {
                int t = to[k];
                FloatVector.fromArray(S, src, from[k]).fma(FloatVector.broadcast(S, xs[k]), FloatVector.fromArray(S, dst, t))
                        .intoArray(dst, t);
            }
            return;
        }
        if (n == 2 * L) { // 16 filters on AVX2: two vectors a row, no loop
            for (int k = 0; k < count; k++) {
                FloatVector a = FloatVector.broadcast(S, xs[k]);
                int f = from[k];
                int t = to[k];
                FloatVector.fromArray(S, src, f).fma(a, FloatVector.fromArray(S, dst, t)).intoArray(dst, t);
                FloatVector.fromArray(S, src, f + L).fma(a, FloatVector.fromArray(S, dst, t + L)).intoArray(dst, t + L);
            }
            return;
        }
        for (int k = 0; k < count; k++) {
            axpy(xs[k], src, from[k], dst, to[k], n);
        }
    }

    // rowDots and sumOfSquares fix their partition of the sum (16 and 32 partial sums), whatever the
    // vector width. They run on the preferred species when it has 16 lanes instead of on eight-lane
    // vectors: two species in one JVM leave the Vector API's shared call sites with two receiver
    // types, C2 then stops inlining them elsewhere too, and every kernel boxes its vectors (a PPO
    // step allocated 24 bytes to 578 kB, the optimizer step ran on the slow path).

    /** {@code lanes[l] + lanes[l + 8]} into lane l: the pairs of the fixed partitions, lane by lane. */
    private static final jdk.incubator.vector.VectorShuffle<Float> UPPER_HALF =
            L == 16 ? jdk.incubator.vector.VectorShuffle.fromOp(S, i -> (i + 8) % 16) : null;

    @Override
    public void rowDots(float[] w, int rows, int cols, float[] v, int vo, float[] out, int oo) {
        if (L != 16) {
            rowDots8(w, rows, cols, v, vo, out, oo);
            return;
        }
        int blocks = cols / 16 * 16;
        for (int r = 0; r < rows; r++) {
            int wo = r * cols;
            FloatVector p = FloatVector.zero(S);
            for (int j = 0; j < blocks; j += 16) {
                p = FloatVector.fromArray(S, w, wo + j).fma(FloatVector.fromArray(S, v, vo + j), p);
            }
            FloatVector lanes = p.add(p.rearrange(UPPER_HALF));
            float sum = lanes.lane(0);
            sum += lanes.lane(1);
            sum += lanes.lane(2);
            sum += lanes.lane(3);
            sum += lanes.lane(4);
            sum += lanes.lane(5);
            sum += lanes.lane(6);
            sum += lanes.lane(7);
            for (int j = blocks; j < cols; j++) {
                sum = Math.fma(w[wo + j], v[vo + j], sum);
            }
            out[oo + r] = sum;
        }
    }

    private static void rowDots8(float[] w, int rows, int cols, float[] v, int vo, float[] out, int oo) {
        VectorSpecies<Float> e = FloatVector.SPECIES_256;
        int blocks = cols / 16 * 16;
        for (int r = 0; r < rows; r++) {
            int wo = r * cols;
            FloatVector p0 = FloatVector.zero(e);
            FloatVector p1 = p0;
            for (int j = 0; j < blocks; j += 16) {
                p0 = FloatVector.fromArray(e, w, wo + j).fma(FloatVector.fromArray(e, v, vo + j), p0);
                p1 = FloatVector.fromArray(e, w, wo + j + 8).fma(FloatVector.fromArray(e, v, vo + j + 8), p1);
            }
            FloatVector lanes = p0.add(p1);
            // constant lane indices: the JIT extracts them without a round trip through memory
            float sum = lanes.lane(0);
            sum += lanes.lane(1);
            sum += lanes.lane(2);
            sum += lanes.lane(3);
            sum += lanes.lane(4);
            sum += lanes.lane(5);
            sum += lanes.lane(6);
            sum += lanes.lane(7);
            for (int j = blocks; j < cols; j++) {
                sum = Math.fma(w[wo + j], v[vo + j], sum);
            }
            out[oo + r] = sum;
        }
    }

    @Override
    public double sumOfSquares(float[] a, int n) {
        if (L != 16) {
            return sumOfSquares8(a, n);
        }
        FloatVector p0 = FloatVector.zero(S);
        FloatVector p1 = p0;
        int blocks = n / 32 * 32;
        for (int i = 0; i < blocks; i += 32) {
            FloatVector x0 = FloatVector.fromArray(S, a, i);
            FloatVector x1 = FloatVector.fromArray(S, a, i + 16);
            p0 = x0.fma(x0, p0);
            p1 = x1.fma(x1, p1);
        }
        // lane l: ((sum l + sum 8+l) + sum 16+l) + sum 24+l, as the eight-lane kernel adds them
        FloatVector lanes = p0.add(p0.rearrange(UPPER_HALF)).add(p1).add(p1.rearrange(UPPER_HALF));
        double sum = 0;
        for (int l = 0; l < 8; l++) {
            sum += lanes.lane(l);
        }
        for (int i = blocks; i < n; i++) {
            sum += (double) a[i] * a[i];
        }
        return sum;
    }

    private static double sumOfSquares8(float[] a, int n) {
        VectorSpecies<Float> e = FloatVector.SPECIES_256;
        FloatVector p0 = FloatVector.zero(e);
        FloatVector p1 = p0;
        FloatVector p2 = p0;
        FloatVector p3 = p0;
        int blocks = n / 32 * 32;
        for (int i = 0; i < blocks; i += 32) {
            FloatVector x0 = FloatVector.fromArray(e, a, i);
            FloatVector x1 = FloatVector.fromArray(e, a, i + 8);
            FloatVector x2 = FloatVector.fromArray(e, a, i + 16);
            FloatVector x3 = FloatVector.fromArray(e, a, i + 24);
            p0 = x0.fma(x0, p0);
            p1 = x1.fma(x1, p1);
            p2 = x2.fma(x2, p2);
            p3 = x3.fma(x3, p3);
        }
        FloatVector lanes = p0.add(p1).add(p2).add(p3);
        double sum = 0;
        for (int l = 0; l < 8; l++) {
            sum += lanes.lane(l);
        }
        for (int i = blocks; i < n; i++) {
            sum += (double) a[i] * a[i];
        }
        return sum;
    }

    // The optimizer steps below spell flush, squareTerm and linearTerm (Kernels) out in place: a
    // helper that takes or returns a vector is free only when C2 inlines it; a call it does not
    // inline boxes the vectors, which allocates in the hot loop.

    @Override
    public void centeredRmsProp(float[] w, float[] g, float[] v, float[] mean, float[] step, int n, float keep,
            float mix, float rate, float eps) {
        // every scalar broadcast once, before the loop: a vector op given a float broadcasts it by a
        // virtual call on the vector, which C2 has failed to bind when it compiled a kernel without a
        // profile of its own (an AC(lambda) step ran 1,400-1,600 us instead of 550, its vectors boxed)
        FloatVector zero = FloatVector.zero(S);
        FloatVector keepV = FloatVector.broadcast(S, keep);
        FloatVector mixV = FloatVector.broadcast(S, mix);
        FloatVector rateV = FloatVector.broadcast(S, rate);
        FloatVector epsV = FloatVector.broadcast(S, eps);
        FloatVector normal = FloatVector.broadcast(S, Float.MIN_NORMAL);
        FloatVector tiny1 = FloatVector.broadcast(S, tinyLinear(mix));
        FloatVector tiny2 = FloatVector.broadcast(S, tinySquare(mix));
        int i = 0;
        for (; i <= n - L; i += L) {
            FloatVector grad = FloatVector.fromArray(S, g, i);
            FloatVector size = grad.abs();
            FloatVector forSquare = grad.blend(zero, size.compare(VectorOperators.LT, tiny2));
            FloatVector vi = FloatVector.fromArray(S, v, i).mul(keepV).add(forSquare.mul(forSquare).mul(mixV));
            vi = vi.blend(zero, vi.abs().compare(VectorOperators.LT, normal));
            FloatVector forMean = grad.blend(zero, size.compare(VectorOperators.LT, tiny1));
            FloatVector mi = FloatVector.fromArray(S, mean, i).mul(keepV).add(forMean.mul(mixV));
            mi = mi.blend(zero, mi.abs().compare(VectorOperators.LT, normal));
            vi.intoArray(v, i);
            mi.intoArray(mean, i);
            FloatVector delta = grad.div(vi.sub(mi.mul(mi)).lanewise(VectorOperators.SQRT).add(epsV)).mul(rateV);
            delta.intoArray(step, i);
            FloatVector.fromArray(S, w, i).sub(delta).intoArray(w, i);
        }
        ScalarKernels.centeredRmsProp(w, g, v, mean, step, i, n, keep, mix, rate, eps);
    }

    @Override
    public void centeredRmsProp(float[] w, float[] g, float[] v, float[] mean, float[] step, int n, float keep,
            float mix, float rate, float eps, double[] squaredNorms) {
        if (L != 16) {
            super.centeredRmsProp(w, g, v, mean, step, n, keep, mix, rate, eps, squaredNorms);
            return;
        }
        FloatVector zero = FloatVector.zero(S);
        FloatVector keepV = FloatVector.broadcast(S, keep);
        FloatVector mixV = FloatVector.broadcast(S, mix);
        FloatVector rateV = FloatVector.broadcast(S, rate);
        FloatVector epsV = FloatVector.broadcast(S, eps);
        FloatVector normal = FloatVector.broadcast(S, Float.MIN_NORMAL);
        FloatVector tiny1 = FloatVector.broadcast(S, tinyLinear(mix));
        FloatVector tiny2 = FloatVector.broadcast(S, tinySquare(mix));
        // sumOfSquares's partition: element i into partial sum i mod 32, over the whole blocks of 32
        FloatVector step0 = zero;
        FloatVector step1 = zero;
        FloatVector grad0 = zero;
        FloatVector grad1 = zero;
        int blocks = n / 32 * 32;
        // one body (two copies of it made C2 give up inlining the vector calls, and every vector was
        // boxed); the accumulators swap after each vector so that even vectors add to the first
        for (int i = 0; i < blocks; i += 16) {
            FloatVector grad = FloatVector.fromArray(S, g, i);
            FloatVector size = grad.abs();
            FloatVector forSquare = grad.blend(zero, size.compare(VectorOperators.LT, tiny2));
            FloatVector vi = FloatVector.fromArray(S, v, i).mul(keepV).add(forSquare.mul(forSquare).mul(mixV));
            vi = vi.blend(zero, vi.abs().compare(VectorOperators.LT, normal));
            FloatVector forMean = grad.blend(zero, size.compare(VectorOperators.LT, tiny1));
            FloatVector mi = FloatVector.fromArray(S, mean, i).mul(keepV).add(forMean.mul(mixV));
            mi = mi.blend(zero, mi.abs().compare(VectorOperators.LT, normal));
            vi.intoArray(v, i);
            mi.intoArray(mean, i);
            FloatVector delta = grad.div(vi.sub(mi.mul(mi)).lanewise(VectorOperators.SQRT).add(epsV)).mul(rateV);
            // the step is not stored: its norm is summed here, and a store stream less is 8-10% of the update
            FloatVector.fromArray(S, w, i).sub(delta).intoArray(w, i);
            FloatVector nextStep = step1;
            step1 = delta.fma(delta, step0);
            step0 = nextStep;
            FloatVector nextGrad = grad1;
            grad1 = grad.fma(grad, grad0);
            grad0 = nextGrad;
        }
        // the rest (fewer than 32) one at a time, as the vector kernel's tail is: its squares are added in double below
        Kernels.ScalarKernels.centeredRmsProp(w, g, v, mean, step, blocks, n, keep, mix, rate, eps);
        // sumOfSquares's ending: the 32 partial sums combined lane by lane, then the rest added in double
        FloatVector stepLanes = step0.add(step0.rearrange(UPPER_HALF)).add(step1).add(step1.rearrange(UPPER_HALF));
        FloatVector gradLanes = grad0.add(grad0.rearrange(UPPER_HALF)).add(grad1).add(grad1.rearrange(UPPER_HALF));
        double stepSum = 0;
        double gradSum = 0;
        for (int l = 0; l < 8; l++) {
            stepSum += stepLanes.lane(l);
            gradSum += gradLanes.lane(l);
        }
        for (int i = blocks; i < n; i++) {
            stepSum += (double) step[i] * step[i];
            gradSum += (double) g[i] * g[i];
        }
        squaredNorms[0] = stepSum;
        squaredNorms[1] = gradSum;
    }

    @Override
    public void rmsProp(float[] w, float[] g, float[] v, float[] step, int n, float keep, float mix, float rate,
            float eps, boolean inside, float debias) {
        FloatVector zero = FloatVector.zero(S);
        FloatVector keepV = FloatVector.broadcast(S, keep);
        FloatVector mixV = FloatVector.broadcast(S, mix);
        FloatVector rateV = FloatVector.broadcast(S, rate);
        FloatVector epsV = FloatVector.broadcast(S, eps);
        FloatVector debiasV = FloatVector.broadcast(S, debias);
        FloatVector normal = FloatVector.broadcast(S, Float.MIN_NORMAL);
        FloatVector tiny2 = FloatVector.broadcast(S, tinySquare(mix));
        int i = 0;
        // one loop for each place of eps, so that no vector is chosen by a branch inside the loop
        if (inside) {
            for (; i <= n - L; i += L) {
                FloatVector grad = FloatVector.fromArray(S, g, i);
                FloatVector forSquare = grad.blend(zero, grad.abs().compare(VectorOperators.LT, tiny2));
                FloatVector vi = FloatVector.fromArray(S, v, i).mul(keepV).add(forSquare.mul(forSquare).mul(mixV));
                vi = vi.blend(zero, vi.abs().compare(VectorOperators.LT, normal));
                vi.intoArray(v, i);
                FloatVector delta = grad.div(vi.div(debiasV).add(epsV).lanewise(VectorOperators.SQRT)).mul(rateV);
                delta.intoArray(step, i);
                FloatVector.fromArray(S, w, i).sub(delta).intoArray(w, i);
            }
        } else {
            for (; i <= n - L; i += L) {
                FloatVector grad = FloatVector.fromArray(S, g, i);
                FloatVector forSquare = grad.blend(zero, grad.abs().compare(VectorOperators.LT, tiny2));
                FloatVector vi = FloatVector.fromArray(S, v, i).mul(keepV).add(forSquare.mul(forSquare).mul(mixV));
                vi = vi.blend(zero, vi.abs().compare(VectorOperators.LT, normal));
                vi.intoArray(v, i);
                FloatVector delta = grad.div(vi.lanewise(VectorOperators.SQRT).add(epsV)).mul(rateV);
                delta.intoArray(step, i);
                FloatVector.fromArray(S, w, i).sub(delta).intoArray(w, i);
            }
        }
        ScalarKernels.rmsProp(w, g, v, step, i, n, keep, mix, rate, eps, inside, debias);
    }

    @Override
    public void adam(float[] w, float[] g, float[] m, float[] v, float[] step, int n, float beta1, float mix1,
            float keep2, float mix2, float stepSize, float rootDebias, float eps) {
        FloatVector zero = FloatVector.zero(S);
        FloatVector beta1V = FloatVector.broadcast(S, beta1);
        FloatVector mix1V = FloatVector.broadcast(S, mix1);
        FloatVector keep2V = FloatVector.broadcast(S, keep2);
        FloatVector mix2V = FloatVector.broadcast(S, mix2);
        FloatVector stepV = FloatVector.broadcast(S, stepSize);
        FloatVector rootDebiasV = FloatVector.broadcast(S, rootDebias);
        FloatVector epsV = FloatVector.broadcast(S, eps);
        FloatVector normal = FloatVector.broadcast(S, Float.MIN_NORMAL);
        FloatVector tiny1 = FloatVector.broadcast(S, tinyLinear(mix1));
        FloatVector tiny2 = FloatVector.broadcast(S, tinySquare(mix2));
        int i = 0;
        for (; i <= n - L; i += L) {
            FloatVector grad = FloatVector.fromArray(S, g, i);
            FloatVector size = grad.abs();
            FloatVector forMean = grad.blend(zero, size.compare(VectorOperators.LT, tiny1));
            FloatVector mi = FloatVector.fromArray(S, m, i).mul(beta1V).add(forMean.mul(mix1V));
            mi = mi.blend(zero, mi.abs().compare(VectorOperators.LT, normal));
            FloatVector forSquare = grad.blend(zero, size.compare(VectorOperators.LT, tiny2));
            FloatVector vi = FloatVector.fromArray(S, v, i).mul(keep2V).add(forSquare.mul(forSquare).mul(mix2V));
            vi = vi.blend(zero, vi.abs().compare(VectorOperators.LT, normal));
            mi.intoArray(m, i);
            vi.intoArray(v, i);
            FloatVector delta = mi.div(vi.lanewise(VectorOperators.SQRT).div(rootDebiasV).add(epsV)).mul(stepV);
            delta.neg().intoArray(step, i);
            FloatVector.fromArray(S, w, i).sub(delta).intoArray(w, i);
        }
        ScalarKernels.adam(w, g, m, v, step, i, n, beta1, mix1, keep2, mix2, stepSize, rootDebias, eps);
    }

    @Override
    public void relu(float[] x, float[] y, int n) {
        FloatVector zero = FloatVector.zero(S);
        int i = 0;
        for (; i <= n - L; i += L) {
            FloatVector.fromArray(S, x, i).max(zero).intoArray(y, i);
        }
        for (; i < n; i++) {
            y[i] = Math.max(x[i], 0f);
        }
    }

    @Override
    public void reluBackward(float[] y, float[] dy, float[] dx, int n) {
        FloatVector zero = FloatVector.zero(S);
        int i = 0;
        for (; i <= n - L; i += L) {
            var on = FloatVector.fromArray(S, y, i).compare(VectorOperators.GT, zero);
            zero.blend(FloatVector.fromArray(S, dy, i), on).intoArray(dx, i);
        }
        for (; i < n; i++) {
            dx[i] = y[i] > 0f ? dy[i] : 0f;
        }
    }

    @Override
    public void weightedRows(float[] xs, int[] ds, int count, float[] dy, float[] g, int go, int out,
            boolean accumulate) {
        int j = 0;
        if (WIDE) { // eight chains (128 outputs) in flight: four ran at half the FMA rate, latency-bound
            for (; j <= out - 8 * L; j += 8 * L) {
                weightedRows8(xs, ds, count, dy, g, go, j, accumulate);
            }
        }
        for (; j <= out - 4 * L; j += 4 * L) {
            int at = go + j;
            FloatVector a0 = accumulate ? FloatVector.fromArray(S, g, at) : FloatVector.zero(S);
            FloatVector a1 = accumulate ? FloatVector.fromArray(S, g, at + L) : FloatVector.zero(S);
            FloatVector a2 = accumulate ? FloatVector.fromArray(S, g, at + 2 * L) : FloatVector.zero(S);
            FloatVector a3 = accumulate ? FloatVector.fromArray(S, g, at + 3 * L) : FloatVector.zero(S);
            for (int k = 0; k < count; k++) {
                FloatVector xv = FloatVector.broadcast(S, xs[k]);
                int d = ds[k] + j;
                a0 = xv.fma(FloatVector.fromArray(S, dy, d), a0);
                a1 = xv.fma(FloatVector.fromArray(S, dy, d + L), a1);
                a2 = xv.fma(FloatVector.fromArray(S, dy, d + 2 * L), a2);
                a3 = xv.fma(FloatVector.fromArray(S, dy, d + 3 * L), a3);
            }
            a0.intoArray(g, at);
            a1.intoArray(g, at + L);
            a2.intoArray(g, at + 2 * L);
            a3.intoArray(g, at + 3 * L);
        }
        for (; j <= out - L; j += L) {
            FloatVector a0 = accumulate ? FloatVector.fromArray(S, g, go + j) : FloatVector.zero(S);
            for (int k = 0; k < count; k++) {
                a0 = FloatVector.broadcast(S, xs[k]).fma(FloatVector.fromArray(S, dy, ds[k] + j), a0);
            }
            a0.intoArray(g, go + j);
        }
        for (; j < out; j++) {
            float acc = accumulate ? g[go + j] : 0f;
            for (int k = 0; k < count; k++) {
                acc = Math.fma(xs[k], dy[ds[k] + j], acc);
            }
            g[go + j] = acc;
        }
    }

    /** {@link #weightedRows} for the eight vectors of outputs from {@code j}. */
    private static void weightedRows8(float[] xs, int[] ds, int count, float[] dy, float[] g, int go, int j,
            boolean accumulate) {
        int at = go + j;
        FloatVector a0 = accumulate ? FloatVector.fromArray(S, g, at) : FloatVector.zero(S);
        FloatVector a1 = accumulate ? FloatVector.fromArray(S, g, at + L) : FloatVector.zero(S);
        FloatVector a2 = accumulate ? FloatVector.fromArray(S, g, at + 2 * L) : FloatVector.zero(S);
        FloatVector a3 = accumulate ? FloatVector.fromArray(S, g, at + 3 * L) : FloatVector.zero(S);
        FloatVector a4 = accumulate ? FloatVector.fromArray(S, g, at + 4 * L) : FloatVector.zero(S);
        FloatVector a5 = accumulate ? FloatVector.fromArray(S, g, at + 5 * L) : FloatVector.zero(S);
        FloatVector a6 = accumulate ? FloatVector.fromArray(S, g, at + 6 * L) : FloatVector.zero(S);
        FloatVector a7 = accumulate ? FloatVector.fromArray(S, g, at + 7 * L) : FloatVector.zero(S);
        for (int k = 0; k < count; k++) {
            FloatVector xv = FloatVector.broadcast(S, xs[k]);
            int d = ds[k] + j;
            a0 = xv.fma(FloatVector.fromArray(S, dy, d), a0);
            a1 = xv.fma(FloatVector.fromArray(S, dy, d + L), a1);
            a2 = xv.fma(FloatVector.fromArray(S, dy, d + 2 * L), a2);
            a3 = xv.fma(FloatVector.fromArray(S, dy, d + 3 * L), a3);
            a4 = xv.fma(FloatVector.fromArray(S, dy, d + 4 * L), a4);
            a5 = xv.fma(FloatVector.fromArray(S, dy, d + 5 * L), a5);
            a6 = xv.fma(FloatVector.fromArray(S, dy, d + 6 * L), a6);
            a7 = xv.fma(FloatVector.fromArray(S, dy, d + 7 * L), a7);
        }
        a0.intoArray(g, go + j);
        a1.intoArray(g, go + j + L);
        a2.intoArray(g, go + j + 2 * L);
        a3.intoArray(g, go + j + 3 * L);
        a4.intoArray(g, go + j + 4 * L);
        a5.intoArray(g, go + j + 5 * L);
        a6.intoArray(g, go + j + 6 * L);
        a7.intoArray(g, go + j + 7 * L);
    }

    @Override
    public void combine(float[] w, int wo, int oStride, int sStride, int outputs, int summed, float[] inT, int batch,
            float[] outT) {
        // register-blocked: twelve accumulators (three outputs x four vectors of examples, or six
        // x two) or eight (eight outputs x one vector), so that independent FMA chains fill the
        // pipeline. With 16 lanes a DQN batch of 32 is two vectors: without the six-by-two block
        // it ran one latency-bound chain per output.
        int quad = batch / (4 * L) * (4 * L);
        int pair = quad + (batch - quad) / (2 * L) * (2 * L);
        int whole = batch / L * L;
        int fours = outputs / 4 * 4;
        int eightsOfPairs = outputs / 8 * 8;
        // the outputs the pair blocks leave to one chain each: what is left after eights, then sixes
        int sixes = WIDE ? eightsOfPairs + (outputs - eightsOfPairs) / 6 * 6 : outputs / 6 * 6;
        int eights = outputs / 8 * 8;
        // the summed index in chunks, so that a block's slice of the input stays in L1 while every
        // block of outputs passes over it; a chunk after the first continues each output's chain
        // from where the last one stored it (a float stored and loaded is the same float)
        for (int s0 = 0; s0 < summed; s0 += CHUNK) {
            int s1 = Math.min(summed, s0 + CHUNK);
            boolean more = s0 > 0;
            for (int b0 = 0; b0 < quad; b0 += 4 * L) {
                int o = 0;
                if (WIDE) {
                    for (; o < fours; o += 4) {
                        combine4x4(w, wo + o * oStride, oStride, sStride, s0, s1, more, inT, batch, outT, o * batch, b0);
                    }
                }
                for (; o + 3 <= outputs; o += 3) {
                    combine3x4(w, wo + o * oStride, oStride, sStride, s0, s1, more, inT, batch, outT, o * batch, b0);
                }
                if (outputs - o == 2) {
                    combine2x4(w, wo + o * oStride, oStride, sStride, s0, s1, more, inT, batch, outT, o * batch, b0);
                } else if (outputs - o == 1) {
                    combine1x4(w, wo + o * oStride, oStride, sStride, s0, s1, more, inT, batch, outT, o * batch, b0);
                }
            }
            for (int b0 = quad; b0 < pair; b0 += 2 * L) {
                int o = 0;
                if (WIDE) {
                    for (; o < eightsOfPairs; o += 8) {
                        combine8x2(w, wo + o * oStride, oStride, sStride, s0, s1, more, inT, batch, outT, o * batch, b0);
                    }
                }
                for (; o + 6 <= outputs; o += 6) {
                    combine6x2(w, wo + o * oStride, oStride, sStride, s0, s1, more, inT, batch, outT, o * batch, b0);
                }
            }
            for (int b0 = pair; b0 < whole; b0 += L) {
                for (int o = 0; o < eights; o += 8) {
                    combine8x1(w, wo + o * oStride, oStride, sStride, s0, s1, more, inT, batch, outT, o * batch, b0);
                }
            }
        }
        combineVectors(w, wo, oStride, sStride, sixes, outputs, summed, inT, batch, quad, pair, outT);
        combineVectors(w, wo, oStride, sStride, eights, outputs, summed, inT, batch, pair, whole, outT);
        for (int b = whole; b < batch; b++) {
            column(w, wo, oStride, sStride, outputs, summed, inT, batch, b, outT);
        }
    }

    /** Outputs {@code [from, to)} for the whole vectors of examples in {@code [b0, b1)}, one chain each. */
    private static void combineVectors(float[] w, int wo, int oStride, int sStride, int from, int to, int summed,
            float[] inT, int batch, int b0, int b1, float[] outT) {
        for (int o = from; o < to; o++) {
            for (int b = b0; b < b1; b += L) {
                FloatVector a = FloatVector.zero(S);
                for (int s = 0; s < summed; s++) {
                    a = FloatVector.fromArray(S, inT, s * batch + b).fma(FloatVector.broadcast(S, w[wo + o * oStride + s * sStride]), a);
                }
                a.intoArray(outT, o * batch + b);
            }
        }
    }

    /** Three outputs of four vectors of examples from {@code b0}, over {@code s} in [s0, s1): twelve accumulators in registers. */
    private static void combine3x4(float[] w, int wo, int oStride, int sStride, int s0, int s1, boolean accumulate,
            float[] inT, int batch, float[] outT, int row, int b0) {
        int at = row + b0;
        FloatVector a00 = accumulate ? FloatVector.fromArray(S, outT, at) : FloatVector.zero(S);
        FloatVector a01 = accumulate ? FloatVector.fromArray(S, outT, at + L) : FloatVector.zero(S);
        FloatVector a02 = accumulate ? FloatVector.fromArray(S, outT, at + 2 * L) : FloatVector.zero(S);
        FloatVector a03 = accumulate ? FloatVector.fromArray(S, outT, at + 3 * L) : FloatVector.zero(S);
        FloatVector a10 = accumulate ? FloatVector.fromArray(S, outT, at + batch) : FloatVector.zero(S);
        FloatVector a11 = accumulate ? FloatVector.fromArray(S, outT, at + batch + L) : FloatVector.zero(S);
        FloatVector a12 = accumulate ? FloatVector.fromArray(S, outT, at + batch + 2 * L) : FloatVector.zero(S);
        FloatVector a13 = accumulate ? FloatVector.fromArray(S, outT, at + batch + 3 * L) : FloatVector.zero(S);
        FloatVector a20 = accumulate ? FloatVector.fromArray(S, outT, at + 2 * batch) : FloatVector.zero(S);
        FloatVector a21 = accumulate ? FloatVector.fromArray(S, outT, at + 2 * batch + L) : FloatVector.zero(S);
        FloatVector a22 = accumulate ? FloatVector.fromArray(S, outT, at + 2 * batch + 2 * L) : FloatVector.zero(S);
        FloatVector a23 = accumulate ? FloatVector.fromArray(S, outT, at + 2 * batch + 3 * L) : FloatVector.zero(S);
        for (int s = s0; s < s1; s++) {
            int xo = s * batch + b0;
            FloatVector x0 = FloatVector.fromArray(S, inT, xo);
            FloatVector x1 = FloatVector.fromArray(S, inT, xo + L);
            FloatVector x2 = FloatVector.fromArray(S, inT, xo + 2 * L);
            FloatVector x3 = FloatVector.fromArray(S, inT, xo + 3 * L);
            int c = wo + s * sStride;
            FloatVector v = FloatVector.broadcast(S, w[c]);
            a00 = x0.fma(v, a00);
            a01 = x1.fma(v, a01);
            a02 = x2.fma(v, a02);
            a03 = x3.fma(v, a03);
            v = FloatVector.broadcast(S, w[c + oStride]);
            a10 = x0.fma(v, a10);
            a11 = x1.fma(v, a11);
            a12 = x2.fma(v, a12);
            a13 = x3.fma(v, a13);
            v = FloatVector.broadcast(S, w[c + 2 * oStride]);
            a20 = x0.fma(v, a20);
            a21 = x1.fma(v, a21);
            a22 = x2.fma(v, a22);
            a23 = x3.fma(v, a23);
        }
        a00.intoArray(outT, at);
        a01.intoArray(outT, at + L);
        a02.intoArray(outT, at + 2 * L);
        a03.intoArray(outT, at + 3 * L);
        a10.intoArray(outT, at + batch);
        a11.intoArray(outT, at + batch + L);
        a12.intoArray(outT, at + batch + 2 * L);
        a13.intoArray(outT, at + batch + 3 * L);
        a20.intoArray(outT, at + 2 * batch);
        a21.intoArray(outT, at + 2 * batch + L);
        a22.intoArray(outT, at + 2 * batch + 2 * L);
        a23.intoArray(outT, at + 2 * batch + 3 * L);
    }

    /** Four outputs of four vectors of examples from {@code b0}, over {@code s} in [s0, s1): sixteen accumulators, for AVX-512's 32 registers. */
    private static void combine4x4(float[] w, int wo, int oStride, int sStride, int s0, int s1, boolean accumulate,
            float[] inT, int batch, float[] outT, int row, int b0) {
        int at = row + b0;
        FloatVector a0_0 = accumulate ? FloatVector.fromArray(S, outT, at) : FloatVector.zero(S);
        FloatVector a0_1 = accumulate ? FloatVector.fromArray(S, outT, at + L) : FloatVector.zero(S);
        FloatVector a0_2 = accumulate ? FloatVector.fromArray(S, outT, at + 2 * L) : FloatVector.zero(S);
        FloatVector a0_3 = accumulate ? FloatVector.fromArray(S, outT, at + 3 * L) : FloatVector.zero(S);
        FloatVector a1_0 = accumulate ? FloatVector.fromArray(S, outT, at + batch) : FloatVector.zero(S);
        FloatVector a1_1 = accumulate ? FloatVector.fromArray(S, outT, at + batch + L) : FloatVector.zero(S);
        FloatVector a1_2 = accumulate ? FloatVector.fromArray(S, outT, at + batch + 2 * L) : FloatVector.zero(S);
        FloatVector a1_3 = accumulate ? FloatVector.fromArray(S, outT, at + batch + 3 * L) : FloatVector.zero(S);
        FloatVector a2_0 = accumulate ? FloatVector.fromArray(S, outT, at + 2 * batch) : FloatVector.zero(S);
        FloatVector a2_1 = accumulate ? FloatVector.fromArray(S, outT, at + 2 * batch + L) : FloatVector.zero(S);
        FloatVector a2_2 = accumulate ? FloatVector.fromArray(S, outT, at + 2 * batch + 2 * L) : FloatVector.zero(S);
        FloatVector a2_3 = accumulate ? FloatVector.fromArray(S, outT, at + 2 * batch + 3 * L) : FloatVector.zero(S);
        FloatVector a3_0 = accumulate ? FloatVector.fromArray(S, outT, at + 3 * batch) : FloatVector.zero(S);
        FloatVector a3_1 = accumulate ? FloatVector.fromArray(S, outT, at + 3 * batch + L) : FloatVector.zero(S);
        FloatVector a3_2 = accumulate ? FloatVector.fromArray(S, outT, at + 3 * batch + 2 * L) : FloatVector.zero(S);
        FloatVector a3_3 = accumulate ? FloatVector.fromArray(S, outT, at + 3 * batch + 3 * L) : FloatVector.zero(S);
        for (int s = s0; s < s1; s++) {
            int xo = s * batch + b0;
            FloatVector x0 = FloatVector.fromArray(S, inT, xo);
            FloatVector x1 = FloatVector.fromArray(S, inT, xo + L);
            FloatVector x2 = FloatVector.fromArray(S, inT, xo + 2 * L);
            FloatVector x3 = FloatVector.fromArray(S, inT, xo + 3 * L);
            int c = wo + s * sStride;
            FloatVector v = FloatVector.broadcast(S, w[c]);
            a0_0 = x0.fma(v, a0_0);
            a0_1 = x1.fma(v, a0_1);
            a0_2 = x2.fma(v, a0_2);
            a0_3 = x3.fma(v, a0_3);
            v = FloatVector.broadcast(S, w[c + oStride]);
            a1_0 = x0.fma(v, a1_0);
            a1_1 = x1.fma(v, a1_1);
            a1_2 = x2.fma(v, a1_2);
            a1_3 = x3.fma(v, a1_3);
            v = FloatVector.broadcast(S, w[c + 2 * oStride]);
            a2_0 = x0.fma(v, a2_0);
            a2_1 = x1.fma(v, a2_1);
            a2_2 = x2.fma(v, a2_2);
            a2_3 = x3.fma(v, a2_3);
            v = FloatVector.broadcast(S, w[c + 3 * oStride]);
            a3_0 = x0.fma(v, a3_0);
            a3_1 = x1.fma(v, a3_1);
            a3_2 = x2.fma(v, a3_2);
            a3_3 = x3.fma(v, a3_3);
        }
        a0_0.intoArray(outT, at);
        a0_1.intoArray(outT, at + L);
        a0_2.intoArray(outT, at + 2 * L);
        a0_3.intoArray(outT, at + 3 * L);
        a1_0.intoArray(outT, at + batch);
        a1_1.intoArray(outT, at + batch + L);
        a1_2.intoArray(outT, at + batch + 2 * L);
        a1_3.intoArray(outT, at + batch + 3 * L);
        a2_0.intoArray(outT, at + 2 * batch);
        a2_1.intoArray(outT, at + 2 * batch + L);
        a2_2.intoArray(outT, at + 2 * batch + 2 * L);
        a2_3.intoArray(outT, at + 2 * batch + 3 * L);
        a3_0.intoArray(outT, at + 3 * batch);
        a3_1.intoArray(outT, at + 3 * batch + L);
        a3_2.intoArray(outT, at + 3 * batch + 2 * L);
        a3_3.intoArray(outT, at + 3 * batch + 3 * L);
    }

    /** Eight outputs of two vectors of examples from {@code b0}, over {@code s} in [s0, s1): sixteen accumulators, for AVX-512's 32 registers. */
    private static void combine8x2(float[] w, int wo, int oStride, int sStride, int s0, int s1, boolean accumulate,
            float[] inT, int batch, float[] outT, int row, int b0) {
        int at = row + b0;
        FloatVector a0_0 = accumulate ? FloatVector.fromArray(S, outT, at) : FloatVector.zero(S);
        FloatVector a0_1 = accumulate ? FloatVector.fromArray(S, outT, at + L) : FloatVector.zero(S);
        FloatVector a1_0 = accumulate ? FloatVector.fromArray(S, outT, at + batch) : FloatVector.zero(S);
        FloatVector a1_1 = accumulate ? FloatVector.fromArray(S, outT, at + batch + L) : FloatVector.zero(S);
        FloatVector a2_0 = accumulate ? FloatVector.fromArray(S, outT, at + 2 * batch) : FloatVector.zero(S);
        FloatVector a2_1 = accumulate ? FloatVector.fromArray(S, outT, at + 2 * batch + L) : FloatVector.zero(S);
        FloatVector a3_0 = accumulate ? FloatVector.fromArray(S, outT, at + 3 * batch) : FloatVector.zero(S);
        FloatVector a3_1 = accumulate ? FloatVector.fromArray(S, outT, at + 3 * batch + L) : FloatVector.zero(S);
        FloatVector a4_0 = accumulate ? FloatVector.fromArray(S, outT, at + 4 * batch) : FloatVector.zero(S);
        FloatVector a4_1 = accumulate ? FloatVector.fromArray(S, outT, at + 4 * batch + L) : FloatVector.zero(S);
        FloatVector a5_0 = accumulate ? FloatVector.fromArray(S, outT, at + 5 * batch) : FloatVector.zero(S);
        FloatVector a5_1 = accumulate ? FloatVector.fromArray(S, outT, at + 5 * batch + L) : FloatVector.zero(S);
        FloatVector a6_0 = accumulate ? FloatVector.fromArray(S, outT, at + 6 * batch) : FloatVector.zero(S);
        FloatVector a6_1 = accumulate ? FloatVector.fromArray(S, outT, at + 6 * batch + L) : FloatVector.zero(S);
        FloatVector a7_0 = accumulate ? FloatVector.fromArray(S, outT, at + 7 * batch) : FloatVector.zero(S);
        FloatVector a7_1 = accumulate ? FloatVector.fromArray(S, outT, at + 7 * batch + L) : FloatVector.zero(S);
        for (int s = s0; s < s1; s++) {
            int xo = s * batch + b0;
            FloatVector x0 = FloatVector.fromArray(S, inT, xo);
            FloatVector x1 = FloatVector.fromArray(S, inT, xo + L);
            int c = wo + s * sStride;
            FloatVector v = FloatVector.broadcast(S, w[c]);
            a0_0 = x0.fma(v, a0_0);
            a0_1 = x1.fma(v, a0_1);
            v = FloatVector.broadcast(S, w[c + oStride]);
            a1_0 = x0.fma(v, a1_0);
            a1_1 = x1.fma(v, a1_1);
            v = FloatVector.broadcast(S, w[c + 2 * oStride]);
            a2_0 = x0.fma(v, a2_0);
            a2_1 = x1.fma(v, a2_1);
            v = FloatVector.broadcast(S, w[c + 3 * oStride]);
            a3_0 = x0.fma(v, a3_0);
            a3_1 = x1.fma(v, a3_1);
            v = FloatVector.broadcast(S, w[c + 4 * oStride]);
            a4_0 = x0.fma(v, a4_0);
            a4_1 = x1.fma(v, a4_1);
            v = FloatVector.broadcast(S, w[c + 5 * oStride]);
            a5_0 = x0.fma(v, a5_0);
            a5_1 = x1.fma(v, a5_1);
            v = FloatVector.broadcast(S, w[c + 6 * oStride]);
            a6_0 = x0.fma(v, a6_0);
            a6_1 = x1.fma(v, a6_1);
            v = FloatVector.broadcast(S, w[c + 7 * oStride]);
            a7_0 = x0.fma(v, a7_0);
            a7_1 = x1.fma(v, a7_1);
        }
        a0_0.intoArray(outT, at);
        a0_1.intoArray(outT, at + L);
        a1_0.intoArray(outT, at + batch);
        a1_1.intoArray(outT, at + batch + L);
        a2_0.intoArray(outT, at + 2 * batch);
        a2_1.intoArray(outT, at + 2 * batch + L);
        a3_0.intoArray(outT, at + 3 * batch);
        a3_1.intoArray(outT, at + 3 * batch + L);
        a4_0.intoArray(outT, at + 4 * batch);
        a4_1.intoArray(outT, at + 4 * batch + L);
        a5_0.intoArray(outT, at + 5 * batch);
        a5_1.intoArray(outT, at + 5 * batch + L);
        a6_0.intoArray(outT, at + 6 * batch);
        a6_1.intoArray(outT, at + 6 * batch + L);
        a7_0.intoArray(outT, at + 7 * batch);
        a7_1.intoArray(outT, at + 7 * batch + L);
    }


    /** Two outputs of four vectors of examples from {@code b0}, over {@code s} in [s0, s1): eight accumulators (two rows left over by the blocks of three). */
    private static void combine2x4(float[] w, int wo, int oStride, int sStride, int s0, int s1, boolean accumulate,
            float[] inT, int batch, float[] outT, int row, int b0) {
        int at = row + b0;
        FloatVector a00 = accumulate ? FloatVector.fromArray(S, outT, at) : FloatVector.zero(S);
        FloatVector a01 = accumulate ? FloatVector.fromArray(S, outT, at + L) : FloatVector.zero(S);
        FloatVector a02 = accumulate ? FloatVector.fromArray(S, outT, at + 2 * L) : FloatVector.zero(S);
        FloatVector a03 = accumulate ? FloatVector.fromArray(S, outT, at + 3 * L) : FloatVector.zero(S);
        FloatVector a10 = accumulate ? FloatVector.fromArray(S, outT, at + batch) : FloatVector.zero(S);
        FloatVector a11 = accumulate ? FloatVector.fromArray(S, outT, at + batch + L) : FloatVector.zero(S);
        FloatVector a12 = accumulate ? FloatVector.fromArray(S, outT, at + batch + 2 * L) : FloatVector.zero(S);
        FloatVector a13 = accumulate ? FloatVector.fromArray(S, outT, at + batch + 3 * L) : FloatVector.zero(S);
        for (int s = s0; s < s1; s++) {
            int xo = s * batch + b0;
            FloatVector x0 = FloatVector.fromArray(S, inT, xo);
            FloatVector x1 = FloatVector.fromArray(S, inT, xo + L);
            FloatVector x2 = FloatVector.fromArray(S, inT, xo + 2 * L);
            FloatVector x3 = FloatVector.fromArray(S, inT, xo + 3 * L);
            int c = wo + s * sStride;
            FloatVector v = FloatVector.broadcast(S, w[c]);
            a00 = x0.fma(v, a00);
            a01 = x1.fma(v, a01);
            a02 = x2.fma(v, a02);
            a03 = x3.fma(v, a03);
            v = FloatVector.broadcast(S, w[c + oStride]);
            a10 = x0.fma(v, a10);
            a11 = x1.fma(v, a11);
            a12 = x2.fma(v, a12);
            a13 = x3.fma(v, a13);
        }
        a00.intoArray(outT, at);
        a01.intoArray(outT, at + L);
        a02.intoArray(outT, at + 2 * L);
        a03.intoArray(outT, at + 3 * L);
        a10.intoArray(outT, at + batch);
        a11.intoArray(outT, at + batch + L);
        a12.intoArray(outT, at + batch + 2 * L);
        a13.intoArray(outT, at + batch + 3 * L);
    }

    /** One output of four vectors of examples from {@code b0}, over {@code s} in [s0, s1): four chains side by side. */
    private static void combine1x4(float[] w, int wo, int oStride, int sStride, int s0, int s1, boolean accumulate,
            float[] inT, int batch, float[] outT, int row, int b0) {
        int at = row + b0;
        FloatVector a00 = accumulate ? FloatVector.fromArray(S, outT, at) : FloatVector.zero(S);
        FloatVector a01 = accumulate ? FloatVector.fromArray(S, outT, at + L) : FloatVector.zero(S);
        FloatVector a02 = accumulate ? FloatVector.fromArray(S, outT, at + 2 * L) : FloatVector.zero(S);
        FloatVector a03 = accumulate ? FloatVector.fromArray(S, outT, at + 3 * L) : FloatVector.zero(S);
        for (int s = s0; s < s1; s++) {
            int xo = s * batch + b0;
            FloatVector x0 = FloatVector.fromArray(S, inT, xo);
            FloatVector x1 = FloatVector.fromArray(S, inT, xo + L);
            FloatVector x2 = FloatVector.fromArray(S, inT, xo + 2 * L);
            FloatVector x3 = FloatVector.fromArray(S, inT, xo + 3 * L);
            int c = wo + s * sStride;
            FloatVector v = FloatVector.broadcast(S, w[c]);
            a00 = x0.fma(v, a00);
            a01 = x1.fma(v, a01);
            a02 = x2.fma(v, a02);
            a03 = x3.fma(v, a03);
        }
        a00.intoArray(outT, at);
        a01.intoArray(outT, at + L);
        a02.intoArray(outT, at + 2 * L);
        a03.intoArray(outT, at + 3 * L);
    }

    /** Six outputs of two vectors of examples from {@code b0}, over {@code s} in [s0, s1): twelve accumulators. */
    private static void combine6x2(float[] w, int wo, int oStride, int sStride, int s0, int s1, boolean accumulate,
            float[] inT, int batch, float[] outT, int row, int b0) {
        int at = row + b0;
        FloatVector a00 = accumulate ? FloatVector.fromArray(S, outT, at) : FloatVector.zero(S);
        FloatVector a01 = accumulate ? FloatVector.fromArray(S, outT, at + L) : FloatVector.zero(S);
        FloatVector a10 = accumulate ? FloatVector.fromArray(S, outT, at + batch) : FloatVector.zero(S);
        FloatVector a11 = accumulate ? FloatVector.fromArray(S, outT, at + batch + L) : FloatVector.zero(S);
        FloatVector a20 = accumulate ? FloatVector.fromArray(S, outT, at + 2 * batch) : FloatVector.zero(S);
        FloatVector a21 = accumulate ? FloatVector.fromArray(S, outT, at + 2 * batch + L) : FloatVector.zero(S);
        FloatVector a30 = accumulate ? FloatVector.fromArray(S, outT, at + 3 * batch) : FloatVector.zero(S);
        FloatVector a31 = accumulate ? FloatVector.fromArray(S, outT, at + 3 * batch + L) : FloatVector.zero(S);
        FloatVector a40 = accumulate ? FloatVector.fromArray(S, outT, at + 4 * batch) : FloatVector.zero(S);
        FloatVector a41 = accumulate ? FloatVector.fromArray(S, outT, at + 4 * batch + L) : FloatVector.zero(S);
        FloatVector a50 = accumulate ? FloatVector.fromArray(S, outT, at + 5 * batch) : FloatVector.zero(S);
        FloatVector a51 = accumulate ? FloatVector.fromArray(S, outT, at + 5 * batch + L) : FloatVector.zero(S);
        for (int s = s0; s < s1; s++) {
            int xo = s * batch + b0;
            FloatVector x0 = FloatVector.fromArray(S, inT, xo);
            FloatVector x1 = FloatVector.fromArray(S, inT, xo + L);
            int c = wo + s * sStride;
            FloatVector v = FloatVector.broadcast(S, w[c]);
            a00 = x0.fma(v, a00);
            a01 = x1.fma(v, a01);
            v = FloatVector.broadcast(S, w[c + oStride]);
            a10 = x0.fma(v, a10);
            a11 = x1.fma(v, a11);
            v = FloatVector.broadcast(S, w[c + 2 * oStride]);
            a20 = x0.fma(v, a20);
            a21 = x1.fma(v, a21);
            v = FloatVector.broadcast(S, w[c + 3 * oStride]);
            a30 = x0.fma(v, a30);
            a31 = x1.fma(v, a31);
            v = FloatVector.broadcast(S, w[c + 4 * oStride]);
            a40 = x0.fma(v, a40);
            a41 = x1.fma(v, a41);
            v = FloatVector.broadcast(S, w[c + 5 * oStride]);
            a50 = x0.fma(v, a50);
            a51 = x1.fma(v, a51);
        }
        a00.intoArray(outT, at);
        a01.intoArray(outT, at + L);
        a10.intoArray(outT, at + batch);
        a11.intoArray(outT, at + batch + L);
        a20.intoArray(outT, at + 2 * batch);
        a21.intoArray(outT, at + 2 * batch + L);
        a30.intoArray(outT, at + 3 * batch);
        a31.intoArray(outT, at + 3 * batch + L);
        a40.intoArray(outT, at + 4 * batch);
        a41.intoArray(outT, at + 4 * batch + L);
        a50.intoArray(outT, at + 5 * batch);
        a51.intoArray(outT, at + 5 * batch + L);
    }

    /** Eight outputs of one vector of examples from {@code b0}, over {@code s} in [s0, s1): eight accumulators. */
    private static void combine8x1(float[] w, int wo, int oStride, int sStride, int s0, int s1, boolean accumulate,
            float[] inT, int batch, float[] outT, int row, int b0) {
        int at = row + b0;
        FloatVector a00 = accumulate ? FloatVector.fromArray(S, outT, at) : FloatVector.zero(S);
        FloatVector a10 = accumulate ? FloatVector.fromArray(S, outT, at + batch) : FloatVector.zero(S);
        FloatVector a20 = accumulate ? FloatVector.fromArray(S, outT, at + 2 * batch) : FloatVector.zero(S);
        FloatVector a30 = accumulate ? FloatVector.fromArray(S, outT, at + 3 * batch) : FloatVector.zero(S);
        FloatVector a40 = accumulate ? FloatVector.fromArray(S, outT, at + 4 * batch) : FloatVector.zero(S);
        FloatVector a50 = accumulate ? FloatVector.fromArray(S, outT, at + 5 * batch) : FloatVector.zero(S);
        FloatVector a60 = accumulate ? FloatVector.fromArray(S, outT, at + 6 * batch) : FloatVector.zero(S);
        FloatVector a70 = accumulate ? FloatVector.fromArray(S, outT, at + 7 * batch) : FloatVector.zero(S);
        for (int s = s0; s < s1; s++) {
            int xo = s * batch + b0;
            FloatVector x0 = FloatVector.fromArray(S, inT, xo);
            int c = wo + s * sStride;
            FloatVector v = FloatVector.broadcast(S, w[c]);
            a00 = x0.fma(v, a00);
            v = FloatVector.broadcast(S, w[c + oStride]);
            a10 = x0.fma(v, a10);
            v = FloatVector.broadcast(S, w[c + 2 * oStride]);
            a20 = x0.fma(v, a20);
            v = FloatVector.broadcast(S, w[c + 3 * oStride]);
            a30 = x0.fma(v, a30);
            v = FloatVector.broadcast(S, w[c + 4 * oStride]);
            a40 = x0.fma(v, a40);
            v = FloatVector.broadcast(S, w[c + 5 * oStride]);
            a50 = x0.fma(v, a50);
            v = FloatVector.broadcast(S, w[c + 6 * oStride]);
            a60 = x0.fma(v, a60);
            v = FloatVector.broadcast(S, w[c + 7 * oStride]);
            a70 = x0.fma(v, a70);
        }
        a00.intoArray(outT, at);
        a10.intoArray(outT, at + batch);
        a20.intoArray(outT, at + 2 * batch);
        a30.intoArray(outT, at + 3 * batch);
        a40.intoArray(outT, at + 4 * batch);
        a50.intoArray(outT, at + 5 * batch);
        a60.intoArray(outT, at + 6 * batch);
        a70.intoArray(outT, at + 7 * batch);
    }
}
