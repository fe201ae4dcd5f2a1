package dev.lrlab.agents.linear;

import dev.lrlab.agents.explore.Exploration;
import dev.lrlab.agents.optim.OptimizerBlueprint;
import dev.lrlab.agents.schedule.ClockedSchedule;
import dev.lrlab.agents.tabular.TdRule;

/**
 * Settings of a semi-gradient TD agent with action values linear in binary features.
 *
 * @param rule Q-learning, Sarsa or Expected Sarsa (not Double Q-learning)
 * @param gamma discount in [0, 1]
 * @param exploration how actions are chosen while learning
 * @param stepSize the optimizer's base rate and its clock (not visits)
 * @param optimizer how gradients become updates
 * @param divergenceBound |weight| or |TD error| beyond this ends the trial as diverged
 */
public record LinearConfig(TdRule rule, double gamma, Exploration exploration, ClockedSchedule stepSize,
        OptimizerBlueprint optimizer, double divergenceBound) {

    public LinearConfig {
        if (rule == TdRule.DOUBLE_Q_LEARNING) {
            throw new IllegalArgumentException("double Q-learning is tabular only");
        }
        if (!(gamma >= 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma must be in [0, 1], was " + gamma);
        }
    }
}
