package dev.lrlab.experiments.cli;

import dev.lrlab.agents.Registries;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code lrlab optimizers}: the optimizers, with the hyperparameters each takes. */
@Command(name = "optimizers", mixinStandardHelpOptions = true,
        description = "List the optimizers a spec can name (optimizer: {type: ...}), each with the hyperparameters "
                + "its update rule uses, their types and defaults.")
final class OptimizersCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KindListing.Options options = new KindListing.Options();

    @Override
    public Integer call() {
        KindListing.print(spec.commandLine().getOut(), Registries.load().optimizers(), options, null);
        return 0;
    }
}
