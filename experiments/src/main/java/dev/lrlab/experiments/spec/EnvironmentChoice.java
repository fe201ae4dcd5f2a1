package dev.lrlab.experiments.spec;

import dev.lrlab.env.Environment;
import dev.lrlab.env.EnvironmentPreset;
import dev.lrlab.env.TimeLimit;

/**
 * The environment of a sweep: a registered preset, with the budget's per-episode step limit
 * applied as a {@link TimeLimit} when one was given.
 */
public record EnvironmentChoice(EnvironmentPreset preset, int maxEpisodeSteps) {

    public String id() {
        return preset.id();
    }

    /** A new instance for one trial. */
    public Environment create() {
        Environment env = preset.create();
        return maxEpisodeSteps > 0 ? TimeLimit.of(env, maxEpisodeSteps) : env;
    }
}
