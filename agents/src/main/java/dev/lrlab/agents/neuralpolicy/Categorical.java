package dev.lrlab.agents.neuralpolicy;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A categorical policy over a row of logits: log-probabilities, entropy, sampling and the
 * gradients the policy-gradient losses need, written into caller-owned arrays so that nothing is
 * allocated per step. Log-probabilities are computed as PyTorch's {@code log_softmax} (the row
 * maximum subtracted first).
 */
public final class Categorical {

    private Categorical() {
    }

    /**
     * Writes {@code logp[0..n)}, the log-probabilities of the logits {@code x[at..at+n)}, and
     * returns the policy's entropy.
     */
    public static double logProbabilities(float[] x, int at, int n, double[] logp) {
        float max = x[at];
        for (int i = 1; i < n; i++) {
            max = Math.max(max, x[at + i]);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.exp(x[at + i] - max);
        }
        double logSum = Math.log(sum);
        double entropy = 0;
        for (int i = 0; i < n; i++) {
            logp[i] = x[at + i] - max - logSum;
            entropy -= Math.exp(logp[i]) * logp[i];
        }
        return entropy;
    }

    /** Writes the probabilities {@code p[0..n)} of the logits {@code x[at..at+n)} (softmax). */
    public static void probabilities(float[] x, int at, int n, double[] p) {
        float max = x[at];
        for (int i = 1; i < n; i++) {
            max = Math.max(max, x[at + i]);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            p[i] = Math.exp(x[at + i] - max);
            sum += p[i];
        }
        for (int i = 0; i < n; i++) {
            p[i] /= sum;
        }
    }

    /** An action drawn with probabilities {@code p[0..n)} (one uniform draw, by the cumulative sum). */
    public static int sample(double[] p, int n, UniformRandomProvider rng) {
        double u = rng.nextDouble();
        double cumulative = 0;
        for (int i = 0; i < n - 1; i++) {
            cumulative += p[i];
            if (u < cumulative) {
                return i;
            }
        }
        return n - 1;
    }

    /** The first action of largest logit. */
    public static int argMax(float[] x, int at, int n) {
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (x[at + i] > x[at + best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * Adds {@code scale * d log pi(action) / d logits} to {@code grad[at..at+n)}:
     * {@code scale * (1[j = action] - pi_j)}, from the log-probabilities {@code logp}.
     */
    public static void addLogProbabilityGradient(double[] logp, int n, int action, double scale, float[] grad, int at) {
        for (int j = 0; j < n; j++) {
            grad[at + j] += (float) (scale * ((j == action ? 1 : 0) - Math.exp(logp[j])));
        }
    }

    /**
     * Adds {@code scale * d H / d logits} to {@code grad[at..at+n)}, H the entropy {@code -sum pi log pi}:
     * {@code -scale * pi_j (log pi_j + H)}.
     */
    public static void addEntropyGradient(double[] logp, int n, double entropy, double scale, float[] grad, int at) {
        for (int j = 0; j < n; j++) {
            grad[at + j] += (float) (-scale * Math.exp(logp[j]) * (logp[j] + entropy));
        }
    }
}
