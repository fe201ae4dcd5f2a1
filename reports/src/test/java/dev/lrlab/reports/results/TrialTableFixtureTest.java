package dev.lrlab.reports.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What pandas (pyarrow), DuckDB and polars read from lrlab's Parquet, from the fixture that
 * src/test/python/parquet_reference.py wrote by running them: the bytes lrlab writes today are
 * the bytes those readers read, and they read the records' values.
 */
class TrialTableFixtureTest {

    private static final Path FIXTURES = Path.of("src/test/resources/parquet");

    @TempDir
    Path tmp;

    @Test
    void theReadersOfUsersSeeTheRecordsValues() throws Exception {
        List<TrialRecord> records = TrialTableTest.everyField();
        Path trials = tmp.resolve("every-field-trials.parquet");
        Path metrics = tmp.resolve("every-field-metrics.parquet");
        TrialTable.write(records, trials, metrics, Map.of("lrlab.format", "1"));
        if (Boolean.getBoolean("lrlab.write-fixtures")) {
            Files.copy(trials, FIXTURES.resolve(trials.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.copy(metrics, FIXTURES.resolve(metrics.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        String again = "; rewrite the fixtures and rerun the readers (see parquet_reference.py)";
        assertArrayEquals(Files.readAllBytes(FIXTURES.resolve(trials.getFileName())), Files.readAllBytes(trials),
                "lrlab no longer writes the trials part the readers read" + again);
        assertArrayEquals(Files.readAllBytes(FIXTURES.resolve(metrics.getFileName())), Files.readAllBytes(metrics),
                "lrlab no longer writes the metrics part the readers read" + again);

        JsonObject seen = JsonParser.parseString(Files.readString(FIXTURES.resolve("every-field.readers.json"))).getAsJsonObject();
        JsonArray rows = seen.getAsJsonArray("trials");
        assertEquals(records.size(), rows.size());
        for (int i = 0; i < records.size(); i++) {
            TrialRecord r = records.get(i);
            JsonObject row = rows.get(i).getAsJsonObject();
            assertEquals(r.key(), row.get("key").getAsString());
            assertEquals(r.status().name(), row.get("status").getAsString());
            assertEquals(r.learningRate(), row.get("learning_rate").getAsDouble());
            assertEquals(r.seed(), row.get("seed").getAsLong());
            assertEquals(r.steps(), row.get("steps").getAsLong());
            assertCurve(r.returns(), row.get("returns"));
            assertArrayEquals(r.lengths(), toInts(row.get("lengths")));
            if (r.divergedAtStep() != null) {
                assertEquals((double) r.divergedAtStep(), row.get("diverged_at_step").getAsDouble());
            }
            if (r.gridPolicy() != null) {
                assertCurve(r.gridPolicy().values(), row.get("grid_policy_values"));
            }
            if (r.evaluations() != null) {
                assertEquals(r.evaluations().length, row.getAsJsonArray("evaluation_mean_return").size());
            }
        }
        // one metrics row per trial and metric, values NaN where the trial had none
        JsonArray m = seen.getAsJsonArray("metrics");
        assertEquals("abs_td_error", m.get(0).getAsJsonObject().get("name").getAsString());
        assertCurve(records.get(0).metrics().values().get("abs_td_error"), m.get(0).getAsJsonObject().get("value"));
        JsonArray duck = seen.getAsJsonArray("duckdb_lengths_sum");
        assertEquals(1113, duck.get(0).getAsJsonArray().get(1).getAsLong(), "DuckDB: sum of k1's lengths");
        assertEquals(1113, seen.getAsJsonArray("polars_lengths_sum").get(0).getAsLong(), "polars: sum of k1's lengths");
    }

    private static void assertCurve(double[] want, JsonElement got) {
        JsonArray a = got.getAsJsonArray();
        assertEquals(want.length, a.size());
        for (int i = 0; i < want.length; i++) {
            if (Double.isFinite(want[i])) {
                assertEquals(want[i], a.get(i).getAsDouble());
            } else {
                // JSONL's rule, kept: a non-finite number in a curve is NaN
                assertEquals("nan", a.get(i).getAsString().toLowerCase());
            }
        }
    }

    private static int[] toInts(JsonElement e) {
        JsonArray a = e.getAsJsonArray();
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsInt();
        }
        return out;
    }
}
