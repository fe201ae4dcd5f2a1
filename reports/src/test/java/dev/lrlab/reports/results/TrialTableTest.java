package dev.lrlab.reports.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.gson.Gson;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A trial record through a Parquet part and through a journal entry comes back as it went in. */
class TrialTableTest {

    @TempDir
    Path tmp;

    /** Records that between them use every field, null and empty where a record may have them so. */
    static List<TrialRecord> everyField() {
        Map<String, double[]> values = new LinkedHashMap<>();
        values.put("abs_td_error", new double[] {0.5, Double.NaN, 0.25});
        values.put("effective_step_size_p50", new double[] {1e-3, 2e-3, 3e-3});
        MetricSeries metrics = new MetricSeries(10, new int[] {10, 20, 30}, new long[] {100, 230, 400}, values);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("learning-rate.value", 0.5);
        params.put("agent.exploration.type", "softmax");
        TrialRecord full = new TrialRecord("k1", "cliff-walking", "q-learning", "cosine", 0.5, 7, TrialStatus.completed,
                null, null, new double[] {-100, -13.5, Double.NaN}, new int[] {100, 13, 1000}, 1113, 0.25,
                new Evaluation[] {new Evaluation(50, 5000, -13, 5), new Evaluation(100, 9000, -13, 5)}, null,
                new GridPolicy(new String[] {"S.G", "CCC"}, new String[] {">", "v", "·", "↑", " ", "G"},
                        new double[] {-2, -1, 0, 0, 0, 0}),
                params, metrics, null, null);
        TrialRecord diverged = new TrialRecord("k2", "cliff-walking", "q-learning", "constant", 4.0, 1,
                TrialStatus.diverged, 55L, "Q is NaN at step 55", new double[] {Double.POSITIVE_INFINITY}, new int[] {55},
                55, 0.01, null, null, null, null, new MetricSeries(10, new int[0], new long[0], new LinkedHashMap<>()),
                null, null);
        TrialRecord failed = new TrialRecord("k3", "cliff-walking", "q-learning", "constant", 0.1, 2, TrialStatus.failed,
                null, "boom", new double[0], new int[0], 0, 0.0, null, null, null, Map.of(), null, null,
                new TrialError("java.lang.IllegalStateException", "boom", List.of("a.B.c(B.java:1)")));
        TrialRecord stopped = new TrialRecord("k4", "breakout", "dqn", "constant", 1e-4, 3, TrialStatus.stopped,
                null, "rung", new double[] {1, 2}, new int[] {30, 40}, 70, 1.5, null, null, null, null,
                new MetricSeries(1, new int[] {1, 2}, null, new LinkedHashMap<>(Map.of("loss", new double[] {1, 2}))),
                64L, null);
        return List.of(full, diverged, failed, stopped);
    }

    /** As JSONL has always stored them: the record after a JSON round trip. */
    static String json(TrialRecord r) {
        Gson gson = ResultsJson.compact();
        return gson.toJson(gson.fromJson(gson.toJson(r), TrialRecord.class));
    }

    @Test
    void aPartHoldsEveryFieldAsJsonlDid() throws Exception {
        List<TrialRecord> in = everyField();
        TrialTable.write(in, tmp.resolve("t.parquet"), tmp.resolve("m.parquet"), Map.of());
        List<TrialRecord> out = TrialTable.read(tmp.resolve("t.parquet"), tmp.resolve("m.parquet"));
        assertEquals(in.size(), out.size());
        for (int i = 0; i < in.size(); i++) {
            assertEquals(json(in.get(i)), ResultsJson.compact().toJson(out.get(i)), in.get(i).key());
        }
        assertNull(out.get(2).metrics(), "no series stays no series");
        assertEquals(0, out.get(1).metrics().values().size(), "an empty series stays an empty series");
    }

    @Test
    void aJournalEntryHoldsEveryField() throws Exception {
        for (TrialRecord r : everyField()) {
            TrialRecord back = TrialTable.fromJournalEntry(TrialTable.journalEntry(r), tmp);
            assertEquals(json(r), ResultsJson.compact().toJson(back), r.key());
        }
    }

    /**
     * What a worker appends to the journal is the entry's frame (marker, length, CRC-32) and its
     * encoding, byte for byte, whatever the record's size (a params string past the buffer's first
     * guess makes it grow).
     */
    @Test
    void theJournalHoldsEachEntryFramedAsItsEncoding() throws Exception {
        List<TrialRecord> records = new java.util.ArrayList<>(everyField());
        TrialRecord full = records.get(0);
        Map<String, Object> long_ = new LinkedHashMap<>();
        long_.put("agent.note", "x".repeat(5000));
        records.add(new TrialRecord("k5", full.environment(), full.agent(), full.schedule(), 0.25, 9, TrialStatus.completed,
                null, null, new double[] {1, 2, 3}, new int[] {4, 5, 6}, 15, 0.5, null, null, null, long_, null, null, null));
        java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
        for (TrialRecord r : records) {
            byte[] entry = TrialTable.journalEntry(r);
            byte[] framed = TrialsWriter.journalEntry(r);
            java.nio.ByteBuffer head = java.nio.ByteBuffer.wrap(framed);
            assertEquals(RunResults.ENTRY_MAGIC, head.getInt(), r.key());
            assertEquals(entry.length, head.getInt(), r.key());
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(entry);
            assertEquals((int) crc.getValue(), head.getInt(), r.key());
            assertEquals(12 + entry.length, framed.length, r.key());
            org.junit.jupiter.api.Assertions.assertArrayEquals(entry, java.util.Arrays.copyOfRange(framed, 12, framed.length));
            expected.write(framed);
        }
        Path dir = tmp.resolve("run");
        try (TrialsWriter w = TrialsWriter.open(dir, Map.of())) {
            for (TrialRecord r : records) {
                w.write(r);
            }
            List<Path> segments = RunResults.files(dir.resolve(RunResults.JOURNAL), ".bin");
            assertEquals(1, segments.size());
            org.junit.jupiter.api.Assertions.assertArrayEquals(expected.toByteArray(),
                    java.nio.file.Files.readAllBytes(segments.get(0)), "the segment, flushed after every entry");
        }
    }

    @Test
    void anOldRecordsDiagnosticsAreStoredAsTodaysMetrics() throws Exception {
        Diagnostics d = new Diagnostics(5, new int[] {5, 10}, new double[] {0.1, 0.2}, null, null,
                new double[] {0.5, 0.5}, null, null, null, null);
        TrialRecord old = new TrialRecord("old", "open-room", "sarsa", "constant", 0.5, 1, TrialStatus.completed, null,
                null, new double[] {1, 2}, new int[] {3, 4}, 7, 0.1, null, d, null, null, null, null, null);
        TrialTable.write(List.of(old), tmp.resolve("t.parquet"), tmp.resolve("m.parquet"), Map.of());
        TrialRecord back = TrialTable.read(tmp.resolve("t.parquet"), tmp.resolve("m.parquet")).get(0);
        assertEquals(List.of("abs_td_error", "step_size"), List.copyOf(back.metricSeries().values().keySet()));
        assertEquals(0.2, back.metricSeries().values().get("abs_td_error")[1]);
    }
}
