package dev.lrlab.experiments.cli;

import dev.lrlab.env.EnvironmentKind;
import dev.lrlab.env.registry.Registry;

/** Looks up registered ids for the CLI, turning an unknown id into a message listing the known ones. */
final class Presets {

    private Presets() {
    }

    static EnvironmentKind environment(Registry<EnvironmentKind> environments, String id) {
        return environments.byName(id).orElseThrow(() -> new UserInputException(environments.unknown(id)));
    }
}
