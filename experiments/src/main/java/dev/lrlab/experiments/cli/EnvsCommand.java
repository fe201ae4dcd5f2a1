package dev.lrlab.experiments.cli;

import dev.lrlab.agents.Registries;
import dev.lrlab.env.registry.Kind;
import dev.lrlab.env.registry.Registry;
import picocli.CommandLine.Command;

/** {@code lrlab envs}: the environments a spec can name, with their settings. */
@Command(name = "envs", mixinStandardHelpOptions = true,
        description = "List the environment ids, each with a line on what it is and the settings a spec may give "
                + "it (environment: {id: ..., key: value}), with their types and defaults.")
final class EnvsCommand extends ListCommand {

    @Override
    Registry<? extends Kind> registry(Registries registries) {
        return registries.environments();
    }
}
