package dev.lrlab.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lrlab.experiments.cli.Lrlab;
import dev.lrlab.experiments.spec.ExperimentPlan;
import dev.lrlab.reports.ReportException;
import dev.lrlab.reports.RunData;
import dev.lrlab.reports.results.Manifest;
import dev.lrlab.reports.results.RunResults;
import dev.lrlab.reports.results.TrialsFile;
import java.nio.file.StandardCopyOption;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run directory holds one run's trials: never two runs at once, never trials of another spec, never a trial twice. */
class RunDirectoryTest {

    @TempDir
    Path tmp;

    private SweepSummary run(ExperimentPlan plan, Path out, boolean forceNew) throws Exception {
        return new SweepRunner(plan, new SweepRunner.Options(out, 2, forceNew, false),
                new PrintWriter(new StringWriter())).run();
    }

    @Test
    void aSecondRunIntoTheSameDirectoryStopsAndNamesTheHolder() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("run"));
        try (RunLock held = RunLock.acquire(dir)) {
            RunDirectoryException e = assertThrows(RunDirectoryException.class,
                    () -> run(Specs.parse(Specs.SMALL), dir, false));
            assertTrue(e.getMessage().contains("is in use by another lrlab run (pid " + ProcessHandle.current().pid()),
                    e.getMessage());
            assertFalse(RunResults.present(dir), "nothing was written");
        }
        assertEquals(12, run(Specs.parse(Specs.SMALL), dir, false).completed(), "free again once released");
    }

    @Test
    void aRunningProcessHoldsItsDirectoryAndAKilledOneDoesNot() throws Exception {
        Path spec = Specs.write(tmp, "slow.yaml", """
                name: slow
                environment: four-rooms
                agent: { type: q-learning, gamma: 0.99 }
                sweep: { learning-rates: [0.05, 0.1], seeds: 200 }
                budget: { episodes: 300 }
                """);
        Path dir = tmp.resolve("busy");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Lrlab.class.getName(), "run",
                spec.toString(), "--out", dir.toString(), "--threads", "1", "--no-report")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("busy.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline && p.isAlive()
                    && !RunResults.present(dir)) {
                Thread.sleep(10);
            }
            assertTrue(p.isAlive(), "the first run is still going");
            StringWriter err = new StringWriter();
            int code = Lrlab.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "run", spec.toString(),
                    "--out", dir.toString(), "--no-report");
            assertEquals(2, code, err.toString());
            assertTrue(err.toString().contains("is in use by another lrlab run (pid " + p.pid()), err.toString());
            assertFalse(err.toString().contains("interrupted"), "nothing was interrupted: " + err);
        } finally {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        // killed with SIGKILL, the first run's lock went with it: the same command resumes
        int code = Lrlab.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "run",
                spec.toString(), "--out", dir.toString(), "--no-report", "--threads", "2");
        assertEquals(0, code);
        assertEquals(400, dev.lrlab.reports.results.RunResults.read(dir).records().size());
    }

    @Test
    void trialsWithoutTheirManifestAreNeverMerged() throws Exception {
        Path dir = tmp.resolve("run");
        run(Specs.parse(Specs.SMALL), dir, false);
        Files.delete(dir.resolve(Manifest.NAME));
        // the same trials under another master seed would have been taken as done
        ExperimentPlan reseeded = Specs.parse(Specs.SMALL + "seed: 5\n");
        RunDirectoryException e = assertThrows(RunDirectoryException.class, () -> run(reseeded, dir, false));
        assertTrue(e.getMessage().contains("(manifest): absent"), e.getMessage());
        assertEquals(12, run(reseeded, dir, true).completed(), "--force-new starts afresh");
    }

    @Test
    void theMasterSeedIsPartOfEveryKey() {
        List<String> zero = Trial.all(Specs.parse(Specs.SMALL)).stream().map(Trial::key).toList();
        List<String> five = Trial.all(Specs.parse(Specs.SMALL + "seed: 5\n")).stream().map(Trial::key).toList();
        assertTrue(zero.stream().noneMatch(five::contains));
    }

    @Test
    void aJournalEntryThatIsNotATrialIsDamageNotATornWrite() throws Exception {
        Path dir = tmp.resolve("run");
        run(Specs.parse(Specs.SMALL), dir, false);
        Path file = Files.createDirectories(dir.resolve(RunResults.JOURNAL)).resolve("segment-000000.bin");
        Files.writeString(file, "GARBAGE, NOT A TRIAL\n");
        RunDirectoryException e = assertThrows(RunDirectoryException.class, () -> run(Specs.parse(Specs.SMALL), dir, false));
        assertTrue(e.getMessage().contains("are damaged") && e.getMessage().contains("entry 1: not a trial entry"),
                e.getMessage());
        assertEquals("GARBAGE, NOT A TRIAL\n", Files.readString(file), "nothing was cut off");
    }

    @Test
    void aCutOffPartIsDamageThatRunRefusesAndReportSkipsNamingIt() throws Exception {
        Path dir = tmp.resolve("run");
        run(Specs.parse(Specs.SMALL), dir, false);
        Path part = dir.resolve(RunResults.TRIALS).resolve("part-00000.parquet");
        byte[] bytes = Files.readAllBytes(part);
        Files.write(part, java.util.Arrays.copyOf(bytes, bytes.length - 20));
        RunDirectoryException e = assertThrows(RunDirectoryException.class, () -> run(Specs.parse(Specs.SMALL), dir, false));
        assertTrue(e.getMessage().contains("trials/part-00000.parquet") && e.getMessage().contains("not a complete Parquet file"),
                e.getMessage());
        assertEquals(bytes.length - 20, Files.size(part), "nothing was rewritten");
        ReportException r = assertThrows(ReportException.class, () -> RunData.load(dir));
        assertTrue(r.getMessage().contains("no finished trials") && r.getMessage().contains("not a complete Parquet file"),
                r.getMessage());
    }

    @Test
    void aCompleteLineOfAnOldJsonlFileThatIsNotARecordIsDamage() throws Exception {
        Path dir = tmp.resolve("run");
        run(Specs.parse(Specs.SMALL), dir, false);
        Path file = dir.resolve(TrialsFile.NAME);
        Files.writeString(file, "GARBAGE\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        RunDirectoryException e = assertThrows(RunDirectoryException.class, () -> run(Specs.parse(Specs.SMALL), dir, false));
        assertTrue(e.getMessage().contains("are damaged") && e.getMessage().contains("trials.jsonl line 1: not a trial record"),
                e.getMessage());
        assertTrue(Files.readString(file).endsWith("GARBAGE\n"), "nothing was cut off");
    }

    @Test
    void aDuplicatedOrForeignPartIsRefusedByRunAndByReport() throws Exception {
        Path dir = tmp.resolve("run");
        run(Specs.parse(Specs.SMALL), dir, false);
        Path parts = dir.resolve(RunResults.TRIALS);
        Path copy = parts.resolve("part-00001.parquet");
        Files.copy(parts.resolve("part-00000.parquet"), copy);
        RunDirectoryException e = assertThrows(RunDirectoryException.class, () -> run(Specs.parse(Specs.SMALL), dir, false));
        assertTrue(e.getMessage().contains("trials/part-00000.parquet row 4 and trials/part-00001.parquet row 4 are the same trial"),
                e.getMessage());
        ReportException r = assertThrows(ReportException.class, () -> RunData.load(dir));
        assertTrue(r.getMessage().contains("trials/part-00000.parquet row 4 and trials/part-00001.parquet row 4 are the same trial"),
                r.getMessage());

        // trials pasted from another run: another agent, which this spec does not have
        Path other = tmp.resolve("other");
        run(Specs.parse(Specs.SMALL.replace("type: sarsa", "type: expected-sarsa")), other, false);
        Files.copy(other.resolve(RunResults.TRIALS).resolve("part-00000.parquet"), copy, StandardCopyOption.REPLACE_EXISTING);
        e = assertThrows(RunDirectoryException.class, () -> run(Specs.parse(Specs.SMALL), dir, false));
        assertTrue(e.getMessage().contains("trials/part-00001.parquet row 1 is a trial this spec does not have (expected-sarsa"),
                e.getMessage());
        r = assertThrows(ReportException.class, () -> RunData.load(dir));
        assertTrue(r.getMessage().contains("trials/part-00001.parquet row 1 is not a trial of this run's spec"), r.getMessage());
    }

    @Test
    void aRunDirectoryErrorSaysNothingOfAnInterruptAndAManifestErrorNoLinks() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("run"));
        Files.writeString(dir.resolve(Manifest.NAME), "{ this is not json");
        Path spec = Specs.write(tmp, "s.yaml", Specs.SMALL);
        // in a process of its own, so that what its shutdown hook would print is seen too
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Lrlab.class.getName(), "run",
                spec.toString(), "--out", dir.toString(), "--no-report").redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, p.waitFor());
        assertTrue(output.contains("manifest.json is not an lrlab manifest"), output);
        assertFalse(output.contains("https://"), output);
        assertFalse(output.contains("interrupted"), output);
        assertFalse(Files.exists(dir.resolve(Manifest.NAME + ".tmp")));
    }
}
