package dev.lrlab.experiments.cli;

import dev.lrlab.agents.Registries;
import dev.lrlab.env.registry.Kind;
import dev.lrlab.env.registry.Registry;
import picocli.CommandLine.Command;

/** {@code lrlab optimizers}: the optimizers, with the hyperparameters each takes. */
@Command(name = "optimizers", mixinStandardHelpOptions = true,
        description = "List the optimizers a spec can name (optimizer: {type: ...}), each with the hyperparameters "
                + "its update rule uses, their types and defaults.")
final class OptimizersCommand extends ListCommand {

    @Override
    Registry<? extends Kind> registry(Registries registries) {
        return registries.optimizers();
    }
}
