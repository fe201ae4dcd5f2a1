package dev.lrlab.agents.features;

import dev.lrlab.env.Environment;
import dev.lrlab.env.ObservationSpace;

/** One feature per state index: linear function approximation that is exactly tabular. */
public record OneHotState(int featureCount) implements FeatureMap {

    public static OneHotState of(ObservationSpace space) {
        if (!space.isDiscrete()) {
            throw new IllegalArgumentException("one-hot features need a discrete state space");
        }
        return new OneHotState(space.stateCount());
    }

    @Override
    public int encode(Environment env, int[] out) {
        out[0] = env.state();
        return 1;
    }
}
