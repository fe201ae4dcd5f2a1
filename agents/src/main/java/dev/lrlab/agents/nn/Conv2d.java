package dev.lrlab.agents.nn;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A 2-D convolution with a square kernel, stride 1 and no padding ("valid"), as PyTorch's
 * {@code nn.Conv2d(c, o, k)} and MinAtar's network. Input and output are channels x height x
 * width per example, as PyTorch's.
 *
 * <p>The kernel is stored {@code [in channel][ky][kx][out channel]} (PyTorch's is
 * {@code [out][in][ky][kx]}) so that a tap's weights for every output channel are one contiguous
 * row, added to a row of output positions held in registers. Input rows that are all zero are
 * skipped, so a binary board (Breakout's: a few rows of bricks, the paddle's row, the ball's)
 * costs its non-empty rows only. The outputs go into a position-major scratch that is transposed
 * to PyTorch's order at the end, unless
 * the network has a dense layer read this one's output: then the output stays position-major
 * ({@code [oy][ox][o]}) and that layer maps its inputs to PyTorch's order ({@link
 * Dense#readInputsFrom}), which spares a transpose of every example's output and gradient.
 */
public final class Conv2d implements Layer {

    private final int channels;
    private final int height;
    private final int width;
    private final int filters;
    private final int kernel;
    private final int outH;
    private final int outW;
    private final float[] params;
    private final float[] grads;
    /** Output or output gradient of one example, position-major {@code [oy][ox][o]}. */
    private final float[] byPosition;
    /** One example's (input value, kernel row, position row) triples, scattered in one kernel call. */
    private final float[] values;
    private final int[] kernelRows;
    private final int[] positionRows;
    /** One example's input rows ({@code c * height + iy}) that hold a non-zero value. */
    private final boolean[] activeRows;
    /** Scratch for the kernel's list of taps of one row of outputs. */
    private final int[] taps;
    /** Whether the output is position-major {@code [oy][ox][o]} rather than PyTorch's {@code [o][oy][ox]}. */
    private boolean positionMajor;

    private Conv2d(int channels, int height, int width, int filters, int kernel) {
        if (channels < 1 || filters < 1 || kernel < 1 || height < kernel || width < kernel) {
            throw new IllegalArgumentException("a " + kernel + "x" + kernel + " convolution needs an input of at least that size and"
                    + " at least one channel and filter, was " + channels + "x" + height + "x" + width + " -> " + filters);
        }
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.filters = filters;
        this.kernel = kernel;
        this.outH = height - kernel + 1;
        this.outW = width - kernel + 1;
        this.params = new float[channels * kernel * kernel * filters + filters];
        this.grads = new float[params.length];
        this.byPosition = new float[outH * outW * filters];
        int most = channels * height * width * kernel * kernel;
        this.values = new float[most];
        this.kernelRows = new int[most];
        this.positionRows = new int[most];
        this.activeRows = new boolean[channels * height];
        this.taps = new int[2 * channels * kernel * kernel];
    }

    /** {@code filters} kernels of {@code kernel x kernel} over a {@code channels x height x width} input. */
    public static Conv2d of(int channels, int height, int width, int filters, int kernel) {
        return new Conv2d(channels, height, width, filters, kernel);
    }

    /** Makes the output position-major; the network calls it when a dense layer reads this output. */
    void emitPositionMajor() {
        positionMajor = true;
    }

    /** PyTorch's index, within one example, of this layer's output unit {@code u}. */
    int torchOutput(int u) {
        if (!positionMajor) {
            return u;
        }
        return (u % filters) * outH * outW + u / filters;
    }

    @Override
    public int inputSize() {
        return channels * height * width;
    }

    @Override
    public int outputSize() {
        return filters * outH * outW;
    }

    @Override
    public float[] parameters() {
        return params;
    }

    @Override
    public float[] gradients() {
        return grads;
    }

    private int weightCount() {
        return channels * kernel * kernel * filters;
    }

    @Override
    public void initialize(Initialization init, UniformRandomProvider rng) {
        int fanIn = channels * kernel * kernel;
        float[] w = new float[weightCount()];
        float[] b = new float[filters];
        init.fill(w, b, filters, fanIn, filters * kernel * kernel, rng);
        for (int k = 0; k < w.length; k++) {
            params[k] = w[torchIndex(k)];
        }
        System.arraycopy(b, 0, params, w.length, filters);
    }

    /** Ours is {@code [c][ky][kx][o]}, PyTorch's {@code [o][c][ky][kx]}. */
    @Override
    public int torchIndex(int k) {
        if (k >= weightCount()) {
            return k;
        }
        int o = k % filters;
        int cell = k / filters; // (c * kernel + ky) * kernel + kx
        return o * channels * kernel * kernel + cell;
    }

    @Override
    public void forward(float[] x, float[] y, int batch) {
        float[] p = params;
        float[] t = byPosition;
        int biasAt = weightCount();
        int plane = height * width;
        Kernels k = Kernels.best();
        int size = outputSize();
        for (int b = 0; b < batch; b++) {
            // position-major: the outputs go straight into this example's row of y
            int at = positionMajor ? b * size : 0;
            float[] into = positionMajor ? y : t;
            int xo = b * channels * plane;
            k.markActiveRows(x, xo, activeRows.length, width, activeRows);
            k.convolve(x, xo, activeRows, channels, height, width, kernel, p, biasAt, filters, into, at, taps);
            if (positionMajor) {
                continue;
            }
            int yo = b * filters * outH * outW;
            int positions = outH * outW;
            for (int pos = 0; pos < positions; pos++) {
                for (int o = 0; o < filters; o++) {
                    y[yo + o * positions + pos] = t[pos * filters + o];
                }
            }
        }
    }

    @Override
    public void backward(float[] x, float[] y, float[] dy, float[] dx, int batch) {
        float[] g = grads;
        float[] p = params;
        float[] t = byPosition;
        java.util.Arrays.fill(g, 0f);
        int biasAt = weightCount();
        int plane = height * width;
        int positions = outH * outW;
        Kernels k = Kernels.best();
        for (int b = 0; b < batch; b++) {
            int yo = b * filters * positions;
            // position-major: this example's output gradient is read where it is
            int at = positionMajor ? yo : 0;
            float[] from = positionMajor ? dy : t;
            if (!positionMajor) {
                for (int pos = 0; pos < positions; pos++) {
                    for (int o = 0; o < filters; o++) {
                        t[pos * filters + o] = dy[yo + o * positions + pos];
                    }
                }
            }
            k.addRows(from, at, positions, g, biasAt, filters);
            int xo = b * channels * plane;
            int count = 0;
            if (dx == null) { // the weight gradient only, from the rows of the input that hold a value
                k.markActiveRows(x, xo, activeRows.length, width, activeRows);
                k.convolutionWeightGradient(x, xo, activeRows, channels, height, width, kernel, from, at, g, filters);
                continue;
            }
            for (int c = 0; c < channels; c++) {
                for (int iy = 0; iy < height; iy++) {
                    for (int ix = 0; ix < width; ix++) {
                        float v = x[xo + c * plane + iy * width + ix];
                        if (v == 0f && dx == null) {
                            continue;
                        }
                        float sum = 0f;
                        for (int ky = Math.max(0, iy - outH + 1); ky <= Math.min(kernel - 1, iy); ky++) {
                            for (int kx = Math.max(0, ix - outW + 1); kx <= Math.min(kernel - 1, ix); kx++) {
                                int ko = ((c * kernel + ky) * kernel + kx) * filters;
                                int to = at + ((iy - ky) * outW + (ix - kx)) * filters;
                                if (v != 0f) {
                                    values[count] = v;
                                    kernelRows[count] = ko;
                                    positionRows[count++] = to;
                                }
                                if (dx != null) {
                                    for (int o = 0; o < filters; o++) {
                                        sum += p[ko + o] * from[to + o];
                                    }
                                }
                            }
                        }
                        if (dx != null) {
                            dx[xo + c * plane + iy * width + ix] = sum;
                        }
                    }
                }
            }
            k.scatterAxpy(values, positionRows, kernelRows, count, from, g, filters);
        }
    }

    @Override
    public long multiplyAdds() {
        return (long) channels * kernel * kernel * filters * outH * outW;
    }

    @Override
    public Layer sameShape() {
        return new Conv2d(channels, height, width, filters, kernel);
    }

    @Override
    public String describe() {
        return "conv " + channels + "x" + height + "x" + width + " -> " + filters + "x" + outH + "x" + outW
                + " (" + kernel + "x" + kernel + ", stride 1, valid)";
    }
}
