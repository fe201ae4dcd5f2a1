package dev.lrlab.agents.neuralpolicy;

/**
 * The losses of the batch policy-gradient methods on rows of a {@link PolicyValueNetwork}'s
 * outputs (logits then value), with their gradients with respect to those outputs written by hand:
 *
 * <ul>
 * <li>PPO (Schulman et al. 2017, as CleanRL's {@code ppo.py}): {@code mean(max(-A r, -A clip(r, 1 - eps,
 * 1 + eps))) - c_H mean(H) + c_V 0.5 mean((V - R)^2)}, r the probability ratio against the
 * rollout's policy; with value clipping, {@code (V - R)^2} becomes the larger of it and
 * {@code (V_old + clip(V - V_old, -eps, eps) - R)^2}.
 * <li>The plain policy gradient of A2C and REINFORCE (Stable-Baselines3's A2C):
 * {@code -mean(A log pi(a)) - c_H mean(H) + c_V mean((V - R)^2)}.
 * </ul>
 *
 * Means run over {@code divisor} examples, so that a batch processed in chunks sums to the whole
 * batch's loss. Where a maximum ties, both sides have the same gradient, so PyTorch's even split
 * gives the same result as taking either.
 */
public final class PolicyLosses {

    /** Which loss. */
    public enum Kind {
        /** PPO's clipped surrogate and (optionally clipped) half squared value error. */
        PPO,
        /** The plain policy gradient with a squared value error. */
        POLICY_GRADIENT
    }

    /**
     * The parts of a loss, summed over the examples given (divided by the divisor), and PPO's
     * diagnostics: approximate KL ({@code (r - 1) - log r}) and the fraction of ratios clipped.
     */
    public static final class Parts {
        public double policy;
        public double value;
        public double entropy;
        public double approxKl;
        public double clipFraction;

        /** The total loss for these coefficients. */
        public double total(double entropyCoefficient, double valueCoefficient) {
            return policy - entropyCoefficient * entropy + valueCoefficient * value;
        }

        public void clear() {
            policy = 0;
            value = 0;
            entropy = 0;
            approxKl = 0;
            clipFraction = 0;
        }
    }

    private PolicyLosses() {
    }

    /**
     * Adds one chunk's share of the loss into {@code parts} and writes the gradient with respect to
     * the outputs {@code y} ({@code n} rows of {@code actions + 1}) into {@code grad}.
     *
     * @param kind which loss
     * @param y the network's outputs for the chunk
     * @param actions the actions taken
     * @param oldLogProb their log-probabilities under the policy that took them (PPO)
     * @param advantages the advantages (already normalised where that is wanted)
     * @param returns the value targets
     * @param oldValues the values when the rollout was taken (PPO's value clipping)
     * @param at where the chunk starts in the per-example arrays
     * @param n rows in the chunk
     * @param divisor examples the mean runs over (the whole minibatch)
     * @param clip PPO's epsilon
     * @param clipValues whether PPO clips the value error
     * @param entropyCoefficient c_H
     * @param valueCoefficient c_V
     * @param logp scratch of at least {@code actionCount} entries
     */
    public static void evaluate(Kind kind, float[] y, int actionCount, int[] actions, float[] oldLogProb,
            float[] advantages, float[] returns, float[] oldValues, int at, int n, int divisor, double clip,
            boolean clipValues, double entropyCoefficient, double valueCoefficient, double[] logp, float[] grad,
            Parts parts) {
        int stride = actionCount + 1;
        java.util.Arrays.fill(grad, 0, n * stride, 0f);
        double inv = 1.0 / divisor;
        for (int b = 0; b < n; b++) {
            int row = b * stride;
            int e = at + b;
            double entropy = Categorical.logProbabilities(y, row, actionCount, logp);
            int a = actions[e];
            double advantage = advantages[e];
            double scale; // d loss / d log pi(a)
            if (kind == Kind.PPO) {
                double logRatio = logp[a] - oldLogProb[e];
                double ratio = Math.exp(logRatio);
                double unclipped = -advantage * ratio;
                double clipped = -advantage * Math.min(Math.max(ratio, 1 - clip), 1 + clip);
                parts.policy += Math.max(unclipped, clipped) * inv;
                parts.approxKl += ((ratio - 1) - logRatio) * inv;
                parts.clipFraction += (Math.abs(ratio - 1) > clip ? 1 : 0) * inv;
                // the clipped side is flat outside [1 - eps, 1 + eps] and equals the other inside it
                scale = unclipped >= clipped ? -advantage * ratio * inv : 0;
            } else {
                parts.policy += -advantage * logp[a] * inv;
                scale = -advantage * inv;
            }
            Categorical.addLogProbabilityGradient(logp, actionCount, a, scale, grad, row);
            parts.entropy += entropy * inv;
            Categorical.addEntropyGradient(logp, actionCount, entropy, -entropyCoefficient * inv, grad, row);
            double v = y[row + actionCount];
            double error = v - returns[e];
            double valueGradient;
            if (kind == Kind.PPO) {
                double squared = error * error;
                valueGradient = error;
                if (clipValues) {
                    double change = v - oldValues[e];
                    double clippedError = oldValues[e] + Math.min(Math.max(change, -clip), clip) - returns[e];
                    if (clippedError * clippedError > squared) {
                        squared = clippedError * clippedError;
                        valueGradient = Math.abs(change) < clip ? clippedError : 0;
                    }
                }
                parts.value += 0.5 * squared * inv;
            } else {
                parts.value += error * error * inv;
                valueGradient = 2 * error;
            }
            grad[row + actionCount] = (float) (valueCoefficient * valueGradient * inv);
        }
    }

    /**
     * Replaces {@code x[0 .. n)} by {@code (x - mean) / (std + 1e-8)}, std the unbiased (n - 1)
     * estimate as PyTorch's {@code Tensor.std()}; n must be at least 2.
     */
    public static void normalize(float[] x, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += x[i];
        }
        double mean = sum / n;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double d = x[i] - mean;
            squares += d * d;
        }
        double std = Math.sqrt(squares / (n - 1));
        for (int i = 0; i < n; i++) {
            x[i] = (float) ((x[i] - mean) / (std + 1e-8));
        }
    }
}
