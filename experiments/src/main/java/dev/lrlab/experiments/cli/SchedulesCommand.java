package dev.lrlab.experiments.cli;

import dev.lrlab.agents.Registries;
import dev.lrlab.env.registry.Kind;
import dev.lrlab.env.registry.Registry;
import picocli.CommandLine.Command;

/** {@code lrlab schedules}: the step-size schedule kinds, with their settings. */
@Command(name = "schedules", mixinStandardHelpOptions = true,
        description = "List the schedule kinds a spec can name (learning-rate: {schedule: {type: ...}}, or for "
                + "any scheduled setting such as epsilon), each with its settings, their types and defaults.")
final class SchedulesCommand extends ListCommand {

    @Override
    Registry<? extends Kind> registry(Registries registries) {
        return registries.schedules();
    }
}
