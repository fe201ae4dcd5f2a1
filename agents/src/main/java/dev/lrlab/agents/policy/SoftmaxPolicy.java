package dev.lrlab.agents.policy;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * pi(a | s) proportional to exp(theta_a . x(s)) over binary features x, and the gradient of
 * log pi. Parameters are action-major: {@code theta[a * featureCount + f]}.
 */
final class SoftmaxPolicy {

    final int actions;
    final int featureCount;
    final double[] theta;
    final double[] probabilities;
    /** Preferences minus their maximum, at the last evaluation. */
    private final double[] shifted;
    private double total;

    SoftmaxPolicy(int actions, int featureCount, double[] initialPreferences) {
        this.actions = actions;
        this.featureCount = featureCount;
        this.theta = new double[actions * featureCount];
        this.probabilities = new double[actions];
        this.shifted = new double[actions];
        if (initialPreferences.length > 0) {
            // spread each action's preference over the features so that h(s, a) equals it when
            // one feature is active (the tabular and state-independent cases)
            for (int a = 0; a < actions; a++) {
                for (int f = 0; f < featureCount; f++) {
                    theta[a * featureCount + f] = initialPreferences[a];
                }
            }
        }
    }

    /** Fills {@link #probabilities} for the features x[0..n-1]. */
    void evaluate(int[] x, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < actions; a++) {
            double h = 0;
            int base = a * featureCount;
            for (int i = 0; i < n; i++) {
                h += theta[base + x[i]];
            }
            probabilities[a] = h;
            max = Math.max(max, h);
        }
        double sum = 0;
        for (int a = 0; a < actions; a++) {
            shifted[a] = probabilities[a] - max;
            probabilities[a] = Math.exp(shifted[a]);
            sum += probabilities[a];
        }
        for (int a = 0; a < actions; a++) {
            probabilities[a] /= sum;
        }
        total = sum;
    }

    /** The entropy of the probabilities last evaluated: log Z - sum_a pi(a) (h(a) - max h), one log. */
    double entropy() {
        double expected = 0;
        for (int a = 0; a < actions; a++) {
            expected += probabilities[a] * shifted[a];
        }
        return Math.log(total) - expected;
    }

    /** Draws from the probabilities last evaluated. */
    int sample(UniformRandomProvider rng) {
        double u = rng.nextDouble();
        for (int a = 0; a < actions - 1; a++) {
            u -= probabilities[a];
            if (u < 0) {
                return a;
            }
        }
        return actions - 1;
    }

    /** The most probable action of the probabilities last evaluated (lowest index among ties). */
    int mode() {
        int best = 0;
        for (int a = 1; a < actions; a++) {
            if (probabilities[a] > probabilities[best]) {
                best = a;
            }
        }
        return best;
    }

    /**
     * Writes {@code -weight * grad log pi(a | x)} (the gradient of the loss
     * {@code -weight log pi}) into {@code gradient} at the returned indices, for the probabilities
     * last evaluated; returns how many indices it wrote into {@code touched}.
     */
    int lossGradient(int[] x, int n, int a, double weight, double[] gradient, int[] touched) {
        int count = 0;
        for (int b = 0; b < actions; b++) {
            double g = -weight * ((b == a ? 1 : 0) - probabilities[b]);
            int base = b * featureCount;
            for (int i = 0; i < n; i++) {
                touched[count++] = base + x[i];
                gradient[base + x[i]] = g;
            }
        }
        return count;
    }
}
