package dev.lrlab.agents.policy;

import dev.lrlab.agents.optim.OptimizerBlueprint;
import dev.lrlab.agents.schedule.ClockedSchedule;

/**
 * Settings of a policy-gradient agent with a softmax policy over preferences linear in binary
 * features.
 *
 * @param algorithm which method
 * @param gamma discount in [0, 1]
 * @param actorRate the policy's step size (the swept one) and its clock
 * @param criticRate the baseline's or critic's step size and its clock (unused by plain REINFORCE)
 * @param actorOptimizer how policy gradients become updates
 * @param criticOptimizer how value gradients become updates
 * @param initialPreferences initial preference of each action (the same in every state), or empty for zeros
 * @param divergenceBound |parameter| beyond this ends the trial as diverged
 */
public record PolicyGradientConfig(PolicyGradientAlgorithm algorithm, double gamma,
        ClockedSchedule actorRate, ClockedSchedule criticRate, OptimizerBlueprint actorOptimizer,
        OptimizerBlueprint criticOptimizer, double[] initialPreferences, double divergenceBound) {

    public PolicyGradientConfig {
        if (!(gamma >= 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma must be in [0, 1], was " + gamma);
        }
        initialPreferences = initialPreferences.clone();
    }

    @Override
    public double[] initialPreferences() {
        return initialPreferences.clone();
    }
}
