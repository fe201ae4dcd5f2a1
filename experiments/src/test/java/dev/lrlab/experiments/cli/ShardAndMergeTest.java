package dev.lrlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lrlab.reports.results.Manifest;
import dev.lrlab.reports.results.ResultsJson;
import dev.lrlab.reports.results.TrialRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep in shards, merged, is the sweep run on one machine, trial for trial. */
class ShardAndMergeTest {

    @TempDir
    Path tmp;

    private Path spec() throws Exception {
        return Files.writeString(tmp.resolve("spec.yaml"), """
                name: sharded
                environment: cliff-walking
                agents: [{ type: sarsa, gamma: 1.0 }, { type: q-learning, gamma: 1.0 }]
                sweep: { learning-rates: [0.1, 0.5, 0.9], seeds: 4 }
                budget: { episodes: 30, max-episode-steps: 500 }
                evaluation: { every: 10, episodes: 2 }
                """);
    }

    private static List<String> canonical(Path dir) throws Exception {
        return dev.lrlab.reports.results.RunResults.read(dir).records().stream()
                .sorted(Comparator.comparing(TrialRecord::key))
                .map(r -> ResultsJson.compact().toJson(r.withoutWallTime())).toList();
    }

    private void shard(Path spec, int i, int n, String threads) {
        CliRunner r = CliRunner.run("run", spec.toString(), "--shard", i + "/" + n, "--out",
                tmp.resolve("s" + i).toString(), "--no-report", "--threads", threads);
        assertEquals(0, r.exitCode(), r.err());
    }

    @Test
    void threeShardsMergedEqualOneRun() throws Exception {
        Path spec = spec();
        assertEquals(0, CliRunner.run("run", spec.toString(), "--out", tmp.resolve("whole").toString(),
                "--no-report").exitCode());
        for (int i = 0; i < 3; i++) {
            shard(spec, i, 3, i == 1 ? "1" : "2");
        }
        assertEquals(8, dev.lrlab.reports.results.RunResults.read(tmp.resolve("s0")).records().size(), "24 / 3");
        assertEquals("1/3", Manifest.read(tmp.resolve("s1")).shard());
        CliRunner r = CliRunner.run("merge", tmp.resolve("s0").toString(), tmp.resolve("s1").toString(),
                tmp.resolve("s2").toString(), "--out", tmp.resolve("merged").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("merged 3 shards: 24 of 24 trials"), r.out());
        assertEquals(canonical(tmp.resolve("whole")), canonical(tmp.resolve("merged")));
        // what the Slurm check compares: the export of either run, sorted, without wall time
        CliRunner whole = CliRunner.run("export", "--sorted", tmp.resolve("whole").toString());
        CliRunner joined = CliRunner.run("export", "--sorted", tmp.resolve("merged").toString());
        assertEquals(0, whole.exitCode(), whole.err());
        assertEquals(whole.out(), joined.out());
        assertEquals(24, whole.out().lines().count());
        assertEquals(canonical(tmp.resolve("whole")), whole.out().lines().toList());
        // unsorted, part by part, wall times kept: the same trials
        CliRunner streamed = CliRunner.run("export", tmp.resolve("whole").toString());
        assertEquals(0, streamed.exitCode(), streamed.err());
        assertEquals(canonical(tmp.resolve("whole")), streamed.out().lines()
                .map(l -> ResultsJson.compact().fromJson(l, TrialRecord.class).withoutWallTime())
                .sorted(Comparator.comparing(TrialRecord::key)).map(t -> ResultsJson.compact().toJson(t)).toList());
        CliRunner none = CliRunner.run("export", tmp.resolve("nothing-here").toString());
        assertEquals(2, none.exitCode());
        assertTrue(none.err().contains("holds no trials"), none.err());
        Manifest merged = Manifest.read(tmp.resolve("merged"));
        assertEquals(null, merged.shard());
        assertEquals(24, merged.trialsPlanned());
        assertTrue(Files.exists(tmp.resolve("merged").resolve("report").resolve("report.html")), "and its report");
    }

    @Test
    void overlapsMissingTrialsAndOtherSpecsAreRefused() throws Exception {
        Path spec = spec();
        shard(spec, 0, 2, "2");
        shard(spec, 1, 2, "2");
        CliRunner r = CliRunner.run("merge", tmp.resolve("s0").toString(), tmp.resolve("s0").toString(),
                "--out", tmp.resolve("m1").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("shards must not overlap"), r.err());

        r = CliRunner.run("merge", tmp.resolve("s0").toString(), "--out", tmp.resolve("m2").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("12 of 24 trials are missing (shard 1/2: 12)"), r.err());
        r = CliRunner.run("merge", tmp.resolve("s0").toString(), "--out", tmp.resolve("m2").toString(),
                "--allow-missing", "--no-report");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(12, dev.lrlab.reports.results.RunResults.read(tmp.resolve("m2")).records().size());

        Path other = Files.writeString(tmp.resolve("other.yaml"), Files.readString(spec).replace("episodes: 30",
                "episodes: 31"));
        assertEquals(0, CliRunner.run("run", other.toString(), "--shard", "1/2", "--out", tmp.resolve("o1").toString(),
                "--no-report").exitCode());
        r = CliRunner.run("merge", tmp.resolve("s0").toString(), tmp.resolve("o1").toString(), "--out",
                tmp.resolve("m3").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("are not shards of one sweep: they differ in the spec (budget.episodes: 30 vs 31)"),
                r.err());

        r = CliRunner.run("run", spec.toString(), "--shard", "2/2", "--out", tmp.resolve("bad").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--shard 2/2: I must be in 0..1"), r.err());
    }

    @Test
    void partsAreCopiedWholeAndAJournalOrAnOldJsonlShardIsWrittenAfterThem() throws Exception {
        Path spec = spec();
        assertEquals(0, CliRunner.run("run", spec.toString(), "--out", tmp.resolve("whole").toString(),
                "--no-report").exitCode());
        for (int i = 0; i < 3; i++) {
            shard(spec, i, 3, "2");
        }
        // shard 1 as a run killed before its first part: its trials in a journal segment
        Path s1 = tmp.resolve("s1");
        java.io.ByteArrayOutputStream journal = new java.io.ByteArrayOutputStream();
        for (TrialRecord r : dev.lrlab.reports.results.RunResults.read(s1).records()) {
            journal.write(dev.lrlab.reports.results.TrialsWriter.journalEntry(r));
        }
        deleteTree(s1.resolve("trials"));
        deleteTree(s1.resolve("metrics"));
        Files.createDirectories(s1.resolve("journal"));
        Files.write(s1.resolve("journal").resolve("segment-000000.bin"), journal.toByteArray());
        // shard 2 as lrlab wrote it before Parquet
        Path s2 = tmp.resolve("s2");
        StringBuilder lines = new StringBuilder();
        for (TrialRecord r : dev.lrlab.reports.results.RunResults.read(s2).records()) {
            lines.append(ResultsJson.compact().toJson(r)).append('\n');
        }
        deleteTree(s2.resolve("trials"));
        deleteTree(s2.resolve("metrics"));
        Files.writeString(s2.resolve("trials.jsonl"), lines);

        CliRunner r = CliRunner.run("merge", tmp.resolve("s2").toString(), tmp.resolve("s0").toString(), s1.toString(),
                "--out", tmp.resolve("merged").toString(), "--no-report");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(canonical(tmp.resolve("whole")), canonical(tmp.resolve("merged")));
        // shard 0's part, copied byte for byte as the first part (shards go by their index, not the order given)
        assertArrayEquals(Files.readAllBytes(tmp.resolve("s0").resolve("trials").resolve("part-00000.parquet")),
                Files.readAllBytes(tmp.resolve("merged").resolve("trials").resolve("part-00000.parquet")));
        assertFalse(Files.exists(tmp.resolve("merged").resolve("journal")), "the merged run holds parts only");
        assertFalse(Files.exists(tmp.resolve("merged").resolve("trials.jsonl")));
    }

    private static void deleteTree(Path p) throws java.io.IOException {
        try (var s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
