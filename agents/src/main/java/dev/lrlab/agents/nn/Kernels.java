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

    /** {@code y[i] = max(x[i], 0)} for i in [0, n) (NaN stays NaN, so divergence shows). */
    public abstract void relu(float[] x, float[] y, int n);

    /** {@code dx[i] = y[i] > 0 ? dy[i] : 0} for i in [0, n): ReLU's backward pass from its output. */
    public abstract void reluBackward(float[] y, float[] dy, float[] dx, int n);

    /**
     * A dense layer's forward pass over a batch, all inputs included (for dense activations, where
     * skipping zeros saves little and a register-blocked product reuses each weight row across
     * examples): {@code y[b * out + j] = (sum over i of x[b * in + i] * w[i * out + j]) + bias[j]},
     * summed in i order from zero, the bias added last.
     */
    public abstract void gemm(float[] x, int in, float[] w, int out, int biasAt, float[] y, int batch);

    /**
     * A weighted sum of rows, which is a dense layer's weight gradient for one input over the
     * examples where that input is non-zero: {@code g[go + j] = sum over k of xs[k] * dy[ds[k] + j]},
     * summed in k order from 0, for j in [0, out).
     */
    public abstract void weightedRows(float[] xs, int[] ds, int count, float[] dy, float[] g, int go, int out);

    /**
     * The input gradient of input i over a batch, batch-inner: {@code acc[b] = sum over j of
     * w[wo + j] * dyT[j * batch + b]}, summed in j order, for b in [0, batch).
     */
    public abstract void columnDot(float[] w, int wo, int out, float[] dyT, int batch, float[] acc);

    static final class ScalarKernels extends Kernels {

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
        public void gemm(float[] x, int in, float[] w, int out, int biasAt, float[] y, int batch) {
            for (int b = 0; b < batch; b++) {
                for (int j = 0; j < out; j++) {
                    float acc = 0f;
                    for (int i = 0; i < in; i++) {
                        acc = Math.fma(x[b * in + i], w[i * out + j], acc);
                    }
                    y[b * out + j] = acc + w[biasAt + j];
                }
            }
        }

        @Override
        public void weightedRows(float[] xs, int[] ds, int count, float[] dy, float[] g, int go, int out) {
            for (int j = 0; j < out; j++) {
                float acc = 0f;
                for (int k = 0; k < count; k++) {
                    acc = Math.fma(xs[k], dy[ds[k] + j], acc);
                }
                g[go + j] = acc;
            }
        }

        @Override
        public void columnDot(float[] w, int wo, int out, float[] dyT, int batch, float[] acc) {
            for (int b = 0; b < batch; b++) {
                float s = 0f;
                for (int j = 0; j < out; j++) {
                    s = Math.fma(w[wo + j], dyT[j * batch + b], s);
                }
                acc[b] = s;
            }
        }
    }
}
