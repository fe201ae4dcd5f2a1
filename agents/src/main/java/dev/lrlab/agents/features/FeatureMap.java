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
}
