package dev.lrlab.agents.nn;

import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * How a layer's parameters are drawn. {@link #PYTORCH} is what {@code nn.Linear} and
 * {@code nn.Conv2d} do by default: weights Kaiming-uniform with a = sqrt(5), which is
 * uniform(+-1/sqrt(fan_in)), and biases uniform(+-1/sqrt(fan_in)). The others set biases to zero,
 * as CleanRL's {@code layer_init} does.
 */
public enum Initialization {
    /** PyTorch's default for Linear and Conv2d. */
    PYTORCH,
    /** Glorot and Bengio (2010): weights uniform(+-sqrt(6 / (fan_in + fan_out))), biases 0. */
    XAVIER,
    /** Saxe et al. (2014): orthogonal weights times gain sqrt(2) (ReLU's), biases 0. */
    ORTHOGONAL;

    /** The name a spec uses. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Fills {@code weights} (an {@code rows x cols} matrix in PyTorch's layout, rows = outputs,
     * cols = fan_in) and {@code biases}.
     */
    void fill(float[] weights, float[] biases, int rows, int cols, int fanOut, UniformRandomProvider rng) {
        switch (this) {
            case PYTORCH -> {
                double bound = 1 / Math.sqrt(cols);
                uniform(weights, bound, rng);
                uniform(biases, bound, rng);
            }
            case XAVIER -> {
                uniform(weights, Math.sqrt(6.0 / (cols + fanOut)), rng);
                java.util.Arrays.fill(biases, 0f);
            }
            case ORTHOGONAL -> {
                orthogonal(weights, rows, cols, Math.sqrt(2), rng);
                java.util.Arrays.fill(biases, 0f);
            }
        }
    }

    private static void uniform(float[] a, double bound, UniformRandomProvider rng) {
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) ((2 * rng.nextDouble() - 1) * bound);
        }
    }

    /**
     * As {@code torch.nn.init.orthogonal_}: a Gaussian matrix made orthonormal (along its smaller
     * side) by Gram-Schmidt, with signs fixed so the factorisation is unique.
     */
    private static void orthogonal(float[] w, int rows, int cols, double gain, UniformRandomProvider rng) {
        boolean tall = rows >= cols;
        int n = tall ? rows : cols; // length of the vectors made orthonormal
        int k = tall ? cols : rows; // how many
        double[][] q = new double[k][n];
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        for (int v = 0; v < k; v++) {
            for (int i = 0; i < n; i++) {
                q[v][i] = gaussian.sample();
            }
            for (int u = 0; u < v; u++) { // modified Gram-Schmidt
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += q[u][i] * q[v][i];
                }
                for (int i = 0; i < n; i++) {
                    q[v][i] -= dot * q[u][i];
                }
            }
            double norm = 0;
            for (int i = 0; i < n; i++) {
                norm += q[v][i] * q[v][i];
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < n; i++) {
                q[v][i] /= norm;
            }
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                w[r * cols + c] = (float) (gain * (tall ? q[c][r] : q[r][c]));
            }
        }
    }
}
