package dev.lrlab.reports.results;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import dev.lrlab.reports.results.parquet.Column;
import dev.lrlab.reports.results.parquet.Column.Type;
import dev.lrlab.reports.results.parquet.TableReader;
import dev.lrlab.reports.results.parquet.TableWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trial records as two flat Parquet tables, the shapes pandas and DuckDB work with best: one row
 * per trial (the JSONL record's fields by the same names, curves as list columns, the nested
 * parts flattened into columns) and one row per trial and metric (a table of their own, so that
 * every file has the same columns whatever metrics its agents publish). Reading a part back gives
 * records equal to those written, non-finite numbers in curves read as NaN as in JSONL.
 */
public final class TrialTable {

    /** The columns of a trials part, in order. */
    public static final List<Column> TRIAL_COLUMNS = List.of(
            Column.required("key", Type.STRING),
            Column.required("environment", Type.STRING),
            Column.required("agent", Type.STRING),
            Column.required("schedule", Type.STRING),
            Column.required("learning_rate", Type.DOUBLE),
            Column.required("seed", Type.INT64),
            Column.required("status", Type.STRING),
            Column.optional("diverged_at_step", Type.INT64),
            Column.optional("stopped_at_step", Type.INT64),
            Column.optional("reason", Type.STRING),
            Column.required("steps", Type.INT64),
            Column.required("wall_seconds", Type.DOUBLE),
            Column.list("returns", Type.DOUBLE).split(),
            Column.list("lengths", Type.INT32).dictionary(),
            Column.optional("params", Type.STRING),
            Column.list("evaluation_episode", Type.INT32),
            Column.list("evaluation_steps", Type.INT64),
            Column.list("evaluation_mean_return", Type.DOUBLE).split(),
            Column.list("evaluation_episodes", Type.INT32),
            Column.optional("grid_policy_map", Type.STRING),
            Column.optional("grid_policy_glyphs", Type.STRING),
            Column.list("grid_policy_values", Type.DOUBLE).split(),
            Column.optional("error", Type.STRING));

    /** The columns of a metrics part: one row per trial and metric (name null: a series without metrics). */
    public static final List<Column> METRIC_COLUMNS = List.of(
            Column.required("key", Type.STRING),
            Column.optional("name", Type.STRING),
            Column.required("every", Type.INT32),
            Column.list("episode", Type.INT32),
            Column.list("steps", Type.INT64),
            Column.list("value", Type.DOUBLE));

    private static final Gson GSON = ResultsJson.compact();
    private static final java.lang.reflect.Type PARAMS = new TypeToken<Map<String, Object>>() { }.getType();

    private TrialTable() {
    }

    /** Writes {@code records} as one trials part and one metrics part. */
    public static void write(List<TrialRecord> records, Path trialsFile, Path metricsFile, Map<String, String> metadata)
            throws IOException {
        TableWriter trials = TableWriter.of(TRIAL_COLUMNS);
        TableWriter metrics = TableWriter.of(METRIC_COLUMNS);
        for (TrialRecord r : records) {
            add(r, trials, metrics);
        }
        metrics.writeTo(metricsFile, metadata);
        trials.writeTo(trialsFile, metadata);
    }

    /** One record as the bytes of a journal entry (see {@link JournalCodec}). */
    public static byte[] journalEntry(TrialRecord r) {
        return JournalCodec.encode(r);
    }

    /** The record of a journal entry. */
    public static TrialRecord fromJournalEntry(byte[] entry, Path origin) throws IOException {
        try {
            return JournalCodec.decode(entry);
        } catch (IOException e) {
            throw new IOException(origin + ": " + e.getMessage());
        }
    }

    private static void add(TrialRecord r, TableWriter trials, TableWriter metrics) {
        Gson gson = GSON;
        {
            int c = 0;
            trials.put(c++, r.key()).put(c++, r.environment()).put(c++, r.agent()).put(c++, r.schedule())
                    .put(c++, r.learningRate()).put(c++, r.seed()).put(c++, r.status().name());
            putLong(trials, c++, r.divergedAtStep());
            putLong(trials, c++, r.stoppedAtStep());
            trials.put(c++, r.reason()).put(c++, r.steps()).put(c++, r.wallSeconds())
                    .put(c++, finite(r.returns())).put(c++, r.lengths())
                    .put(c++, r.params() == null ? null : gson.toJson(r.params()));
            Evaluation[] e = r.evaluations();
            if (e == null) {
                for (int k = 0; k < 4; k++) {
                    trials.putNull(c++);
                }
            } else {
                int[] episode = new int[e.length];
                long[] steps = new long[e.length];
                double[] mean = new double[e.length];
                int[] episodes = new int[e.length];
                for (int i = 0; i < e.length; i++) {
                    episode[i] = e[i].episode();
                    steps[i] = e[i].steps();
                    mean[i] = e[i].meanReturn();
                    episodes[i] = e[i].episodes();
                }
                trials.put(c++, episode).put(c++, steps).put(c++, finite(mean)).put(c++, episodes);
            }
            GridPolicy g = r.gridPolicy();
            trials.put(c++, g == null ? null : gson.toJson(g.map()))
                    .put(c++, g == null ? null : gson.toJson(g.glyphs()))
                    .put(c++, g == null ? null : finite(g.values()))
                    .put(c++, r.error() == null ? null : gson.toJson(r.error()));
            trials.endRow();
            MetricSeries m = r.metricSeries();
            if (m != null) {
                if (m.values().isEmpty()) {
                    metrics.put(0, r.key()).putNull(1).put(2, m.every()).put(3, m.episode()).put(4, m.steps())
                            .putNull(5).endRow();
                }
                for (Map.Entry<String, double[]> v : m.values().entrySet()) {
                    metrics.put(0, r.key()).put(1, v.getKey()).put(2, m.every()).put(3, m.episode()).put(4, m.steps())
                            .put(5, finite(v.getValue())).endRow();
                }
            }
        }
    }

    /** Reads a trials part and its metrics part (which may be absent) back into records, in row order. */
    public static List<TrialRecord> read(Path trialsFile, Path metricsFile) throws IOException {
        return read(TableReader.open(trialsFile), metricsFile == null || !java.nio.file.Files.exists(metricsFile)
                ? null : TableReader.open(metricsFile), trialsFile);
    }

    private static List<TrialRecord> read(TableReader t, TableReader metricsTable, Path trialsFile) throws IOException {
        Gson gson = GSON;
        Map<String, MetricSeries> metrics = metricsTable == null ? Map.of() : readMetrics(metricsTable);
        Object[][] col = new Object[TRIAL_COLUMNS.size()][];
        for (int i = 0; i < col.length; i++) {
            col[i] = t.column(TRIAL_COLUMNS.get(i).name());
        }
        List<TrialRecord> out = new ArrayList<>((int) t.rows());
        // trials of a part share points and maps: each distinct text is parsed once (the values
        // are shared between records, which never change them)
        Map<String, Object> parsed = new java.util.HashMap<>();
        try {
            for (int row = 0; row < t.rows(); row++) {
                int c = 0;
                String key = (String) col[c++][row];
                String environment = (String) col[c++][row];
                String agent = (String) col[c++][row];
                String schedule = (String) col[c++][row];
                double learningRate = (Double) col[c++][row];
                long seed = (Long) col[c++][row];
                TrialStatus status = TrialStatus.valueOf((String) col[c++][row]);
                Long diverged = (Long) col[c++][row];
                Long stopped = (Long) col[c++][row];
                String reason = (String) col[c++][row];
                long steps = (Long) col[c++][row];
                double wall = (Double) col[c++][row];
                double[] returns = (double[]) col[c++][row];
                int[] lengths = (int[]) col[c++][row];
                String params = (String) col[c++][row];
                int[] evalEpisode = (int[]) col[c++][row];
                long[] evalSteps = (long[]) col[c++][row];
                double[] evalMean = (double[]) col[c++][row];
                int[] evalEpisodes = (int[]) col[c++][row];
                Evaluation[] evaluations = null;
                if (evalEpisode != null) {
                    evaluations = new Evaluation[evalEpisode.length];
                    for (int i = 0; i < evaluations.length; i++) {
                        evaluations[i] = new Evaluation(evalEpisode[i], evalSteps[i], evalMean[i], evalEpisodes[i]);
                    }
                }
                String map = (String) col[c++][row];
                String glyphs = (String) col[c++][row];
                double[] values = (double[]) col[c++][row];
                GridPolicy grid = map == null ? null : new GridPolicy(
                        (String[]) parsed.computeIfAbsent("m" + map, k -> gson.fromJson(map, String[].class)),
                        (String[]) parsed.computeIfAbsent("g" + glyphs, k -> gson.fromJson(glyphs, String[].class)),
                        values);
                String error = (String) col[c++][row];
                out.add(new TrialRecord(key, environment, agent, schedule, learningRate, seed, status, diverged, reason,
                        returns, lengths, steps, wall, evaluations, null, grid,
                        params == null ? null : params(parsed, params), metrics.get(key), stopped,
                        error == null ? null : gson.fromJson(error, TrialError.class)));
            }
        } catch (RuntimeException e) {
            throw new IOException(trialsFile + " does not hold lrlab trials (" + e + ")");
        }
        return out;
    }

    /** A glance at every trial of a part, reading its scalar columns and episode counts only. */
    static List<RunResults.Glance> glance(Path trialsFile, String name) throws IOException {
        TableReader t = TableReader.open(trialsFile);
        Object[] key = t.column("key");
        Object[] environment = t.column("environment");
        Object[] agent = t.column("agent");
        Object[] schedule = t.column("schedule");
        Object[] rate = t.column("learning_rate");
        Object[] seed = t.column("seed");
        Object[] status = t.column("status");
        Object[] reason = t.column("reason");
        Object[] steps = t.column("steps");
        int[] episodes = t.listLengths("lengths");
        Object[] params = t.column("params");
        Map<String, Object> parsed = new java.util.HashMap<>();
        List<RunResults.Glance> out = new ArrayList<>((int) t.rows());
        try {
            for (int row = 0; row < t.rows(); row++) {
                out.add(new RunResults.Glance((String) key[row], (String) environment[row], (String) agent[row],
                        (String) schedule[row], (Double) rate[row], (Long) seed[row],
                        TrialStatus.valueOf((String) status[row]), (String) reason[row], (Long) steps[row],
                        Math.max(0, episodes[row]),
                        params[row] == null ? Map.of() : params(parsed, (String) params[row]), name + " row " + (row + 1)));
            }
        } catch (RuntimeException e) {
            throw new IOException(trialsFile + " does not hold lrlab trials (" + e + ")");
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> params(Map<String, Object> parsed, String json) {
        return (Map<String, Object>) parsed.computeIfAbsent("p" + json, k -> GSON.fromJson(json, PARAMS));
    }

    private static Map<String, MetricSeries> readMetrics(TableReader t) throws IOException {
        Object[] key = t.column("key");
        Object[] name = t.column("name");
        Object[] every = t.column("every");
        Object[] episode = t.column("episode");
        Object[] steps = t.column("steps");
        Object[] value = t.column("value");
        Map<String, MetricSeries> out = new LinkedHashMap<>();
        for (int row = 0; row < t.rows(); row++) {
            MetricSeries m = out.computeIfAbsent((String) key[row], k -> null);
            if (m == null) {
                final int r = row;
                m = new MetricSeries(((Long) every[r]).intValue(), (int[]) episode[r], (long[]) steps[r],
                        new LinkedHashMap<>());
                out.put((String) key[row], m);
            }
            if (name[row] != null) {
                m.values().put((String) name[row], (double[]) value[row]);
            }
        }
        return out;
    }

    private static void putLong(TableWriter w, int column, Long value) {
        if (value == null) {
            w.putNull(column);
        } else {
            w.put(column, value.longValue());
        }
    }

    /** As JSONL stores them: a non-finite number in a curve reads back as NaN. */
    private static double[] finite(double[] values) {
        if (values == null) {
            return null;
        }
        for (double v : values) {
            if (!Double.isFinite(v) && !Double.isNaN(v)) {
                double[] copy = values.clone();
                for (int i = 0; i < copy.length; i++) {
                    if (Double.isInfinite(copy[i])) {
                        copy[i] = Double.NaN;
                    }
                }
                return copy;
            }
        }
        return values;
    }
}
