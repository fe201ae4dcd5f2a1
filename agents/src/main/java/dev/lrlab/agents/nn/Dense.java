package dev.lrlab.agents.nn;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A fully connected layer, {@code y = x W^T + b} as PyTorch's {@code nn.Linear}.
 *
 * <p>Every path sums {@code x[i] W[i][j]} in i order from zero and adds the bias last. The
 * forward pass skips zero inputs when most inputs are zero (binary boards; fewer than one in four
 * non-zero) and otherwise (and for layers of fewer than eight outputs, a head of action values)
 * runs a register-blocked product over all inputs with the batch inner, on transposed
 * activations; the two differ at most in the sign of an exact zero.
 *
 * <p>The weights are stored input-major ({@code W[i][j]} at {@code i * out + j}, PyTorch's weight
 * transposed) so that every inner loop runs over contiguous outputs: the forward pass adds one row
 * of W per non-zero input, which makes sparse binary inputs (board features) cheap, and the JIT
 * vectorises those loops. The input gradient, a product with W's rows, is computed batch-inner on
 * a transposed copy of the output gradient for the same reason. Every sum runs in a fixed order,
 * so results are the same on every machine and thread count.
 */
public final class Dense implements Layer {

    /** Below this many examples the input gradient is a dot product per example and input. */
    private static final int SMALL_BATCH = 8;
    /**
     * Inputs (forward) or examples (weight gradient) per piece of a sparse product: 64 rows of 128
     * floats are 32 kB, inside a 48 kB L1 with the lists and the outputs.
     */
    private static final int SPARSE_PIECE = 64;

    private final int in;
    private final int out;
    private final float[] params;
    private final float[] grads;
    /** Output (or output gradient) transposed, {@code [out][batch]}. */
    private float[] gradOutT = new float[0];
    /** Non-zero values of one input over the batch, and their rows. */
    private float[] weights = new float[0];
    private int[] rows = new int[0];
    private float[] inputT = new float[0];
    /** The largest batch the scratch arrays hold. */
    private int capacity;
    /** The input whose transpose {@code inputT} holds (from a forward pass), with its batch; null when none. */
    private float[] transposed;
    private int transposedBatch;
    /** PyTorch's index of each of our inputs, when they come from a position-major convolution; null when equal. */
    private int[] torchInputs;

    private Dense(int in, int out) {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException("a dense layer needs at least one input and output, was " + in + "->" + out);
        }
        this.in = in;
        this.out = out;
        this.params = new float[in * out + out];
        this.grads = new float[params.length];
    }

    /** A layer from {@code in} to {@code out} units, with zero parameters until initialised. */
    public static Dense of(int in, int out) {
        return new Dense(in, out);
    }

    @Override
    public int inputSize() {
        return in;
    }

    @Override
    public int outputSize() {
        return out;
    }

    @Override
    public float[] parameters() {
        return params;
    }

    @Override
    public float[] gradients() {
        return grads;
    }

    @Override
    public void initialize(Initialization init, UniformRandomProvider rng) {
        float[] w = new float[in * out];
        float[] b = new float[out];
        init.fill(w, b, out, in, out, rng);
        for (int k = 0; k < in * out; k++) {
            params[k] = w[torchIndex(k)];
        }
        System.arraycopy(b, 0, params, in * out, out);
    }

    /**
     * Takes the output of {@code conv} as it is laid out, position-major, and maps its units to
     * PyTorch's flattening ({@code [o][oy][ox]}) in {@link #torchIndex}: the network calls it, before
     * any parameter is drawn or loaded.
     */
    void readInputsFrom(Conv2d conv) {
        if (conv.outputSize() != in) {
            throw new IllegalArgumentException(describe() + " cannot read " + conv.describe());
        }
        torchInputs = new int[in];
        for (int i = 0; i < in; i++) {
            torchInputs[i] = conv.torchOutput(i);
        }
    }

    /** Our {@code W[i][j]} is PyTorch's {@code weight[j][i']}, i' our input i in PyTorch's order. */
    @Override
    public int torchIndex(int k) {
        if (k >= in * out) {
            return k;
        }
        int i = k / out;
        int j = k % out;
        return j * in + (torchInputs == null ? i : torchInputs[i]);
    }

    @Override
    public void forward(float[] x, float[] y, int batch) {
        reserve(batch);
        Kernels k = Kernels.best();
        if (batch >= SMALL_BATCH && out >= 8 && dense(x, batch)) {
            // dense activations: a register-blocked product straight from batch-major rows
            transposed = null;
            k.combine(x, 0, in, 1, batch, in, params, out, y);
            for (int b = 0; b < batch; b++) {
                addBias(y, b * out);
            }
            return;
        }
        if (batch >= SMALL_BATCH && out < 8) {
            // a few outputs (action values): a product with the batch inner, on transposed activations
            transpose(x, batch, in, inputT);
            transposed = x;
            transposedBatch = batch;
            k.combine(params, 0, 1, out, out, in, inputT, batch, gradOutT);
            transpose(gradOutT, out, batch, y);
            for (int b = 0; b < batch; b++) {
                addBias(y, b * out);
            }
            return;
        }
        // sparse inputs (binary boards) or a few examples: each example sums the weight rows of its non-zero inputs
        transposed = null;
        // by pieces of the inputs whose weight rows fit in L1, each piece serving every example,
        // rather than all of W read from L2 once an example (DQN's MLP on the board, a batch of 32:
        // update medians 125-126 -> 93-116 us, with the eight-vector weighted rows)
        int piece = batch >= SMALL_BATCH ? SPARSE_PIECE : in; // a few examples: nothing to share
        for (int i0 = 0; i0 < in; i0 += piece) {
            int n = Math.min(piece, in - i0);
            for (int b = 0; b < batch; b++) {
                int count = k.nonZeroRows(x, b * in + i0, n, i0 * out, out, weights, rows);
                k.weightedRows(weights, rows, count, params, y, b * out, out, i0 > 0);
            }
        }
        for (int b = 0; b < batch; b++) {
            addBias(y, b * out);
        }
    }

    /**
     * Whether more than one input in four is non-zero, judged on the first examples (a count over
     * the whole batch costs as much as a path): binary boards are sparse, hidden activations dense.
     */
    private boolean dense(float[] x, int batch) {
        int sampled = Math.min(batch, 4) * in;
        int nonZero = 0;
        for (int i = 0; i < sampled; i++) {
            nonZero += x[i] != 0f ? 1 : 0;
        }
        return nonZero * 4 > sampled;
    }

    private void addBias(float[] y, int at) {
        int biasAt = in * out;
        for (int j = 0; j < out; j++) {
            y[at + j] += params[biasAt + j];
        }
    }

    @Override
    public void backward(float[] x, float[] y, float[] dy, float[] dx, int batch) {
        reserve(batch);
        Kernels k = Kernels.best();
        boolean direct = batch >= SMALL_BATCH && out >= 8 && dense(x, batch);
        boolean head = batch >= SMALL_BATCH && out < 8 && in >= 16;
        if (direct) {
            // dense activations: g[i][j] = sum over b of x[b][i] dy[b][j], register-blocked, no transpose
            k.combine(x, 0, 1, in, in, batch, dy, out, grads);
        } else if (head) {
            // a few outputs (action values): g transposed, g[j][i] = sum over b of dy[b][j] x[b][i],
            // is a register-blocked product over whole vectors of inputs; the per-input lists of
            // non-zero examples made chains of a few scalar FMAs, each waiting on the last
            k.combine(dy, 0, 1, out, out, batch, x, in, gradOutT);
            for (int j = 0; j < out; j++) {
                for (int i = 0; i < in; i++) {
                    grads[i * out + j] = gradOutT[j * in + i];
                }
            }
        } else {
            weightGradientOfNonZeros(x, dy, batch, k);
        }
        for (int b = 0; b < batch; b++) {
            weights[b] = 1f;
            rows[b] = b * out;
        }
        k.weightedRows(weights, rows, batch, dy, grads, in * out, out, false);
        if (dx != null && head) {
            // dx[b][i] = sum over j of dy[b][j] W[i][j], on W transposed (a few rows): straight into
            // batch-major rows, with no transpose of the result
            transposed = null;
            for (int i = 0; i < in; i++) {
                for (int j = 0; j < out; j++) {
                    gradOutT[j * in + i] = params[i * out + j];
                }
            }
            k.combine(dy, 0, out, 1, batch, out, gradOutT, in, dx);
        } else if (dx != null) {
            transposed = null; // inputT becomes scratch
            inputGradient(dy, dx, batch);
        } else {
            // inputT holds x's transpose only when the weight gradient made or reused it
            transposed = direct ? null : x;
            transposedBatch = batch;
        }
    }

    /** The weight gradient summed over the examples where each input is non-zero (sparse inputs, a few examples). */
    private void weightGradientOfNonZeros(float[] x, float[] dy, int batch, Kernels k) {
        // batch-major rows are 4 kB apart for a wide layer: reading a column of them thrashes one
        // L1 set, so the input is transposed once, by tiles, and read a row at a time
        float[] xT = inputT;
        if (transposed != x || transposedBatch != batch) { // the forward pass's transpose, when it made one
            transpose(x, batch, in, xT);
        }
        // by pieces of the examples whose output-gradient rows fit in L1, each serving every input
        for (int b0 = 0; b0 < batch; b0 += SPARSE_PIECE) {
            int n = Math.min(SPARSE_PIECE, batch - b0);
            for (int i = 0; i < in; i++) {
                int count = k.nonZeroRows(xT, i * batch + b0, n, b0 * out, out, weights, rows);
                k.weightedRows(weights, rows, count, dy, grads, i * out, out, b0 > 0);
            }
        }
    }

    /**
     * {@code dx[b][i] = sum_j W[i][j] dy[b][j]}: for a batch of fewer than eight, a dot product of
     * W's row with each example's gradient ({@link Kernels#rowDots}); otherwise summed over j in
     * order, batch-inner.
     */
    private void inputGradient(float[] dy, float[] dx, int batch) {
        if (batch < SMALL_BATCH) {
            for (int b = 0; b < batch; b++) {
                Kernels.best().rowDots(params, in, out, dy, b * out, dx, b * in);
            }
            return;
        }
        transpose(dy, batch, out, gradOutT);
        float[] dxT = inputT; // the transposed input is no longer needed
        Kernels.best().combine(params, 0, out, 1, in, out, gradOutT, batch, dxT);
        transpose(dxT, in, batch, dx);
    }

    /** {@code to[c * rows + r] = from[r * cols + c]}, by tiles of 32 rows and 8 columns. */
    static void transpose(float[] from, int rows, int cols, float[] to) {
        transpose(from, 0, rows, cols, to, 0);
    }

    /**
     * {@code to[at + c * rows + r] = from[from0 + r * cols + c]}, by tiles of 32 rows and 8 columns,
     * writing runs of 32 contiguous floats. Square 16 x 16 tiles wrote 16 lines 4 kB apart (a batch
     * of 1024-wide rows), one L1 set for all of them, and took 4.7-5.0 ns a float against 0.84-0.87
     * with these (measured on 1024 x 32 and 1024 x 128; the wide-to-narrow case is 1.1 ns either way).
     */
    static void transpose(float[] from, int from0, int rows, int cols, float[] to, int at) {
        for (int c0 = 0; c0 < cols; c0 += 8) {
            int c1 = Math.min(cols, c0 + 8);
            for (int r0 = 0; r0 < rows; r0 += 32) {
                int r1 = Math.min(rows, r0 + 32);
                for (int c = c0; c < c1; c++) {
                    for (int r = r0; r < r1; r++) {
                        to[at + c * rows + r] = from[from0 + r * cols + c];
                    }
                }
            }
        }
    }

    /** Grows the scratch arrays to a batch (once; never in steady state). */
    @Override
    public void reserve(int batch) {
        if (capacity < batch) {
            capacity = batch;
            gradOutT = new float[out * Math.max(batch, in)];
            weights = new float[Math.max(batch, in) + 1];
            rows = new int[Math.max(batch, in) + 1];
            inputT = new float[in * batch];
            transposed = null;
        }
    }

    @Override
    public long multiplyAdds() {
        return (long) in * out;
    }

    @Override
    public Layer sameShape() {
        return new Dense(in, out);
    }

    @Override
    public String describe() {
        return "dense " + in + "->" + out;
    }
}
