package dev.lrlab.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The report's statistics, pinned: summary.csv and curves.csv of two fixture runs as the report
 * wrote them when it held every trial in memory (see the fixture's README). The streaming report
 * must write them byte for byte.
 */
class ReportFixtureTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"large", "small"})
    void theStreamingReportWritesTheStatisticsOfTheReportThatHeldEveryTrial(String name) throws Exception {
        Path fixture = Path.of("src/test/resources/report-fixture", name);
        Path run = tmp.resolve(name);
        try (Stream<Path> files = Files.walk(fixture)) {
            for (Path f : files.toList()) {
                Path to = run.resolve(fixture.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        RunData data = RunData.load(run);
        Report.Result r = Report.write(data, ReportOptions.DEFAULTS);
        assertEquals(Files.readString(fixture.resolve("expected-summary.csv")), Files.readString(r.dir().resolve("summary.csv")));
        assertEquals(Files.readString(fixture.resolve("expected-curves.csv")), Files.readString(r.dir().resolve("curves.csv")));
        if (name.equals("large")) {
            Analysis.Group g = Analysis.of(data.scope(), data::forEach, ReportOptions.DEFAULTS.resolvedFor(data)).groups().get(0);
            assertEquals(110, g.completedCount());
            assertEquals(Analysis.RETAINED, g.completed().size(), "single-trial figures keep the lowest seeds");
            assertEquals(0, g.completed().get(0).seed());
            assertTrue(Files.readString(r.dir().resolve("summary.md")).contains("their 100 lowest seeds"));
        }
    }
}
