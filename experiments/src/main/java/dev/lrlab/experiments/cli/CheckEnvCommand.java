package dev.lrlab.experiments.cli;

import dev.lrlab.env.CheckReport;
import dev.lrlab.env.EnvironmentChecker;
import dev.lrlab.env.EnvironmentKind;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lrlab check-env ID}: runs the environment checker and says what it verified. */
@Command(name = "check-env", mixinStandardHelpOptions = true,
        description = "Check that an environment keeps the contract: same seed same episode, "
                + "observations in their space, finite rewards, terminated/truncated, refusals.")
final class CheckEnvCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "an environment id (see `lrlab envs`)")
    String id;

    @Option(names = "--seed", defaultValue = "0", description = "seed of the checked episodes (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--episodes", defaultValue = "50", description = "random-policy episodes to play (default: ${DEFAULT-VALUE})")
    int episodes;

    @Override
    public Integer call() {
        EnvironmentKind preset = Presets.environment(EnvironmentKind.load(), id);
        if (episodes < 1) {
            throw new UserInputException("--episodes must be at least 1, was " + episodes);
        }
        CheckReport report = EnvironmentChecker.check(preset::create, seed, episodes);
        PrintWriter out = spec.commandLine().getOut();
        out.println(preset.name() + ": " + preset.summary());
        report.verified().forEach(line -> out.println("  ok    " + line));
        report.problems().forEach(line -> out.println("  FAIL  " + line));
        out.println(report.passed()
                ? "passed: " + report.verified().size() + " checks"
                : "failed: " + report.problems().size() + " problem(s)");
        return report.passed() ? 0 : 1;
    }
}
