package dev.lrlab.agents.optim;

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
    private final double[] m;
    private final double[] v;
    /** AMSGrad's running maximum of v, or null. */
    private final double[] vMax;
    private double beta1Power = 1;
    private double beta2Power = 1;

    Adam(int size, OptimizerConfig config) {
        super(size, config);
        this.beta1 = config.beta1();
        this.beta2 = config.beta2();
        this.eps = config.eps();
        this.wd = config.weightDecay();
        this.decoupled = config.rule() == UpdateRule.ADAMW;
        this.m = new double[size];
        this.v = new double[size];
        this.vMax = config.amsgrad() ? new double[size] : null;
    }

    @Override
    public void update(double[] w, double[] g, double rate) {
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

    @Override
    public int effectiveStepSizes(double[] out) {
        double stepSize = lastRate / (1 - beta1Power);
        double bc2Sqrt = Math.sqrt(1 - beta2Power);
        int n = 0;
        double[] second = vMax == null ? v : vMax;
        for (int i = 0; i < size; i++) {
            if (second[i] > 0) {
                out[n++] = stepSize / (Math.sqrt(second[i]) / bc2Sqrt + eps);
            }
        }
        return n;
    }
}
