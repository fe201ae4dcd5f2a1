package dev.lrlab.reports.results;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * {@code manifest.json}: what produced a run directory.
 *
 * @param name the experiment's name
 * @param spec the resolved spec (every default filled in), as JSON
 * @param lrlabVersion lrlab's version
 * @param gitCommit the commit lrlab was built from, if known
 * @param jvm the Java runtime
 * @param startedAt when the run (or its first part, if resumed) started, ISO-8601
 * @param endedAt when it last ended, or null while running
 * @param trialsPlanned trials in the sweep
 * @param schedules each schedule's rate against its clock, for the schedules figure
 * @param learningRateNotes what the swept rate means for each agent label, where it is not the plain
 *     step size (tile coding divides it among the tilings); absent in older manifests
 * @param shard "I/N" when the run holds one shard of the sweep's trials ({@code run --shard}), else null
 */
public record Manifest(String name, JsonElement spec, String lrlabVersion, String gitCommit, String jvm,
        String startedAt, String endedAt, int trialsPlanned, List<ScheduleCurve> schedules,
        java.util.Map<String, String> learningRateNotes, String shard) {

    public Manifest(String name, JsonElement spec, String lrlabVersion, String gitCommit, String jvm,
            String startedAt, String endedAt, int trialsPlanned, List<ScheduleCurve> schedules,
            java.util.Map<String, String> learningRateNotes) {
        this(name, spec, lrlabVersion, gitCommit, jvm, startedAt, endedAt, trialsPlanned, schedules, learningRateNotes,
                null);
    }

    /** The file name inside a run directory. */
    public static final String NAME = "manifest.json";

    /**
     * One schedule's rate at sampled clock points, for one base rate.
     *
     * @param label the schedule's label
     * @param clock what t counts
     * @param learningRate the base rate
     * @param t the clock points
     * @param rate the rate at each point
     */
    public record ScheduleCurve(String label, String clock, double learningRate, long[] t, double[] rate) {
    }

    public Manifest withEnd(String time) {
        return new Manifest(name, spec, lrlabVersion, gitCommit, jvm, startedAt, time, trialsPlanned, schedules,
                learningRateNotes, shard);
    }

    public Manifest withStart(String time) {
        return new Manifest(name, spec, lrlabVersion, gitCommit, jvm, time, null, trialsPlanned, schedules,
                learningRateNotes, shard);
    }

    /** This manifest as a whole run's: every trial planned, started and ended as given, no shard. */
    public Manifest merged(int planned, String started, String ended) {
        return new Manifest(name, spec, lrlabVersion, gitCommit, jvm, started, ended, planned, schedules,
                learningRateNotes, null);
    }

    /** Writes atomically: to a temporary file, then renamed over the old one; a failed write leaves no temporary file. */
    public void write(Path dir) throws IOException {
        Path tmp = dir.resolve(NAME + ".tmp");
        try {
            Files.writeString(tmp, ResultsJson.pretty().toJson(this) + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve(NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /** Gson's message without its advice and link: "malformed JSON at line 1 column 5". */
    private static String plain(String message) {
        if (message == null) {
            return "not valid JSON";
        }
        String m = message.replaceFirst("^[a-zA-Z.]+Exception: ", "");
        int see = m.indexOf("\nSee ");
        m = see >= 0 ? m.substring(0, see) : m;
        see = m.indexOf(" See https://");
        m = see >= 0 ? m.substring(0, see) : m;
        return m.replace("\n", " ").trim();
    }

    /** Reads a manifest; throws IOException with the reason when it is missing or invalid. */
    public static Manifest read(Path dir) throws IOException {
        Path file = dir.resolve(NAME);
        if (!Files.exists(file)) {
            throw new IOException(dir + " has no " + NAME + "; is it a run directory?");
        }
        try {
            Manifest m = ResultsJson.compact().fromJson(Files.readString(file, StandardCharsets.UTF_8), Manifest.class);
            if (m == null || m.spec() == null) {
                throw new IOException(file + " is not an lrlab manifest (no spec)");
            }
            return m;
        } catch (JsonParseException | IllegalStateException e) {
            throw new IOException(file + " is not an lrlab manifest: " + plain(e.getMessage()));
        }
    }
}
