package dev.lrlab.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lrlab.experiments.cli.Lrlab;
import dev.lrlab.reports.results.TrialRecord;
import dev.lrlab.reports.results.TrialsFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts {@code lrlab run} as a separate process, kills it with SIGKILL mid-sweep, runs the same
 * command again, and compares with an uninterrupted run: the same trials, none lost, none twice.
 */
class KillAndResumeTest {

    private static final String SPEC = """
            name: kill-me
            environment: four-rooms
            agents:
              - { type: q-learning, gamma: 0.99 }
              - { type: sarsa, gamma: 0.99 }
            sweep: { learning-rates: [0.05, 0.1, 0.2, 0.4], seeds: 40 }
            budget: { episodes: 300 }
            """;

    @TempDir
    Path tmp;

    @Test
    void sigkillMidSweepThenRerunEqualsAnUninterruptedRun() throws Exception {
        Path spec = Specs.write(tmp, "kill.yaml", SPEC);
        Path killed = tmp.resolve("killed");
        Path file = killed.resolve(TrialsFile.NAME);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Lrlab.class.getName(), "run", spec.toString(), "--out", killed.toString(), "--threads", "1")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("killed.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long lines = 0;
        while (System.nanoTime() < deadline && p.isAlive()) {
            lines = Files.exists(file) ? Files.lines(file).count() : 0;
            if (lines >= 20) {
                break;
            }
            Thread.sleep(5);
        }
        p.destroyForcibly(); // SIGKILL on Unix: no shutdown hook runs
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        long atKill = TrialsFile.read(file).records().size();
        assertTrue(atKill >= 20 && atKill < 320, "killed mid-sweep with " + atKill + " of 320 trials written");

        StringWriter err = new StringWriter();
        int code = Lrlab.execute(new PrintWriter(new StringWriter()), new PrintWriter(err),
                "run", spec.toString(), "--out", killed.toString(), "--threads", "2");
        assertEquals(0, code, err.toString());
        assertTrue(err.toString().contains("already done"), err.toString());

        Path whole = tmp.resolve("whole");
        assertEquals(0, Lrlab.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                "run", spec.toString(), "--out", whole.toString(), "--threads", "2"));

        List<TrialRecord> records = TrialsFile.read(file).records();
        assertEquals(320, records.size(), "none lost, none twice");
        assertEquals(320, new HashSet<>(records.stream().map(TrialRecord::key).toList()).size());
        assertEquals(Specs.canonical(whole), Specs.canonical(killed));
    }
}
