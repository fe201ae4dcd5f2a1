package dev.lrlab.experiments.cli;

import dev.lrlab.agents.Registries;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code lrlab schedules}: the step-size schedule kinds, with their settings. */
@Command(name = "schedules", mixinStandardHelpOptions = true,
        description = "List the schedule kinds a spec can name (learning-rate: {schedule: {type: ...}}, or for "
                + "any scheduled setting such as epsilon), each with its settings, their types and defaults.")
final class SchedulesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KindListing.Options options = new KindListing.Options();

    @Override
    public Integer call() {
        KindListing.print(spec.commandLine().getOut(), Registries.load().schedules(), options, null);
        return 0;
    }
}
