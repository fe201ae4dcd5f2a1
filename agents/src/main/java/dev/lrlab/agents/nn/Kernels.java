package dev.lrlab.agents.nn;

/**
 * The inner loops of the layers, in two implementations that give bit-for-bit the same numbers:
 * one on the JDK's Vector API ({@link VectorKernels}, used when the JVM was started with
 * {@code --add-modules jdk.incubator.vector}, as the lrlab launcher does) and a scalar one for
 * JVMs without it. Both compute every output element as one chain of fused multiply-adds in the
 * same order, one element per vector lane, never summing across lanes, which is what makes them
 * equal. Set {@code -Dlrlab.vector=false} to force the scalar path.
 */
public abstract class Kernels {

    private static final Kernels SCALAR = new ScalarKernels();
    private static final Kernels BEST = pick();

    private static Kernels pick() {
        if ("false".equals(System.getProperty("lrlab.vector"))
                || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return SCALAR;
        }
        try {
            return (Kernels) Class.forName("dev.lrlab.agents.nn.VectorKernels").getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return SCALAR;
        }
    }

    /** The fastest kernels this JVM can run. */
    public static Kernels best() {
        return BEST;
    }

    /** The scalar kernels (for tests that compare the two). */
    public static Kernels scalar() {
        return SCALAR;
    }

    /** Whether these kernels use the Vector API. */
    public abstract boolean vectorized();

    /** {@code y[yo + j] = fma(a, x[xo + j], y[yo + j])} for j in [0, n). */
    public abstract void axpy(float a, float[] x, int xo, float[] y, int yo, int n);

    /**
     * Many {@link #axpy}s in one call, in order: for k in [0, count), {@code dst[to[k] + j] =
     * fma(xs[k], src[from[k] + j], dst[to[k] + j])} for j in [0, n). A convolution's scatter of
     * kernel rows (forward) or of output-gradient rows (weight gradient), without a call per row.
     */
    public abstract void scatterAxpy(float[] xs, int[] from, int[] to, int count, float[] src, float[] dst, int n);

    /**
     * One example's convolution (square kernel {@code k}, stride 1, valid) into position-major
     * outputs: {@code y[yo + (oy * outW + ox) * filters + o]} is {@code w[biasAt + o]} plus, in
     * (c, ky, kx) order, one FMA chain of {@code w[((c * k + ky) * k + kx) * filters + o] *
     * x[xo + (c * height + oy + ky) * width + ox + kx]}, where the input rows {@code c * height + iy}
     * that {@code activeRows} marks false (all zero) are left out. Inside an active row a zero input
     * is multiplied in (it adds an exact zero), which keeps the loops free of data-dependent branches.
     * {@code taps} is scratch of at least {@code 2 * channels * k * k} ints.
     */
    public abstract void convolve(float[] x, int xo, boolean[] activeRows, int channels, int height, int width,
            int k, float[] w, int biasAt, int filters, float[] y, int yo, int[] taps);

    /**
     * One example's part of a convolution's weight gradient, added to {@code g}: for every active
     * input row, in (c, iy) order, each weight {@code g[((c * k + ky) * k + kx) * filters + o]}
     * continues its FMA chain with {@code x[xo + (c * height + iy) * width + ox + kx] *
     * dy[yo + (oy * outW + ox) * filters + o]}, oy = iy - ky, ox ascending: over a batch, the
     * examples, then the output positions, in order.
     */
    public abstract void convolutionWeightGradient(float[] x, int xo, boolean[] activeRows, int channels, int height,
            int width, int k, float[] dy, int yo, float[] g, int filters);

    /**
     * Marks, for each of {@code rows} rows of {@code width} values from {@code x[xo]}, whether it
     * holds a non-zero value (NaN counts): the input rows a convolution cannot skip.
     */
    public abstract void markActiveRows(float[] x, int xo, int rows, int width, boolean[] active);

    /** {@link #markActiveRows} for rows {@code [from, rows)}. */
    static void markActiveRows(float[] x, int xo, int from, int rows, int width, boolean[] active) {
        for (int row = from; row < rows; row++) {
            int at = xo + row * width;
            boolean any = false;
            for (int ix = 0; ix < width; ix++) {
                any |= x[at + ix] != 0f;
            }
            active[row] = any;
        }
    }

    /** The scalar {@link #convolve}, for every shape. */
    static void convolveScalar(float[] x, int xo, boolean[] activeRows, int channels, int height, int width, int k,
            float[] w, int biasAt, int filters, float[] y, int yo) {
        int outH = height - k + 1;
        int outW = width - k + 1;
        for (int oy = 0; oy < outH; oy++) {
            int rowAt = yo + oy * outW * filters;
            for (int ox = 0; ox < outW; ox++) {
                System.arraycopy(w, biasAt, y, rowAt + ox * filters, filters);
            }
            for (int c = 0; c < channels; c++) {
                for (int ky = 0; ky < k; ky++) {
                    int row = c * height + oy + ky;
                    if (!activeRows[row]) {
                        continue;
                    }
                    for (int kx = 0; kx < k; kx++) {
                        int wi = ((c * k + ky) * k + kx) * filters;
                        for (int ox = 0; ox < outW; ox++) {
                            float v = x[xo + row * width + ox + kx];
                            int at = rowAt + ox * filters;
                            for (int o = 0; o < filters; o++) {
                                y[at + o] = Math.fma(w[wi + o], v, y[at + o]);
                            }
                        }
                    }
                }
            }
        }
    }

    /** The scalar {@link #convolutionWeightGradient}, for every shape. */
    static void convolutionWeightGradientScalar(float[] x, int xo, boolean[] activeRows, int channels, int height,
            int width, int k, float[] dy, int yo, float[] g, int filters) {
        int outH = height - k + 1;
        int outW = width - k + 1;
        for (int c = 0; c < channels; c++) {
            for (int iy = 0; iy < height; iy++) {
                int row = c * height + iy;
                if (!activeRows[row]) {
                    continue;
                }
                for (int ky = Math.max(0, iy - outH + 1); ky <= Math.min(k - 1, iy); ky++) {
                    int dyRow = yo + (iy - ky) * outW * filters;
                    for (int kx = 0; kx < k; kx++) {
                        int gi = ((c * k + ky) * k + kx) * filters;
                        for (int ox = 0; ox < outW; ox++) {
                            float v = x[xo + row * width + ox + kx];
                            int at = dyRow + ox * filters;
                            for (int o = 0; o < filters; o++) {
                                g[gi + o] = Math.fma(dy[at + o], v, g[gi + o]);
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * {@code dst[dstAt + j] += src[at + r * n + j]} for r in [0, count) in order, rounded after each
     * addition, for j in [0, n): a convolution's bias gradient, summed over its positions.
     */
    public abstract void addRows(float[] src, int at, int count, float[] dst, int dstAt, int n);

    /**
     * {@code sum a[i]^2} over {@code a[0..n)}, for norms: 32 float partial sums (element i goes to
     * sum i mod 32) over the whole blocks of 32, combined as four groups of eight added lane by
     * lane then the eight summed in double, plus the rest in double: the same partition on every
     * machine, whatever its vector width.
     */
    public abstract double sumOfSquares(float[] a, int n);

    /**
     * Lists the non-zero values of {@code x[xo .. xo + n)} (NaN counts as non-zero), in index
     * order, into {@code values}, with {@code base + i * stride} for each one's index i into
     * {@code rows}, and returns how many there are: the rows a sparse input's product with a
     * matrix sums.
     */
    public abstract int nonZeroRows(float[] x, int xo, int n, int base, int stride, float[] values, int[] rows);

    /** {@link #nonZeroRows} over {@code [from, n)}, continuing lists that hold {@code count} entries. */
    static int nonZeroRows(float[] x, int xo, int from, int n, int base, int stride, float[] values, int[] rows,
            int count) {
        for (int i = from; i < n; i++) { // without a branch per input, which a sparse input mispredicts
            float v = x[xo + i];
            values[count] = v;
            rows[count] = base + i * stride;
            count += v != 0f ? 1 : 0;
        }
        return count;
    }

    /** {@code y[i] = max(x[i], 0)} for i in [0, n) (NaN stays NaN, so divergence shows). */
    public abstract void relu(float[] x, float[] y, int n);

    /** {@code dx[i] = y[i] > 0 ? dy[i] : 0} for i in [0, n): ReLU's backward pass from its output. */
    public abstract void reluBackward(float[] y, float[] dy, float[] dx, int n);

    /**
     * A weighted sum of rows, which is a dense layer's weight gradient for one input over the
     * examples where that input is non-zero: {@code g[go + j] = sum over k of xs[k] * dy[ds[k] + j]},
     * summed in k order from 0, for j in [0, out); with {@code accumulate}, the chains continue from
     * what {@code g} holds (a sum taken in pieces, each piece's rows kept in cache while they serve
     * every example), which gives the floats of one chain.
     */
    public abstract void weightedRows(float[] xs, int[] ds, int count, float[] dy, float[] g, int go, int out,
            boolean accumulate);

    /**
     * A matrix product with the batch inner, for dense activations: {@code outT[o * batch + b] =
     * sum over s of w[wo + o * oStride + s * sStride] * inT[s * batch + b]}, summed in s order from
     * zero, for o in [0, outputs) and b in [0, batch). With {@code oStride = 1, sStride = out} it is
     * a dense layer's forward pass on transposed activations; with {@code oStride = out, sStride = 1},
     * its input gradient. The vector kernel computes three outputs for 4 x lanes examples at once,
     * reusing every load of the input three times.
     */
    public abstract void combine(float[] w, int wo, int oStride, int sStride, int outputs, int summed, float[] inT,
            int batch, float[] outT);

    /**
     * {@link #combine}'s column {@code b} for every output, each summed in s order from zero as one
     * FMA chain: four outputs' chains at a time, so that they overlap in the pipeline instead of
     * waiting on each other (a batch of one, an online agent's backward pass, is latency-bound
     * otherwise); the same floats as one chain after another.
     */
    static void column(float[] w, int wo, int oStride, int sStride, int outputs, int summed, float[] inT, int batch,
            int b, float[] outT) {
        int o = 0;
        for (; o <= outputs - 4; o += 4) {
            float a0 = 0f;
            float a1 = 0f;
            float a2 = 0f;
            float a3 = 0f;
            int w0 = wo + o * oStride;
            for (int s = 0; s < summed; s++) {
                float x = inT[s * batch + b];
                int c = w0 + s * sStride;
                a0 = Math.fma(w[c], x, a0);
                a1 = Math.fma(w[c + oStride], x, a1);
                a2 = Math.fma(w[c + 2 * oStride], x, a2);
                a3 = Math.fma(w[c + 3 * oStride], x, a3);
            }
            outT[o * batch + b] = a0;
            outT[(o + 1) * batch + b] = a1;
            outT[(o + 2) * batch + b] = a2;
            outT[(o + 3) * batch + b] = a3;
        }
        for (; o < outputs; o++) {
            float acc = 0f;
            for (int s = 0; s < summed; s++) {
                acc = Math.fma(w[wo + o * oStride + s * sStride], inT[s * batch + b], acc);
            }
            outT[o * batch + b] = acc;
        }
    }

    /**
     * Dot products of rows with one vector: {@code out[oo + r] = sum over j of w[r * cols + j] *
     * v[vo + j]} for r in [0, rows), each over 16 float partial sums (element j of the whole blocks
     * of 16 goes to sum j mod 16), added lane by lane as eight pairs (l and 8 + l), the eight then
     * summed in order, the rest added by FMA in order: the same partition on every machine. A dense
     * layer's input gradient for a batch of one, where a chain per output would wait on itself.
     */
    public abstract void rowDots(float[] w, int rows, int cols, float[] v, int vo, float[] out, int oo);

    /**
     * Zero for a float below the smallest normal one ({@code 1.18e-38}), else the float itself. The
     * optimizer kernels flush their running averages so (PyTorch does so only after
     * {@code torch.set_flush_denormal(True)}; its default keeps them): an average whose gradient is zero (a dead unit's weights, a board cell never set) decays
     * geometrically into the subnormal range, where x86 multiplies in microcode, and one RMSprop
     * step over MinAtar's network took 1,070 us instead of 96. The weights do not see it: the flushed
     * value is added to eps (or, for Adam's first moment, gives a step below 1e-30).
     */
    public static float flush(float x) {
        return Math.abs(x) < Float.MIN_NORMAL ? 0f : x;
    }

    /**
     * {@code g * g * mix}, or zero where that product is subnormal ({@code |g| < tiny}, {@link
     * #tinySquare}): the optimizers' moments follow flush-to-zero arithmetic, the default of
     * TensorFlow and XLA on CPUs, instead of computing a subnormal product (a microcode assist on
     * x86; a PPO epoch whose gradients had 4% such entries spent 11% of its time in Adam).
     */
    static float squareTerm(float g, float mix, float tiny) {
        return Math.abs(g) < tiny ? 0f : g * g * mix;
    }

    /** {@code g * mix}, or zero where that product is subnormal ({@code |g| < tiny}, {@link #tinyLinear}). */
    static float linearTerm(float g, float mix, float tiny) {
        return Math.abs(g) < tiny ? 0f : g * mix;
    }

    /** The gradient below which {@code g * g * mix} is subnormal. */
    static float tinySquare(float mix) {
        return (float) Math.sqrt(Float.MIN_NORMAL / mix);
    }

    /** The gradient below which {@code g * mix} is subnormal. */
    static float tinyLinear(float mix) {
        return Float.MIN_NORMAL / mix;
    }

    /**
     * Centered RMSprop's float step in PyTorch's order, each operation rounded on its own (no fused
     * multiply-add), the averages {@link #flush flushed}: {@code v = v * keep + g * g * mix; mean = mean * keep + g * mix; step = rate *
     * (g / (sqrt(v - mean * mean) + eps)); w -= step}, for i in [0, n). The vector kernel's square
     * root is float's, correctly rounded, which is what rounding Java's double root gives.
     */
    public abstract void centeredRmsProp(float[] w, float[] g, float[] v, float[] mean, float[] step, int n, float keep,
            float mix, float rate, float eps);

    /**
     * {@link #centeredRmsProp}, and the squared norms of the step and of the gradient, exactly as
     * {@link #sumOfSquares} gives them, into {@code squaredNorms[0]} and {@code [1]} (an optimizer's
     * update-size and gradient-norm metrics, read every update). This implementation makes the
     * two passes; the vector kernel sums in its update loop, which spares reading both arrays again,
     * and leaves {@code step} unwritten but for its last few elements (its norm is all a caller
     * reads after this form).
     */
    public void centeredRmsProp(float[] w, float[] g, float[] v, float[] mean, float[] step, int n, float keep,
            float mix, float rate, float eps, double[] squaredNorms) {
        centeredRmsProp(w, g, v, mean, step, n, keep, mix, rate, eps);
        squaredNorms[0] = sumOfSquares(step, n);
        squaredNorms[1] = sumOfSquares(g, n);
    }

    /**
     * RMSprop's float step, eps outside the root ({@code inside} false: {@code step = rate * (g /
     * (sqrt(v) + eps))}) or inside it over a debiased average (MinAtar's: {@code step = rate * (g /
     * sqrt(v / debias + eps))}), after {@code v = v * keep + g * g * mix} ({@link #flush flushed});
     * {@code w -= step}.
     */
    public abstract void rmsProp(float[] w, float[] g, float[] v, float[] step, int n, float keep, float mix,
            float rate, float eps, boolean inside, float debias);

    /**
     * Adam's float step in PyTorch's order: {@code m = m * beta1 + g * mix1; v = v * keep2 + g * g *
     * mix2; delta = stepSize * (m / (sqrt(v) / rootDebias + eps)); step = -delta; w -= delta}, the
     * moments {@link #flush flushed}.
     */
    public abstract void adam(float[] w, float[] g, float[] m, float[] v, float[] step, int n, float beta1, float mix1,
            float keep2, float mix2, float stepSize, float rootDebias, float eps);

    static final class ScalarKernels extends Kernels {

        @Override
        public void centeredRmsProp(float[] w, float[] g, float[] v, float[] mean, float[] step, int n, float keep,
                float mix, float rate, float eps) {
            centeredRmsProp(w, g, v, mean, step, 0, n, keep, mix, rate, eps);
        }

        @Override
        public void rmsProp(float[] w, float[] g, float[] v, float[] step, int n, float keep, float mix, float rate,
                float eps, boolean inside, float debias) {
            rmsProp(w, g, v, step, 0, n, keep, mix, rate, eps, inside, debias);
        }

        @Override
        public void adam(float[] w, float[] g, float[] m, float[] v, float[] step, int n, float beta1, float mix1,
                float keep2, float mix2, float stepSize, float rootDebias, float eps) {
            adam(w, g, m, v, step, 0, n, beta1, mix1, keep2, mix2, stepSize, rootDebias, eps);
        }

        /** {@link #centeredRmsProp} over {@code [from, to)}: the scalar kernel, and the vector kernel's tail. */
        static void centeredRmsProp(float[] w, float[] g, float[] v, float[] mean, float[] step, int from, int to,
                float keep, float mix, float rate, float eps) {
            float tiny1 = tinyLinear(mix);
            float tiny2 = tinySquare(mix);
            for (int i = from; i < to; i++) {
                float grad = g[i];
                v[i] = flush(v[i] * keep + squareTerm(grad, mix, tiny2));
                mean[i] = flush(mean[i] * keep + linearTerm(grad, mix, tiny1));
                float delta = rate * (grad / ((float) Math.sqrt(v[i] - mean[i] * mean[i]) + eps));
                step[i] = delta;
                w[i] -= delta;
            }
        }

        /** {@link #rmsProp} over {@code [from, to)}. */
        static void rmsProp(float[] w, float[] g, float[] v, float[] step, int from, int to, float keep, float mix,
                float rate, float eps, boolean inside, float debias) {
            float tiny2 = tinySquare(mix);
            for (int i = from; i < to; i++) {
                float grad = g[i];
                v[i] = flush(v[i] * keep + squareTerm(grad, mix, tiny2));
                float root = inside ? (float) Math.sqrt(v[i] / debias + eps) : (float) Math.sqrt(v[i]) + eps;
                float delta = rate * (grad / root);
                step[i] = delta;
                w[i] -= delta;
            }
        }

        /** {@link #adam} over {@code [from, to)}. */
        static void adam(float[] w, float[] g, float[] m, float[] v, float[] step, int from, int to, float beta1,
                float mix1, float keep2, float mix2, float stepSize, float rootDebias, float eps) {
            float tiny1 = tinyLinear(mix1);
            float tiny2 = tinySquare(mix2);
            for (int i = from; i < to; i++) {
                float grad = g[i];
                m[i] = flush(m[i] * beta1 + linearTerm(grad, mix1, tiny1));
                v[i] = flush(v[i] * keep2 + squareTerm(grad, mix2, tiny2));
                float delta = stepSize * (m[i] / ((float) Math.sqrt(v[i]) / rootDebias + eps));
                step[i] = -delta;
                w[i] -= delta;
            }
        }

        @Override
        public void rowDots(float[] w, int rows, int cols, float[] v, int vo, float[] out, int oo) {
            int blocks = cols / 16 * 16;
            float[] part = new float[16]; // small and local: the JIT keeps it off the heap
            for (int r = 0; r < rows; r++) {
                int wo = r * cols;
                java.util.Arrays.fill(part, 0f);
                for (int j = 0; j < blocks; j += 16) {
                    for (int l = 0; l < 16; l++) {
                        part[l] = Math.fma(w[wo + j + l], v[vo + j + l], part[l]);
                    }
                }
                float sum = part[0] + part[8];
                for (int l = 1; l < 8; l++) {
                    sum += part[l] + part[8 + l];
                }
                for (int j = blocks; j < cols; j++) {
                    sum = Math.fma(w[wo + j], v[vo + j], sum);
                }
                out[oo + r] = sum;
            }
        }


        @Override
        public boolean vectorized() {
            return false;
        }

        @Override
        public void axpy(float a, float[] x, int xo, float[] y, int yo, int n) {
            for (int j = 0; j < n; j++) {
                y[yo + j] = Math.fma(a, x[xo + j], y[yo + j]);
            }
        }

        @Override
        public void scatterAxpy(float[] xs, int[] from, int[] to, int count, float[] src, float[] dst, int n) {
            for (int k = 0; k < count; k++) {
                axpy(xs[k], src, from[k], dst, to[k], n);
            }
        }

        @Override
        public int nonZeroRows(float[] x, int xo, int n, int base, int stride, float[] values, int[] rows) {
            return nonZeroRows(x, xo, 0, n, base, stride, values, rows, 0);
        }

        @Override
        public void markActiveRows(float[] x, int xo, int rows, int width, boolean[] active) {
            markActiveRows(x, xo, 0, rows, width, active);
        }

        @Override
        public void convolve(float[] x, int xo, boolean[] activeRows, int channels, int height, int width, int k,
                float[] w, int biasAt, int filters, float[] y, int yo, int[] taps) {
            convolveScalar(x, xo, activeRows, channels, height, width, k, w, biasAt, filters, y, yo);
        }

        @Override
        public void convolutionWeightGradient(float[] x, int xo, boolean[] activeRows, int channels, int height,
                int width, int k, float[] dy, int yo, float[] g, int filters) {
            convolutionWeightGradientScalar(x, xo, activeRows, channels, height, width, k, dy, yo, g, filters);
        }

        @Override
        public void addRows(float[] src, int at, int count, float[] dst, int dstAt, int n) {
            for (int r = 0; r < count; r++) {
                for (int j = 0; j < n; j++) {
                    dst[dstAt + j] += src[at + r * n + j];
                }
            }
        }

        @Override
        public double sumOfSquares(float[] a, int n) {
            float[] part = new float[32]; // small and local: the JIT keeps it off the heap
            int blocks = n / 32 * 32;
            for (int i = 0; i < blocks; i += 32) {
                for (int l = 0; l < 32; l++) {
                    part[l] = Math.fma(a[i + l], a[i + l], part[l]);
                }
            }
            double sum = 0;
            for (int l = 0; l < 8; l++) {
                sum += ((part[l] + part[8 + l]) + part[16 + l]) + part[24 + l];
            }
            for (int i = blocks; i < n; i++) {
                sum += (double) a[i] * a[i];
            }
            return sum;
        }

        @Override
        public void relu(float[] x, float[] y, int n) {
            for (int i = 0; i < n; i++) {
                y[i] = Math.max(x[i], 0f);
            }
        }

        @Override
        public void reluBackward(float[] y, float[] dy, float[] dx, int n) {
            for (int i = 0; i < n; i++) {
                dx[i] = y[i] > 0f ? dy[i] : 0f;
            }
        }

        @Override
        public void combine(float[] w, int wo, int oStride, int sStride, int outputs, int summed, float[] inT,
                int batch, float[] outT) {
            for (int b = 0; b < batch; b++) {
                column(w, wo, oStride, sStride, outputs, summed, inT, batch, b, outT);
            }
        }

        @Override
        public void weightedRows(float[] xs, int[] ds, int count, float[] dy, float[] g, int go, int out,
                boolean accumulate) {
            for (int j = 0; j < out; j++) {
                float acc = accumulate ? g[go + j] : 0f;
                for (int k = 0; k < count; k++) {
                    acc = Math.fma(xs[k], dy[ds[k] + j], acc);
                }
                g[go + j] = acc;
            }
        }

    }
}
