package dev.lrlab.experiments.cli;

import dev.lrlab.agents.Registries;
import dev.lrlab.env.registry.Kind;
import dev.lrlab.env.registry.Registry;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What the list verbs share: load the registries, print one registry's kinds with their keys. */
abstract class ListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KindListing.Options options = new KindListing.Options();

    /** The registry this verb lists. */
    abstract Registry<? extends Kind> registry(Registries registries);

    /** What follows the listing of all kinds (the kinds an agent's settings take, say); nothing by default. */
    void after(Registries registries, PrintWriter out) {
    }

    @Override
    public Integer call() {
        Registries registries = Registries.load();
        PrintWriter out = spec.commandLine().getOut();
        KindListing.print(out, registry(registries), options, null);
        if (options.name == null && !options.json) {
            after(registries, out);
        }
        return 0;
    }
}
