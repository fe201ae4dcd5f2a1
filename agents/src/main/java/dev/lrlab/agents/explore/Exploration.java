package dev.lrlab.agents.explore;

import dev.lrlab.agents.schedule.ClockedSchedule;

/**
 * How a value-based agent explores. Its parameter (epsilon or temperature) follows a schedule on a
 * clock, like a step size does.
 */
public sealed interface Exploration permits Exploration.EpsilonGreedy, Exploration.Softmax {

    /** The scheduled parameter. */
    ClockedSchedule parameter();

    /** With probability epsilon a uniformly random action, otherwise greedy with ties broken at random. */
    record EpsilonGreedy(ClockedSchedule parameter) implements Exploration {
        public static EpsilonGreedy of(double epsilon) {
            return new EpsilonGreedy(ClockedSchedule.constant(epsilon));
        }
    }

    /** Actions drawn with probability proportional to exp(q / temperature). */
    record Softmax(ClockedSchedule parameter) implements Exploration {
        public static Softmax of(double temperature) {
            return new Softmax(ClockedSchedule.constant(temperature));
        }
    }
}
