package dev.lrlab.experiments.cli;

import dev.lrlab.agents.Registries;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code lrlab envs}: the environments a spec can name, with their settings. */
@Command(name = "envs", mixinStandardHelpOptions = true,
        description = "List the environment ids, each with a line on what it is and the settings a spec may give "
                + "it (environment: {id: ..., key: value}), with their types and defaults.")
final class EnvsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KindListing.Options options = new KindListing.Options();

    @Override
    public Integer call() {
        KindListing.print(spec.commandLine().getOut(), Registries.load().environments(), options, null);
        return 0;
    }
}
