package dev.lrlab.experiments.cli;

import dev.lrlab.agents.Registries;
import dev.lrlab.env.registry.Kind;
import dev.lrlab.env.registry.Registry;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** {@code lrlab agents}: the agent types, with their settings and the explorations and feature maps they take. */
@Command(name = "agents", mixinStandardHelpOptions = true,
        description = "List the agent types a spec can name (agent: {type: ...}), each with its settings, their "
                + "types and defaults; then the exploration kinds and feature maps those settings take.")
final class AgentsCommand extends ListCommand {

    @Override
    Registry<? extends Kind> registry(Registries registries) {
        return registries.agents();
    }

    @Override
    void after(Registries registries, PrintWriter out) {
        out.println();
        KindListing.print(out, registries.explorations(), options, "exploration kinds (exploration: {type: ...}):");
        out.println();
        KindListing.print(out, registries.features(), options, "feature maps (features: {type: ...}):");
    }
}
