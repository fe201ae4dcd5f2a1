package dev.lrlab.agents.explore;

import dev.lrlab.agents.schedule.ClockedSchedule;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * How a value-based agent explores: an action chosen from a row of action values, and the
 * expected value of that row under the same policy (Expected Sarsa's target). Its parameter
 * (epsilon, a temperature) follows a schedule on a clock, as a step size does. Implementations
 * allocate nothing: they run on every step.
 */
public interface Exploration {

    /** The scheduled parameter. */
    ClockedSchedule parameter();

    /** The parameter's name, for metrics: {@code epsilon}, {@code temperature}. */
    String parameterName();

    /** An action for the values {@code q[offset .. offset + n - 1]}; {@code scratch} holds n entries. */
    int choose(double[] q, int offset, int n, double parameter, double[] scratch, UniformRandomProvider rng);

    /** The expected action value of the row under this policy. */
    double expectedValue(double[] q, int offset, int n, double parameter, double[] scratch);

    /** With probability epsilon a uniformly random action, otherwise greedy with ties broken at random. */
    record EpsilonGreedy(ClockedSchedule parameter) implements Exploration {
        public static EpsilonGreedy of(double epsilon) {
            return new EpsilonGreedy(ClockedSchedule.constant(epsilon));
        }

        @Override
        public String parameterName() {
            return "epsilon";
        }

        @Override
        public int choose(double[] q, int offset, int n, double epsilon, double[] scratch, UniformRandomProvider rng) {
            return ActionSelection.epsilonGreedy(q, offset, n, epsilon, rng);
        }

        @Override
        public double expectedValue(double[] q, int offset, int n, double epsilon, double[] scratch) {
            double mean = 0;
            for (int a = 0; a < n; a++) {
                mean += q[offset + a];
            }
            // greedy ties share (1 - epsilon) but have equal values, so the max stands for all of them
            return (1 - epsilon) * ActionSelection.max(q, offset, n) + epsilon * mean / n;
        }
    }

    /** Actions drawn with probability proportional to exp(q / temperature); temperature 0 is greedy. */
    record Softmax(ClockedSchedule parameter) implements Exploration {
        public static Softmax of(double temperature) {
            return new Softmax(ClockedSchedule.constant(temperature));
        }

        @Override
        public String parameterName() {
            return "temperature";
        }

        @Override
        public int choose(double[] q, int offset, int n, double temperature, double[] scratch,
                UniformRandomProvider rng) {
            return ActionSelection.softmax(q, offset, n, temperature, scratch, rng);
        }

        @Override
        public double expectedValue(double[] q, int offset, int n, double temperature, double[] scratch) {
            if (!(temperature > 0)) {
                return ActionSelection.max(q, offset, n);
            }
            double total = ActionSelection.softmaxProbabilities(q, offset, n, temperature, scratch);
            double sum = 0;
            for (int a = 0; a < n; a++) {
                sum += scratch[a] * q[offset + a];
            }
            return sum / total;
        }
    }
}
