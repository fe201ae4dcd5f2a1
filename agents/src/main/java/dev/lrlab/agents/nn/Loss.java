package dev.lrlab.agents.nn;

/**
 * A regression loss averaged over {@code n} predictions (PyTorch's {@code reduction='mean'}),
 * which also writes its gradient with respect to each prediction.
 */
@FunctionalInterface
public interface Loss {

    /** The loss of {@code prediction[0..n)} against {@code target[0..n)}; writes {@code gradient[0..n)}. */
    double evaluate(float[] prediction, float[] target, int n, float[] gradient);

    /** {@code mean((p - t)^2)}: PyTorch's {@code MSELoss}. */
    static Loss meanSquared() {
        return (p, t, n, g) -> {
            double sum = 0;
            float scale = 2f / n;
            for (int i = 0; i < n; i++) {
                float d = p[i] - t[i];
                sum += (double) d * d;
                g[i] = scale * d;
            }
            return sum / n;
        };
    }

    /**
     * Huber's loss with threshold {@code delta}: quadratic within it, linear beyond
     * (PyTorch's {@code HuberLoss(delta)}; with delta 1 it is {@code SmoothL1Loss}, DQN's loss).
     */
    static Loss huber(double delta) {
        if (!(delta > 0) || Double.isInfinite(delta)) {
            throw new IllegalArgumentException("Huber's delta must be positive and finite, was " + delta);
        }
        float dl = (float) delta;
        return (p, t, n, g) -> {
            double sum = 0;
            float inv = 1f / n;
            for (int i = 0; i < n; i++) {
                float d = p[i] - t[i];
                float a = Math.abs(d);
                if (a < dl) {
                    sum += 0.5 * d * d;
                    g[i] = d * inv;
                } else {
                    sum += dl * (a - 0.5 * dl);
                    g[i] = Math.copySign(dl, d) * inv;
                }
            }
            return sum / n;
        };
    }
}
