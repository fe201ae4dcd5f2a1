package dev.lrlab.reports;

import com.google.gson.JsonParser;
import dev.lrlab.reports.results.Evaluation;
import dev.lrlab.reports.results.GridPolicy;
import dev.lrlab.reports.results.Manifest;
import dev.lrlab.reports.results.TrialRecord;
import dev.lrlab.reports.results.TrialStatus;
import dev.lrlab.reports.results.TrialsFile;
import dev.lrlab.reports.results.TrialsWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A run directory with known contents, written through the results format. */
final class SyntheticRun {

    private SyntheticRun() {
    }

    /** Returns of a trial: episode e (0-based) returns base + e. */
    static TrialRecord trial(String agent, double rate, long seed, int episodes, double base, TrialStatus status) {
        double[] returns = new double[episodes];
        int[] lengths = new int[episodes];
        for (int e = 0; e < episodes; e++) {
            returns[e] = base + e;
            lengths[e] = 10;
        }
        GridPolicy policy = new GridPolicy(new String[] {"S.G"}, new String[] {">", ">", ">"}, new double[] {-2, -1, 0});
        return new TrialRecord(agent + rate + "-" + seed, "open-room", agent, "constant", rate, seed, status,
                status == TrialStatus.diverged ? 55L : null, status == TrialStatus.diverged ? "Q is NaN at step 55" : null,
                returns, lengths, 10L * episodes, 0.01,
                new Evaluation[] {new Evaluation(episodes, 10L * episodes, base + 100, 5)}, null,
                status == TrialStatus.completed ? policy : null, null, null, null, null);
    }

    static List<TrialRecord> standard() {
        List<TrialRecord> out = new ArrayList<>();
        for (long seed = 0; seed < 4; seed++) {
            out.add(trial("a", 0.1, seed, 20, seed, TrialStatus.completed));
            out.add(trial("a", 1.0, seed, 20, 10 + seed, seed < 3 ? TrialStatus.completed : TrialStatus.diverged));
            out.add(trial("b", 0.1, seed, 20, -seed, TrialStatus.completed));
            out.add(trial("b", 1.0, seed, 20, -10, TrialStatus.diverged));
        }
        return out;
    }

    static Path write(Path dir, List<TrialRecord> trials) throws IOException {
        try (TrialsWriter w = TrialsWriter.open(dir, java.util.Map.of())) {
            for (TrialRecord t : trials) {
                w.write(t);
            }
        }
        return manifest(dir, trials);
    }

    /** The run as lrlab wrote it before Parquet: one JSON line per trial in trials.jsonl. */
    static Path writeJsonl(Path dir, List<TrialRecord> trials) throws IOException {
        com.google.gson.Gson gson = dev.lrlab.reports.results.ResultsJson.compact();
        StringBuilder lines = new StringBuilder();
        for (TrialRecord t : trials) {
            lines.append(gson.toJson(t)).append('\n');
        }
        java.nio.file.Files.writeString(dir.resolve(TrialsFile.NAME), lines);
        return manifest(dir, trials);
    }

    private static Path manifest(Path dir, List<TrialRecord> trials) throws IOException {
        new Manifest("synthetic", JsonParser.parseString("{\"name\":\"synthetic\"}"), "test", null, "jvm",
                "2026-01-01T00:00:00Z", "2026-01-01T00:01:00Z", trials.size(),
                List.of(new Manifest.ScheduleCurve("constant", "steps", 0.1, new long[] {0, 100},
                        new double[] {0.1, 0.1})), null).write(dir);
        return dir;
    }
}
