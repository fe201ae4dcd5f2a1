package dev.lrlab.agents.optim;

import dev.lrlab.agents.nn.Kernels;

/**
 * PyTorch's RMSprop: {@code v = rho v + (1 - rho) g^2}; centered subtracts the squared running
 * mean of g inside the root; {@code w -= rate g / (sqrt(v) + eps)}, optionally through a momentum
 * buffer. Two options give the form MinAtar's AC(lambda) and TensorFlow use: eps inside the root,
 * {@code sqrt(v + eps)}, and {@code v} debiased by {@code 1 - rho^t} as Adam's second moment (t
 * counts this optimizer's updates).
 */
final class RmsProp extends AbstractOptimizer {

    private final double rho;
    private final double eps;
    private final double wd;
    private final double mu;
    private final boolean centered;
    private final boolean epsInside;
    private final boolean debiased;
    private double[] squareAvg;
    private double[] gradAvg;
    private double[] buffer;
    private float[] squareAvgF;
    private float[] gradAvgF;
    private float[] bufferF;
    /** The squared norms of the last float32 step and gradient, when the kernel summed them. */
    private final double[] squaredNorms = new double[2];

    RmsProp(int size, OptimizerConfig config) {
        super(size, config);
        this.rho = config.rho();
        this.eps = config.eps();
        this.wd = config.weightDecay();
        this.mu = config.momentum();
        this.centered = config.centered();
        this.epsInside = config.epsInsideRoot();
        this.debiased = config.debiased();
    }

    /** What v is divided by before the root: {@code 1 - rho^t} when debiased (t this update's count), else 1. */
    private double correction(long t) {
        return debiased ? 1 - Math.pow(rho, t) : 1;
    }

    private double root(double v) {
        return epsInside ? Math.sqrt(v + eps) : Math.sqrt(v) + eps;
    }

    @Override
    public void update(double[] w, double[] g, double rate) {
        firstUpdateIn(64);
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

    /**
     * The float32 path, in PyTorch's order ({@code v.mul_(rho).addcmul_(g, g, 1 - rho)}; centered:
     * {@code mean.mul_(rho).add_(g, 1 - rho)}; {@code w.addcdiv_(g, sqrt(v - mean^2) + eps, -rate)}).
     * The common settings get loops without branches, which the JIT vectorises.
     */
    @Override
    public void update(float[] w, float[] g, double rate) {
        firstUpdateIn(32);
        float r = (float) rate;
        float keep = (float) rho;
        float mix = (float) (1 - rho);
        float e = (float) eps;
        float decay = (float) wd;
        float m = (float) mu;
        float[] step = stepScratch();
        float[] v = squareAvgF;
        float[] mean = gradAvgF;
        boolean plain = !epsInside && !debiased;
        float c = (float) correction(updates + 1);
        if (plain && bufferF == null && decay == 0f && mean != null) {
            Kernels.best().centeredRmsProp(w, g, v, mean, step, size, keep, mix, r, e, squaredNorms);
            finish(rate, w, squaredNorms[0], squaredNorms[1]);
            return;
        } else if (epsInside && mean == null && bufferF == null && decay == 0f) {
            // MinAtar's AC(lambda) form: sqrt(v / c + eps), c the debiasing
            Kernels.best().rmsProp(w, g, v, step, size, keep, mix, r, e, true, c);
        } else if (plain && bufferF == null && decay == 0f) {
            Kernels.best().rmsProp(w, g, v, step, size, keep, mix, r, e, false, 1f);
        } else {
            for (int i = 0; i < size; i++) {
                float grad = g[i] + decay * w[i];
                v[i] = v[i] * keep + grad * grad * mix;
                float avg = v[i];
                if (mean != null) {
                    mean[i] = mean[i] * keep + grad * mix;
                    avg = avg - mean[i] * mean[i];
                }
                float denom = plain ? (float) Math.sqrt(avg) + e
                        : epsInside ? (float) Math.sqrt(avg / c + e) : (float) Math.sqrt(avg / c) + e;
                float delta;
                if (bufferF != null) {
                    bufferF[i] = m * bufferF[i] + grad / denom;
                    delta = r * bufferF[i];
                } else {
                    delta = r * (grad / denom);
                }
                step[i] = delta;
                w[i] -= delta;
            }
        }
        finish(rate, w, g);
    }

    private double denominator(int i, double grad, boolean advance) {
        double c = correction(advance ? updates + 1 : updates);
        if (gradAvg == null) {
            return root(squareAvg[i] / c);
        }
        if (advance) {
            gradAvg[i] = rho * gradAvg[i] + (1 - rho) * grad;
        }
        return root((squareAvg[i] - gradAvg[i] * gradAvg[i]) / c);
    }

    @Override
    public int effectiveStepSizes(double[] out) {
        int n = 0;
        if (floats()) {
            for (int i = 0; i < size; i++) {
                double v = squareAvgF[i];
                if (v > 0) {
                    double mean = gradAvgF == null ? 0 : gradAvgF[i];
                    out[n++] = lastRate / root((v - mean * mean) / correction(updates));
                }
            }
            return n;
        }
        if (squareAvg == null) {
            return 0;
        }
        for (int i = 0; i < size; i++) {
            if (squareAvg[i] > 0) {
                out[n++] = lastRate / denominator(i, 0, false);
            }
        }
        return n;
    }

    @Override
    protected void allocate(int bits) {
        if (bits == 64) {
                squareAvg = new double[size];
                gradAvg = centered ? new double[size] : null;
                buffer = mu > 0 ? new double[size] : null;
        } else {
                squareAvgF = new float[size];
                gradAvgF = centered ? new float[size] : null;
                bufferF = mu > 0 ? new float[size] : null;
        }
    }
}
