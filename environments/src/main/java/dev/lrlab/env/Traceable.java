package dev.lrlab.env;

import java.util.Map;

/**
 * An optional ability: the current observation as plain values for a trace (cells, positions),
 * and the action actually executed for a chosen one (they differ under sticky actions).
 */
public interface Traceable {

    /** The observation as JSON-ready values (numbers, strings, lists, maps). */
    Map<String, Object> traceObservation();

    /** The action the last step executed when {@code chosen} was asked for. */
    default int executedAction(int chosen) {
        return chosen;
    }
}
