package dev.lrlab.agents.tabular;

import dev.lrlab.agents.explore.Exploration;
import dev.lrlab.agents.schedule.ClockedSchedule;

/**
 * Settings of a tabular TD agent.
 *
 * @param rule the bootstrap target
 * @param gamma discount in [0, 1]
 * @param initialValue every Q(s, a) at the start (optimistic values explore)
 * @param exploration how actions are chosen while learning
 * @param stepSize the step size alpha and the clock it reads (visits allowed)
 * @param divergenceBound |Q| beyond this ends the trial as diverged
 */
public record TabularConfig(TdRule rule, double gamma, double initialValue, Exploration exploration,
        ClockedSchedule stepSize, double divergenceBound) {

    /** Default bound on |Q|: far beyond any return our environments can produce. */
    public static final double DEFAULT_BOUND = 1e10;

    public TabularConfig {
        if (!(gamma >= 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma must be in [0, 1], was " + gamma);
        }
    }

    public static TabularConfig of(TdRule rule, double gamma, double alpha, double epsilon) {
        return new TabularConfig(rule, gamma, 0, Exploration.EpsilonGreedy.of(epsilon),
                ClockedSchedule.constant(alpha), DEFAULT_BOUND);
    }
}
