package dev.lrlab.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lrlab.experiments.cli.Lrlab;
import dev.lrlab.reports.results.TrialRecord;
import dev.lrlab.reports.results.RunResults;
import dev.lrlab.reports.results.TrialsWriter;
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

    private Process start(Path spec, Path out, Path log) throws java.io.IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-D" + TrialsWriter.PART_TRIALS_PROPERTY + "=50", "-cp", System.getProperty("java.class.path"),
                Lrlab.class.getName(), "run", spec.toString(), "--out", out.toString(), "--threads", "1", "--no-report")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static long waitForTrials(Process p, Path dir, int trials) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long n = 0;
        while (System.nanoTime() < deadline && p.isAlive()) {
            try {
                n = RunResults.read(dir).records().size();
            } catch (java.io.IOException renamedWhileRead) {
                n = 0;
            }
            if (n >= trials) {
                break;
            }
            Thread.sleep(5);
        }
        return n;
    }

    @Test
    void terminationSignalStopsCleanlyKeepingEveryFinishedTrial() throws Exception {
        // SIGTERM runs the same shutdown hook as Ctrl-C's SIGINT
        Path spec = Specs.write(tmp, "term.yaml", SPEC);
        Path dir = tmp.resolve("term");
        Path log = tmp.resolve("term.log");
        Process p = start(spec, dir, log);
        waitForTrials(p, dir, 10);
        p.destroy();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(143, p.exitValue(), "exit status of a JVM ended by SIGTERM");
        assertTrue(Files.readString(log).contains("interrupted; finished trials are kept"), Files.readString(log));
        RunResults.Contents c = RunResults.read(dir);
        assertEquals(null, c.torn(), "a clean stop leaves no torn entry");
        assertFalse(Files.exists(dir.resolve(RunResults.JOURNAL)), "a clean stop writes its last part");
        assertTrue(c.records().size() >= 10 && c.records().size() < 320, c.records().size() + " trials kept");
        assertEquals(null, dev.lrlab.reports.results.Manifest.read(dir).endedAt(), "an interrupted run has not ended");
    }

    @Test
    void sigkillMidSweepThenRerunEqualsAnUninterruptedRun() throws Exception {
        Path spec = Specs.write(tmp, "kill.yaml", SPEC);
        Path killed = tmp.resolve("killed");
        Process p = start(spec, killed, tmp.resolve("killed.log"));
        waitForTrials(p, killed, 120); // past two parts of 50: some in parts, some in the journal
        p.destroyForcibly(); // SIGKILL on Unix: no shutdown hook runs
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        long atKill = RunResults.read(killed).records().size();
        assertTrue(atKill >= 120 && atKill < 320, "killed mid-sweep with " + atKill + " of 320 trials written");
        assertTrue(Files.exists(killed.resolve(RunResults.TRIALS).resolve("part-00000.parquet")), "a part was published");

        StringWriter err = new StringWriter();
        int code = Lrlab.execute(new PrintWriter(new StringWriter()), new PrintWriter(err),
                "run", spec.toString(), "--out", killed.toString(), "--threads", "2");
        assertEquals(0, code, err.toString());
        assertTrue(err.toString().contains("already done"), err.toString());

        Path whole = tmp.resolve("whole");
        assertEquals(0, Lrlab.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                "run", spec.toString(), "--out", whole.toString(), "--threads", "2"));

        List<TrialRecord> records = RunResults.read(killed).records();
        assertEquals(320, records.size(), "none lost, none twice");
        assertEquals(320, new HashSet<>(records.stream().map(TrialRecord::key).toList()).size());
        assertEquals(Specs.canonical(whole), Specs.canonical(killed));
    }
}
