package dev.lrlab.experiments.spec;

import dev.lrlab.env.Environment;
import dev.lrlab.env.TimeLimit;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The environment of a trial, read and validated: its id, the settings that differ from its
 * defaults (part of each trial's key), how to build one, and the budget's per-episode step limit,
 * applied as a {@link TimeLimit} when given.
 */
public record EnvironmentChoice(String id, Map<String, Object> options, Supplier<Environment> factory,
        int maxEpisodeSteps) {

    /** A new instance for one trial. */
    public Environment create() {
        Environment env = factory.get();
        return maxEpisodeSteps > 0 ? TimeLimit.of(env, maxEpisodeSteps) : env;
    }
}
