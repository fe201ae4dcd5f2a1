package dev.lrlab.agents.optim;

/**
 * PyTorch's SGD with optional momentum (dampening 0), Nesterov momentum and L2 weight decay:
 * {@code g += wd w; b = mu b + g (b = g at first); w -= rate (nesterov ? g + mu b : b)}.
 */
final class Sgd extends AbstractOptimizer {

    private final double mu;
    private final boolean nesterov;
    private final double wd;
    private double[] buffer;
    private float[] bufferF;

    Sgd(int size, OptimizerConfig config) {
        super(size, config);
        this.mu = config.rule() == UpdateRule.SGD ? 0 : config.momentum();
        this.nesterov = config.rule() == UpdateRule.NESTEROV;
        this.wd = config.weightDecay();
    }

    @Override
    public void update(double[] w, double[] g, double rate) {
        firstUpdateIn(64);
        boolean first = updates == 0;
        double du = 0;
        double pn = 0;
        double gn = 0;
        for (int i = 0; i < size; i++) {
            gn += g[i] * g[i];
            double grad = g[i] + wd * w[i];
            if (buffer != null) {
                buffer[i] = first ? grad : mu * buffer[i] + grad;
                grad = nesterov ? grad + mu * buffer[i] : buffer[i];
            }
            double delta = rate * grad;
            w[i] -= delta;
            du += delta * delta;
            pn += w[i] * w[i];
        }
        finish(rate, du, pn, gn);
    }

    @Override
    public void update(float[] w, float[] g, double rate) {
        firstUpdateIn(32);
        boolean first = updates == 0;
        float r = (float) rate;
        float m = (float) mu;
        float decay = (float) wd;
        float[] step = stepScratch();
        for (int i = 0; i < size; i++) {
            float grad = g[i] + decay * w[i];
            if (bufferF != null) {
                bufferF[i] = first ? grad : m * bufferF[i] + grad;
                grad = nesterov ? grad + m * bufferF[i] : bufferF[i];
            }
            float delta = r * grad;
            step[i] = delta;
            w[i] -= delta;
        }
        finish(rate, w, g);
    }

    @Override
    public void update(double[] w, double[] g, int[] nonZero, int count, double rate) {
        if (mu != 0 || wd != 0) {
            update(w, g, rate); // momentum and decay move every parameter
            return;
        }
        firstUpdateIn(64);
        double du = 0;
        double gn = 0;
        for (int k = 0; k < count; k++) {
            int i = nonZero[k];
            double delta = rate * g[i];
            w[i] -= delta;
            du += delta * delta;
            gn += g[i] * g[i];
        }
        // the parameter norm would cost a full pass; it is refreshed on dense updates only
        finish(rate, du, paramNormSq, gn);
    }

    /** Without momentum or decay, an update moves only the parameters whose gradient is non-zero. */
    @Override
    public boolean sparse() {
        return mu == 0 && wd == 0;
    }

    @Override
    public int effectiveStepSizes(double[] out) {
        java.util.Arrays.fill(out, 0, size, lastRate);
        return size;
    }

    @Override
    protected void allocate(int bits) {
        if (mu == 0) {
            return;
        }
        if (bits == 64) {
            buffer = new double[size];
        } else {
            bufferF = new float[size];
        }
    }
}
