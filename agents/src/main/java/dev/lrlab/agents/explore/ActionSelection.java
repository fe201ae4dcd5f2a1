package dev.lrlab.agents.explore;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Action choice over a row of action values {@code q[offset .. offset + n - 1]}: greedy with ties
 * broken at random, epsilon-greedy, softmax, and the expected value under each (for Expected
 * Sarsa). Allocation-free; randomness comes from the caller's generator.
 */
public final class ActionSelection {

    private ActionSelection() {
    }

    /** The best action; ties broken uniformly at random. */
    public static int greedy(double[] q, int offset, int n, UniformRandomProvider rng) {
        double best = q[offset];
        int ties = 1;
        int choice = 0;
        for (int a = 1; a < n; a++) {
            double v = q[offset + a];
            if (v > best) {
                best = v;
                ties = 1;
                choice = a;
            } else if (v == best) {
                // reservoir sampling over the tied actions: each ends up chosen with 1/ties
                ties++;
                if (rng.nextInt(ties) == 0) {
                    choice = a;
                }
            }
        }
        return choice;
    }

    /** The largest value of the row. */
    public static double max(double[] q, int offset, int n) {
        double best = q[offset];
        for (int a = 1; a < n; a++) {
            best = Math.max(best, q[offset + a]);
        }
        return best;
    }

    public static int epsilonGreedy(double[] q, int offset, int n, double epsilon,
            UniformRandomProvider rng) {
        if (epsilon > 0 && rng.nextDouble() < epsilon) {
            return rng.nextInt(n);
        }
        return greedy(q, offset, n, rng);
    }

    /** Draws from softmax(q / temperature); {@code scratch} holds n entries. Temperature 0 is greedy. */
    public static int softmax(double[] q, int offset, int n, double temperature, double[] scratch,
            UniformRandomProvider rng) {
        if (temperature <= 0) {
            return greedy(q, offset, n, rng);
        }
        double total = softmaxProbabilities(q, offset, n, temperature, scratch);
        double u = rng.nextDouble() * total;
        for (int a = 0; a < n - 1; a++) {
            u -= scratch[a];
            if (u < 0) {
                return a;
            }
        }
        return n - 1;
    }

    /** Writes unnormalised softmax weights into scratch and returns their sum. */
    static double softmaxProbabilities(double[] q, int offset, int n, double temperature,
            double[] scratch) {
        double max = max(q, offset, n);
        double total = 0;
        for (int a = 0; a < n; a++) {
            scratch[a] = Math.exp((q[offset + a] - max) / temperature);
            total += scratch[a];
        }
        return total;
    }
}
