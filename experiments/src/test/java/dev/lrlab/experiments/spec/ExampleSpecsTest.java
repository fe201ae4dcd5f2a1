package dev.lrlab.experiments.spec;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lrlab.agents.Registries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every shipped example validates, and says in a comment what it shows. */
class ExampleSpecsTest {

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("examples"))) {
            List<Path> list = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            assertTrue(list.size() >= 3, "expected the example specs in experiments/examples");
            return list.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void validatesAndExplainsItself(Path file) throws Exception {
        ExperimentPlan spec = SpecReader.of(Registries.load()).read(file);
        assertTrue(dev.lrlab.experiments.run.Preflight.problems(spec).isEmpty());
        assertTrue(spec.trialCount() > 0);
        assertTrue(Files.readString(file).startsWith("# What it shows:"), file + " needs its explanation");
    }
}
