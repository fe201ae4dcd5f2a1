package dev.lrlab.experiments.cli;

import dev.lrlab.agents.schedule.ScheduleKinds;
import dev.lrlab.experiments.spec.ExperimentSpec;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lrlab validate SPEC}: every check {@code run} makes before it starts, and nothing else. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a spec without running it: every mistake is listed with its key's path; "
                + "exit code 2 if there is any.")
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Parameters(paramLabel = "SPEC", description = "a YAML or JSON experiment spec")
    Path file;

    @Override
    public Integer call() {
        ExperimentSpec spec = SpecSource.read(file, ScheduleKinds.load());
        command.commandLine().getOut().printf("%s: valid; %d trials (%d agents x %d schedules x %d rates x %d seeds) "
                        + "on %s, output %s%n", file, spec.trialCount(), spec.agents().size(),
                spec.schedules().size(), spec.learningRates().length, spec.seeds().length,
                spec.environment().id(), spec.output());
        return 0;
    }
}
