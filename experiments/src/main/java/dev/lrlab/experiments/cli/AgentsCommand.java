package dev.lrlab.experiments.cli;

import dev.lrlab.agents.Registries;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code lrlab agents}: the agent types, with their settings and the explorations and feature maps they take. */
@Command(name = "agents", mixinStandardHelpOptions = true,
        description = "List the agent types a spec can name (agent: {type: ...}), each with its settings, their "
                + "types and defaults; then the exploration kinds and feature maps those settings take.")
final class AgentsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KindListing.Options options = new KindListing.Options();

    @Override
    public Integer call() {
        Registries r = Registries.load();
        PrintWriter out = spec.commandLine().getOut();
        KindListing.print(out, r.agents(), options, null);
        if (options.name == null && !options.json) {
            out.println();
            KindListing.print(out, r.explorations(), options, "exploration kinds (exploration: {type: ...}):");
            out.println();
            KindListing.print(out, r.features(), options, "feature maps (features: {type: ...}):");
        }
        return 0;
    }
}
