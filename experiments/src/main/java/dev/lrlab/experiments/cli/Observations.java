package dev.lrlab.experiments.cli;

import dev.lrlab.env.Environment;
import dev.lrlab.env.Traceable;
import java.util.LinkedHashMap;
import java.util.Map;

/** An environment's current observation as JSON-ready values, for traces. */
final class Observations {

    private Observations() {
    }

    /**
     * What the environment says of itself when it is {@link Traceable} (Breakout: each channel's
     * set cells as [row, col]; gridworlds: the state and its cell); otherwise its state index, or
     * its active features.
     */
    static Map<String, Object> of(Environment env) {
        if (env.unwrapped() instanceof Traceable traceable) {
            return traceable.traceObservation();
        }
        Map<String, Object> o = new LinkedHashMap<>();
        if (env.observationSpace().isDiscrete()) {
            o.put("state", env.state());
        } else {
            int[] f = new int[env.observationSpace().featureCount()];
            int n = env.activeFeatures(f);
            o.put("features", java.util.Arrays.copyOf(f, n));
        }
        return o;
    }

    /** The action the environment executed for the chosen one (they differ under sticky actions). */
    static int executed(Environment env, int chosen) {
        return env.unwrapped() instanceof Traceable traceable ? traceable.executedAction(chosen) : chosen;
    }
}
