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

    /**
     * Sizes what the exploration remembers per state and action (UCB's counts); an agent with a
     * table of {@code states} rows calls it once, before the first action.
     */
    default void prepare(int states, int actions) {
    }

    /**
     * Told each action the agent takes in the row at {@code offset}: not the ones it only looks at
     * (a next action chosen after the episode has ended), so that counts are of actions taken.
     */
    default void taken(int offset, int action) {
    }

    /**
     * Upper confidence bound action selection (Sutton &amp; Barto 2.7): the action maximising
     * Q(s, a) + c sqrt(ln t / N(s, a)), where N(s, a) counts the times a was taken in s and t is
     * the current choice's number in s (the earlier ones plus one). An action never taken in s is
     * taken first (ties at random). Needs a table: the counts are per state.
     */
    final class UpperConfidenceBound implements Exploration {
        private final ClockedSchedule parameter;
        private int actions;
        /** N(s, a), at s * actions + a. */
        private int[] counts;
        /** The actions taken in each state, the sum of its row of counts. */
        private int[] inState;

        public UpperConfidenceBound(ClockedSchedule parameter) {
            this.parameter = parameter;
        }

        public static UpperConfidenceBound of(double c) {
            return new UpperConfidenceBound(ClockedSchedule.constant(c));
        }

        @Override
        public ClockedSchedule parameter() {
            return parameter;
        }

        @Override
        public String parameterName() {
            return "c";
        }

        @Override
        public void prepare(int states, int actions) {
            this.actions = actions;
            counts = new int[states * actions];
            inState = new int[states];
        }

        @Override
        public void taken(int offset, int action) {
            counts[offset + action]++;
            inState[offset / actions]++;
        }

        /** How often the action has been taken in the row at {@code offset}. */
        public int count(int offset, int action) {
            return counts[offset + action];
        }

        @Override
        public int choose(double[] q, int offset, int n, double c, double[] scratch, UniformRandomProvider rng) {
            double logT = logT(offset, n);
            double best = Double.NEGATIVE_INFINITY;
            int ties = 0;
            int choice = 0;
            for (int a = 0; a < n; a++) {
                double v = bound(q, offset, a, c, logT);
                if (v > best) {
                    best = v;
                    ties = 1;
                    choice = a;
                } else if (v == best && rng.nextInt(++ties) == 0) {
                    choice = a; // reservoir sampling: each tied action ends up chosen with 1/ties
                }
            }
            return choice;
        }

        /** The value of the action UCB takes, averaged over tied actions (each as likely). */
        @Override
        public double expectedValue(double[] q, int offset, int n, double c, double[] scratch) {
            double logT = logT(offset, n);
            double best = Double.NEGATIVE_INFINITY;
            double sum = 0;
            int ties = 0;
            for (int a = 0; a < n; a++) {
                double v = bound(q, offset, a, c, logT);
                if (v > best) {
                    best = v;
                    sum = q[offset + a];
                    ties = 1;
                } else if (v == best) {
                    sum += q[offset + a];
                    ties++;
                }
            }
            return sum / ties;
        }

        /** ln t for the row at {@code offset}: t is this choice's number in its state. */
        private double logT(int offset, int n) {
            if (counts == null) {
                throw new IllegalStateException("ucb counts each state's actions: prepare(states, actions) first");
            }
            return Math.log(inState[offset / n] + 1.0);
        }

        /** Q(s, a) plus the bonus; infinite for an action not yet taken in s. */
        private double bound(double[] q, int offset, int a, double c, double logT) {
            int visits = counts[offset + a];
            return visits == 0 ? Double.POSITIVE_INFINITY : q[offset + a] + c * Math.sqrt(logT / visits);
        }
    }

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
