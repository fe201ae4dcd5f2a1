package dev.lrlab.agents.features;

import dev.lrlab.env.Environment;
import dev.lrlab.env.ObservationSpace;

/** The environment's own binary features (Breakout's channels, a gridworld's one-hot cell). */
public record EnvironmentFeatures(int featureCount) implements FeatureMap {

    public static EnvironmentFeatures of(ObservationSpace space) {
        return new EnvironmentFeatures(space.featureCount());
    }

    @Override
    public int encode(Environment env, int[] out) {
        return env.activeFeatures(out);
    }
}
