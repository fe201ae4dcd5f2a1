package dev.lrlab.experiments.run;

import dev.lrlab.agents.Registries;
import dev.lrlab.experiments.spec.ExperimentPlan;
import dev.lrlab.experiments.spec.SpecException;
import dev.lrlab.experiments.spec.SpecReader;
import dev.lrlab.reports.results.ResultsJson;
import dev.lrlab.reports.results.TrialRecord;
import dev.lrlab.reports.results.RunResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/** Small specs and result helpers shared by the runner tests. */
final class Specs {

    private Specs() {
    }

    static final String SMALL = """
            name: small
            environment: cliff-walking
            agents:
              - { type: sarsa, gamma: 1.0 }
              - { type: q-learning, gamma: 1.0 }
            sweep: { learning-rates: [0.1, 0.5], seeds: 3 }
            budget: { episodes: 50, max-episode-steps: 500 }
            evaluation: { every: 25, episodes: 2 }
            """;

    static final Registries KINDS = Registries.load();

    static ExperimentPlan parse(String yaml) {
        try {
            return SpecReader.of(KINDS).parse(yaml, "test.yaml");
        } catch (SpecException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** Every record of a run, wall time removed, serialised, sorted by key: comparable byte for byte. */
    static List<String> canonical(Path dir) throws IOException {
        RunResults.Contents c = RunResults.read(dir);
        return c.records().stream().sorted(Comparator.comparing(TrialRecord::key))
                .map(r -> ResultsJson.compact().toJson(r.withoutWallTime())).toList();
    }

    static Path write(Path dir, String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }
}
