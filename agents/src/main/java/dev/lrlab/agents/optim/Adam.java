package dev.lrlab.agents.optim;

import dev.lrlab.agents.nn.Kernels;

/**
 * PyTorch's Adam and AdamW: {@code m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2;
 * w -= rate / (1 - b1^k) * m / (sqrt(v) / sqrt(1 - b2^k) + eps)}. Adam adds weight decay to the
 * gradient (L2); AdamW first shrinks the weights by {@code 1 - rate * wd} (decoupled). With AMSGrad
 * the denominator uses the running maximum of v instead of v (PyTorch's {@code amsgrad=True}).
 */
final class Adam extends AbstractOptimizer {

    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double wd;
    private final boolean decoupled;
    private final boolean amsgrad;
    private double[] m;
    private double[] v;
    /** AMSGrad's running maximum of v, or null. */
    private double[] vMax;
    private float[] mF;
    private float[] vF;
    private float[] vMaxF;
    private double beta1Power = 1;
    private double beta2Power = 1;

    Adam(int size, OptimizerConfig config) {
        super(size, config);
        this.beta1 = config.beta1();
        this.beta2 = config.beta2();
        this.eps = config.eps();
        this.wd = config.weightDecay();
        this.decoupled = config.rule() == UpdateRule.ADAMW;
        this.amsgrad = config.amsgrad();
    }

    @Override
    public void update(double[] w, double[] g, double rate) {
        firstUpdateIn(64);
        beta1Power *= beta1;
        beta2Power *= beta2;
        double stepSize = rate / (1 - beta1Power);
        double bc2Sqrt = Math.sqrt(1 - beta2Power);
        double du = 0;
        double pn = 0;
        double gn = 0;
        for (int i = 0; i < size; i++) {
            double before = w[i];
            double grad = g[i];
            gn += grad * grad;
            if (decoupled) {
                w[i] *= 1 - rate * wd;
            } else {
                grad += wd * w[i];
            }
            m[i] += (grad - m[i]) * (1 - beta1); // PyTorch's lerp
            v[i] = beta2 * v[i] + (1 - beta2) * grad * grad;
            double second = v[i];
            if (vMax != null) {
                vMax[i] = Math.max(vMax[i], v[i]);
                second = vMax[i];
            }
            w[i] -= stepSize * m[i] / (Math.sqrt(second) / bc2Sqrt + eps);
            double delta = w[i] - before;
            du += delta * delta;
            pn += w[i] * w[i];
        }
        finish(rate, du, pn, gn);
    }

    /**
     * The float32 path, in PyTorch's order (its non-foreach Adam):
     * {@code denom = sqrt(v) / sqrt(bc2) + eps; w -= (rate / bc1) * m / denom}.
     */
    @Override
    public void update(float[] w, float[] g, double rate) {
        firstUpdateIn(32);
        beta1Power *= beta1;
        beta2Power *= beta2;
        float stepSize = (float) (rate / (1 - beta1Power));
        float bc2Sqrt = (float) Math.sqrt(1 - beta2Power);
        float mix1 = (float) (1 - beta1);
        float keep2 = (float) beta2;
        float mix2 = (float) (1 - beta2);
        float e = (float) eps;
        float decay = (float) wd;
        float shrink = (float) (1 - rate * wd);
        float[] step = stepScratch();
        float[] m1 = mF;
        float[] m2 = vF;
        if (!decoupled && vMaxF == null && decay == 0f) {
            Kernels.best().adam(w, g, m1, m2, step, size, (float) beta1, mix1, keep2, mix2, stepSize, bc2Sqrt, e);
            finish(rate, w, g);
            return;
        }
        for (int i = 0; i < size; i++) {
            float before = w[i];
            float grad = g[i];
            if (decoupled) {
                w[i] *= shrink;
            } else {
                grad += decay * w[i];
            }
            m1[i] = m1[i] * (float) beta1 + grad * mix1;
            m2[i] = m2[i] * keep2 + grad * grad * mix2;
            float second = m2[i];
            if (vMaxF != null) {
                vMaxF[i] = Math.max(vMaxF[i], m2[i]);
                second = vMaxF[i];
            }
            w[i] -= stepSize * (m1[i] / ((float) Math.sqrt(second) / bc2Sqrt + e));
            step[i] = w[i] - before;
        }
        finish(rate, w, g);
    }

    @Override
    public int effectiveStepSizes(double[] out) {
        double stepSize = lastRate / (1 - beta1Power);
        double bc2Sqrt = Math.sqrt(1 - beta2Power);
        int n = 0;
        if (m == null && mF == null) {
            return 0;
        }
        for (int i = 0; i < size; i++) {
            double second = floats() ? (vMaxF == null ? vF[i] : vMaxF[i]) : (vMax == null ? v[i] : vMax[i]);
            if (second > 0) {
                out[n++] = stepSize / (Math.sqrt(second) / bc2Sqrt + eps);
            }
        }
        return n;
    }

    @Override
    protected void allocate(int bits) {
        if (bits == 64) {
                m = new double[size];
                v = new double[size];
                vMax = amsgrad ? new double[size] : null;
        } else {
                mF = new float[size];
                vF = new float[size];
                vMaxF = amsgrad ? new float[size] : null;
        }
    }
}
