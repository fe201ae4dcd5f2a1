package dev.lrlab.agents.features;

import dev.lrlab.env.Environment;

/**
 * Turns the environment's current observation into binary features for a linear agent: the
 * indices of the features that are 1, ascending.
 */
public interface FeatureMap {

    /** Length of the feature vector. */
    int featureCount();

    /** Writes the active feature indices (ascending) into {@code out} and returns how many. */
    int encode(Environment env, int[] out);

    /**
     * The factor a linear learner applies to its step size with these features: 1 by default;
     * 1/n for tile coding with n tilings when the rate is divided among them (Sutton &amp; Barto's
     * alpha/n), so that the swept rate is the step size of the value, not of each weight.
     */
    default double rateScale() {
        return 1;
    }
}
