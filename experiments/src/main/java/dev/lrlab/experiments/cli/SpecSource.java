package dev.lrlab.experiments.cli;

import dev.lrlab.agents.Registries;
import dev.lrlab.experiments.run.Preflight;
import dev.lrlab.experiments.spec.ExperimentPlan;
import dev.lrlab.experiments.spec.SpecException;
import dev.lrlab.experiments.spec.SpecReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Where a spec comes from: a file, or the built-in default sweep. */
final class SpecSource {

    /** The example that `lrlab run` runs when given no spec. */
    static final String DEFAULT = "examples/cliff-walking-alpha.yaml";

    private SpecSource() {
    }

    /**
     * Reads, validates and checks the plan's built parts (the metrics its schedules watch); bad
     * specs become one message with every problem and exit code 2.
     */
    static ExperimentPlan read(Path file, Registries registries) {
        return read(file, registries, List.of());
    }

    /** As {@link #read(Path, Registries)}, with {@code --set PATH=VALUE} overrides. */
    static ExperimentPlan read(Path file, Registries registries, List<String> overrides) {
        SpecReader reader = SpecReader.of(registries);
        String source = file == null ? "(built-in) " + DEFAULT : file.toString();
        ExperimentPlan plan;
        try {
            if (file != null) {
                plan = reader.read(file, overrides);
            } else {
                try (InputStream in = SpecSource.class.getResourceAsStream("/" + DEFAULT)) {
                    if (in == null) {
                        throw new IllegalStateException("the built-in spec " + DEFAULT + " is missing from the jar");
                    }
                    plan = reader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), source, overrides);
                }
            }
        } catch (SpecException e) {
            throw new UserInputException(e.getMessage());
        } catch (IOException e) {
            throw new UserInputException("cannot read the built-in spec: " + e.getMessage());
        }
        List<String> problems = Preflight.problems(plan);
        if (!problems.isEmpty()) {
            throw new UserInputException(new SpecException(source, problems).getMessage());
        }
        return plan;
    }
}
