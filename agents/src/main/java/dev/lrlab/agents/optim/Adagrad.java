package dev.lrlab.agents.optim;

/** PyTorch's Adagrad (no rate decay, zero initial accumulator): {@code s += g^2; w -= rate g / (sqrt(s) + eps)}. */
final class Adagrad extends AbstractOptimizer {

    private final double eps;
    private final double wd;
    private double[] sum;
    private float[] sumF;

    Adagrad(int size, OptimizerConfig config) {
        super(size, config);
        this.eps = config.eps();
        this.wd = config.weightDecay();
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
            sum[i] += grad * grad;
            double delta = rate * grad / (Math.sqrt(sum[i]) + eps);
            w[i] -= delta;
            du += delta * delta;
            pn += w[i] * w[i];
        }
        finish(rate, du, pn, gn);
    }

    @Override
    public void update(float[] w, float[] g, double rate) {
        firstUpdateIn(32);
        float r = (float) rate;
        float e = (float) eps;
        float decay = (float) wd;
        float[] step = stepScratch();
        for (int i = 0; i < size; i++) {
            float grad = g[i] + decay * w[i];
            sumF[i] += grad * grad;
            float delta = r * grad / ((float) Math.sqrt(sumF[i]) + e);
            step[i] = delta;
            w[i] -= delta;
        }
        finish(rate, w, g);
    }

    @Override
    public int effectiveStepSizes(double[] out) {
        int n = 0;
        for (int i = 0; i < size; i++) {
            double s = floats() ? sumF[i] : sum == null ? 0 : sum[i];
            if (s > 0) {
                out[n++] = lastRate / (Math.sqrt(s) + eps);
            }
        }
        return n;
    }

    @Override
    protected void allocate(int bits) {
        if (bits == 64) {
                sum = new double[size];
        } else {
                sumF = new float[size];
        }
    }
}
