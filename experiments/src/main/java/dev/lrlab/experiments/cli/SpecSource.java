package dev.lrlab.experiments.cli;

import dev.lrlab.agents.schedule.ScheduleKinds;
import dev.lrlab.experiments.spec.ExperimentSpec;
import dev.lrlab.experiments.spec.SpecException;
import dev.lrlab.experiments.spec.SpecReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Where a spec comes from: a file, or the built-in default sweep. */
final class SpecSource {

    /** The example that `lrlab run` runs when given no spec. */
    static final String DEFAULT = "examples/cliff-walking-alpha.yaml";

    private SpecSource() {
    }

    /** Reads and validates; bad specs become one message with every problem and exit code 2. */
    static ExperimentSpec read(Path file, ScheduleKinds kinds) {
        SpecReader reader = SpecReader.of(kinds);
        try {
            if (file != null) {
                return reader.read(file);
            }
            try (InputStream in = SpecSource.class.getResourceAsStream("/" + DEFAULT)) {
                if (in == null) {
                    throw new IllegalStateException("the built-in spec " + DEFAULT + " is missing from the jar");
                }
                return reader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "(built-in) " + DEFAULT);
            }
        } catch (SpecException e) {
            throw new UserInputException(e.getMessage());
        } catch (IOException e) {
            throw new UserInputException("cannot read the built-in spec: " + e.getMessage());
        }
    }
}
