package dev.lrlab.agents.optim;

/**
 * PyTorch's RMSprop: {@code v = rho v + (1 - rho) g^2}; centered subtracts the squared running
 * mean of g inside the root; {@code w -= rate g / (sqrt(v) + eps)}, optionally through a momentum
 * buffer.
 */
final class RmsProp extends AbstractOptimizer {

    private final double rho;
    private final double eps;
    private final double wd;
    private final double mu;
    private final double[] squareAvg;
    private final double[] gradAvg;
    private final double[] buffer;

    RmsProp(int size, OptimizerConfig config) {
        super(size, config);
        this.rho = config.rho();
        this.eps = config.eps();
        this.wd = config.weightDecay();
        this.mu = config.momentum();
        this.squareAvg = new double[size];
        this.gradAvg = config.centered() ? new double[size] : null;
        this.buffer = mu > 0 ? new double[size] : null;
    }

    @Override
    public void update(double[] w, double[] g, double rate) {
        double du = 0;
        double pn = 0;
        double gn = 0;
        for (int i = 0; i < size; i++) {
            gn += g[i] * g[i];
            double grad = g[i] + wd * w[i];
            squareAvg[i] = rho * squareAvg[i] + (1 - rho) * grad * grad;
            double denom = denominator(i, grad, true);
            double delta;
            if (buffer != null) {
                buffer[i] = mu * buffer[i] + grad / denom;
                delta = rate * buffer[i];
            } else {
                delta = rate * grad / denom;
            }
            w[i] -= delta;
            du += delta * delta;
            pn += w[i] * w[i];
        }
        finish(rate, du, pn, gn);
    }

    private double denominator(int i, double grad, boolean advance) {
        if (gradAvg == null) {
            return Math.sqrt(squareAvg[i]) + eps;
        }
        if (advance) {
            gradAvg[i] = rho * gradAvg[i] + (1 - rho) * grad;
        }
        return Math.sqrt(squareAvg[i] - gradAvg[i] * gradAvg[i]) + eps;
    }

    @Override
    public int effectiveStepSizes(double[] out) {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (squareAvg[i] > 0) {
                out[n++] = lastRate / denominator(i, 0, false);
            }
        }
        return n;
    }
}
