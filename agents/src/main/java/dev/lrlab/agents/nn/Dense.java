package dev.lrlab.agents.nn;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A fully connected layer, {@code y = x W^T + b} as PyTorch's {@code nn.Linear}.
 *
 * <p>The weights are stored input-major ({@code W[i][j]} at {@code i * out + j}, PyTorch's weight
 * transposed) so that every inner loop runs over contiguous outputs: the forward pass adds one row
 * of W per non-zero input, which makes sparse binary inputs (board features) cheap, and the JIT
 * vectorises those loops. The input gradient, a product with W's rows, is computed batch-inner on
 * a transposed copy of the output gradient for the same reason. Every sum runs in a fixed order,
 * so results are the same on every machine and thread count.
 */
public final class Dense implements Layer {

    private final int in;
    private final int out;
    private final float[] params;
    private final float[] grads;
    /** Output gradient transposed, {@code [out][batch]}, and one row of the input gradient. */
    private float[] gradOutT = new float[0];
    private float[] row = new float[0];

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

    /** Our {@code W[i][j]} is PyTorch's {@code weight[j][i]}. */
    @Override
    public int torchIndex(int k) {
        if (k >= in * out) {
            return k;
        }
        int i = k / out;
        int j = k % out;
        return j * in + i;
    }

    @Override
    public void forward(float[] x, float[] y, int batch) {
        float[] p = params;
        int biasAt = in * out;
        for (int b = 0; b < batch; b++) {
            int yo = b * out;
            System.arraycopy(p, biasAt, y, yo, out);
            int xo = b * in;
            for (int i = 0; i < in; i++) {
                float xi = x[xo + i];
                if (xi != 0f) {
                    int wo = i * out;
                    for (int j = 0; j < out; j++) {
                        y[yo + j] += xi * p[wo + j];
                    }
                }
            }
        }
    }

    @Override
    public void backward(float[] x, float[] y, float[] dy, float[] dx, int batch) {
        float[] g = grads;
        java.util.Arrays.fill(g, 0f);
        int biasAt = in * out;
        for (int b = 0; b < batch; b++) {
            int yo = b * out;
            for (int j = 0; j < out; j++) {
                g[biasAt + j] += dy[yo + j];
            }
            int xo = b * in;
            for (int i = 0; i < in; i++) {
                float xi = x[xo + i];
                if (xi != 0f) {
                    int wo = i * out;
                    for (int j = 0; j < out; j++) {
                        g[wo + j] += xi * dy[yo + j];
                    }
                }
            }
        }
        if (dx != null) {
            inputGradient(dy, dx, batch);
        }
    }

    /** {@code dx[b][i] = sum_j W[i][j] dy[b][j]}, summed over j in order, batch-inner. */
    private void inputGradient(float[] dy, float[] dx, int batch) {
        if (gradOutT.length < out * batch) {
            gradOutT = new float[out * batch];
            row = new float[batch];
        }
        float[] t = gradOutT;
        for (int b = 0; b < batch; b++) {
            for (int j = 0; j < out; j++) {
                t[j * batch + b] = dy[b * out + j];
            }
        }
        float[] p = params;
        float[] acc = row;
        for (int i = 0; i < in; i++) {
            java.util.Arrays.fill(acc, 0, batch, 0f);
            int wo = i * out;
            for (int j = 0; j < out; j++) {
                float w = p[wo + j];
                int to = j * batch;
                for (int b = 0; b < batch; b++) {
                    acc[b] += w * t[to + b];
                }
            }
            for (int b = 0; b < batch; b++) {
                dx[b * in + i] = acc[b];
            }
        }
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
