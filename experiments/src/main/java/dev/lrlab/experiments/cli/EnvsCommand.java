package dev.lrlab.experiments.cli;

import dev.lrlab.env.EnvironmentPreset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lrlab envs}: the environment ids a spec can use. */
@Command(name = "envs", mixinStandardHelpOptions = true,
        description = "List the environment ids, with a one-line description each.")
final class EnvsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        int width = EnvironmentPreset.ids().stream().mapToInt(String::length).max().orElse(0);
        for (EnvironmentPreset preset : EnvironmentPreset.values()) {
            spec.commandLine().getOut().printf("%-" + width + "s  %s%n", preset.id(), preset.description());
        }
        return 0;
    }
}
