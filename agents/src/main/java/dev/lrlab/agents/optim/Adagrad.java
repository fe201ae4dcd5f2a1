package dev.lrlab.agents.optim;

/** PyTorch's Adagrad (no rate decay, zero initial accumulator): {@code s += g^2; w -= rate g / (sqrt(s) + eps)}. */
final class Adagrad extends AbstractOptimizer {

    private final double eps;
    private final double wd;
    private final double[] sum;

    Adagrad(int size, OptimizerConfig config) {
        super(size, config);
        this.eps = config.eps();
        this.wd = config.weightDecay();
        this.sum = new double[size];
    }

    @Override
    public void update(double[] w, double[] g, double rate) {
        double du = 0;
        double pn = 0;
        double gn = 0;
        for (int i = 0; i < size; i++) {
            gn += g[i] * g[i];
            double grad = g[i] + wd * w[i];
            sum[i] += grad * grad;
            double delta = rate * grad / (Math.sqrt(sum[i]) + eps);
            w[i] -= delta;
            du += delta * delta;
            pn += w[i] * w[i];
        }
        finish(rate, du, pn, gn);
    }

    @Override
    public int effectiveStepSizes(double[] out) {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (sum[i] > 0) {
                out[n++] = lastRate / (Math.sqrt(sum[i]) + eps);
            }
        }
        return n;
    }
}
