package dev.lrlab.experiments.cli;

import dev.lrlab.env.EnvironmentPreset;

/** Looks up registered ids for the CLI, turning an unknown id into a message listing the known ones. */
final class Presets {

    private Presets() {
    }

    static EnvironmentPreset environment(String id) {
        return EnvironmentPreset.byId(id).orElseThrow(() -> new UserInputException(
                "unknown environment '" + id + "'; known: " + String.join(", ", EnvironmentPreset.ids())));
    }
}
