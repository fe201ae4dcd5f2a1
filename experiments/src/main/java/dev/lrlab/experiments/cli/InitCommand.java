package dev.lrlab.experiments.cli;

import dev.lrlab.agents.AgentKind;
import dev.lrlab.agents.Registries;
import dev.lrlab.experiments.spec.SpecException;
import dev.lrlab.experiments.spec.SpecReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lrlab init [FILE]}: a commented starter spec that validates as written. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Write a commented starter spec: a learning-rate sweep of one agent on one environment, "
                + "every section explained, ready for `lrlab validate` and `lrlab run`.")
final class InitCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Parameters(paramLabel = "FILE", arity = "0..1", defaultValue = "experiment.yaml",
            description = "where to write it (default: ${DEFAULT-VALUE}); an existing file is never overwritten")
    Path file;

    @Option(names = "--env", paramLabel = "ID", defaultValue = "cliff-walking",
            description = "the environment (default: ${DEFAULT-VALUE}; see `lrlab envs`)")
    String environment;

    @Option(names = "--agent", paramLabel = "TYPE", defaultValue = "q-learning",
            description = "the agent (default: ${DEFAULT-VALUE}; see `lrlab agents`)")
    String agent;

    @Override
    public Integer call() {
        Registries kinds = Registries.load();
        Presets.environment(kinds.environments(), environment);
        AgentKind kind = kinds.agents().byName(agent)
                .orElseThrow(() -> new UserInputException(kinds.agents().unknown(agent)));
        String name = file.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "")
                .replaceAll("[^A-Za-z0-9._-]", "-").replaceFirst("^[^A-Za-z0-9]+", "");
        boolean frames = environment.equals("breakout");
        double typical = kind.typicalRate();
        String text = template()
                .replace("__NAME__", name.isEmpty() ? "experiment" : name)
                .replace("__FILE__", file.toString())
                .replace("__ENVIRONMENT__", environment)
                .replace("__AGENT__", agent)
                .replace("  gamma: __GAMMA__\n", kind.keys().stream().anyMatch(k -> k.name().equals("gamma"))
                        ? "  gamma: " + (frames ? "0.99" : "1.0") + "\n" : "")
                .replace("__FROM__", rate(typical / 8))
                .replace("__TO__", rate(typical * 8))
                .replace("__BUDGET__", frames ? "steps: 200000" : "episodes: 500, max-episode-steps: 1000");
        try {
            // a starter that does not validate helps nobody: say why (an agent that needs discrete states
            // on Breakout, say) and write nothing
            SpecReader.of(kinds).parse(text, file.toString());
        } catch (SpecException e) {
            throw new UserInputException(agent + " on " + environment + " makes no valid spec: " + e.getMessage());
        }
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            throw new UserInputException(file + " exists; give another file name (init never overwrites)");
        } catch (IOException e) {
            throw new UserInputException("cannot write " + file + ": " + e.getMessage());
        }
        command.commandLine().getOut().printf("wrote %s: %s on %s, 7 learning rates x 10 seeds; next: ./lrlab "
                + "validate %s%n", file, agent, environment, file);
        return 0;
    }

    private static String rate(double r) {
        return String.format(Locale.ROOT, "%.3g", r);
    }

    private static String template() {
        try (InputStream in = InitCommand.class.getResourceAsStream("/init/starter.yaml")) {
            if (in == null) {
                throw new IllegalStateException("the starter spec is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the starter spec", e);
        }
    }
}
