package dev.lrlab.reports;

import dev.lrlab.reports.results.Manifest;
import dev.lrlab.reports.results.TrialRecord;
import dev.lrlab.reports.results.RunResults;
import dev.lrlab.reports.results.TrialsFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run directory holds, read for a report: the manifest (if any), every usable trial, and
 * warnings about what was not usable (a torn last line, invalid lines, each with its line number).
 */
public record RunData(Path dir, Manifest manifest, List<TrialRecord> trials, List<String> warnings) {

    /** Reads a run directory; throws when nothing in it can be reported. */
    public static RunData load(Path dir) throws ReportException {
        if (!Files.isDirectory(dir)) {
            throw new ReportException(dir + " is not a directory");
        }
        Path trialsFile = dir.resolve(TrialsFile.NAME);
        boolean hasManifest = Files.exists(dir.resolve(Manifest.NAME));
        boolean hasTrials;
        try {
            hasTrials = RunResults.present(dir);
        } catch (IOException e) {
            throw new ReportException("cannot read " + dir + ": " + e.getMessage());
        }
        if (!hasManifest && !hasTrials) {
            throw new ReportException(dir + " is not an lrlab run directory (no " + Manifest.NAME + ", no "
                    + RunResults.TRIALS + "/, no " + TrialsFile.NAME + ")");
        }
        List<String> warnings = new ArrayList<>();
        Manifest manifest = null;
        if (hasManifest) {
            try {
                manifest = Manifest.read(dir);
            } catch (IOException e) {
                warnings.add(e.getMessage() + "; reporting without it");
            }
        } else {
            warnings.add(dir + " has no " + Manifest.NAME + "; reporting without the spec");
        }
        RunResults.Contents contents;
        try {
            contents = RunResults.read(dir);
        } catch (IOException e) {
            throw new ReportException("cannot read the trials of " + dir + ": " + e.getMessage());
        }
        for (String bad : contents.damage()) {
            warnings.add(bad + " (skipped)");
        }
        if (contents.torn() != null) {
            warnings.add(contents.torn()
                    + " is torn (cut off mid-write; skipped; `lrlab run` on this directory redoes it)");
        }
        if (contents.records().isEmpty()) {
            throw new ReportException(dir + " has no finished trials to report"
                    + (warnings.isEmpty() ? "" : " (" + String.join("; ", warnings) + ")"));
        }
        refuseDuplicateAndForeignTrials(trialsFile, contents, manifest);
        return new RunData(dir, manifest, contents.records(), warnings);
    }

    /**
     * A trial twice (a pasted or replayed line) would be counted twice, and a trial of another
     * spec (another agent, schedule or environment than the manifest's) would add a row that the
     * run never had: both are refused, naming the lines.
     */
    private static void refuseDuplicateAndForeignTrials(Path file, RunResults.Contents contents, Manifest manifest)
            throws ReportException {
        java.util.Set<String> agents = labels(manifest, "agents");
        java.util.Set<String> schedules = labels(manifest, "schedules");
        String environment = manifest == null ? null : environmentOf(manifest);
        java.util.Map<String, String> firstLine = new java.util.HashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < contents.records().size() && problems.size() < 10; i++) {
            TrialRecord r = contents.records().get(i);
            String line = contents.locations().get(i);
            String before = firstLine.putIfAbsent(r.key(), line);
            if (before != null) {
                problems.add(before + " and " + line + " are the same trial (" + r.key() + ")");
            } else if (agents != null && !agents.contains(r.agent()) || schedules != null && !schedules.contains(r.schedule())
                    || environment != null && !environment.equals(r.environment())) {
                problems.add(line + " is not a trial of this run's spec (" + r.environment() + ", "
                        + r.configuration() + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new ReportException(file.getParent() + " holds trials a report cannot count:\n  "
                    + String.join("\n  ", problems) + "\nRemove them (or rerun the sweep into a fresh directory)");
        }
    }

    /** The labels of the manifest's spec's agents or schedules, or null when it does not say. */
    private static java.util.Set<String> labels(Manifest manifest, String key) {
        if (manifest == null || !manifest.spec().isJsonObject()
                || !(manifest.spec().getAsJsonObject().get(key) instanceof com.google.gson.JsonArray list)) {
            return null;
        }
        java.util.Set<String> out = new java.util.HashSet<>();
        for (var e : list) {
            if (e.isJsonObject() && e.getAsJsonObject().get("label") != null) {
                out.add(e.getAsJsonObject().get("label").getAsString());
            }
        }
        return out.isEmpty() ? null : out;
    }

    private static String environmentOf(Manifest manifest) {
        var spec = manifest.spec();
        if (!spec.isJsonObject() || !(spec.getAsJsonObject().get("environment") instanceof com.google.gson.JsonObject e)
                || e.get("id") == null) {
            return null;
        }
        return e.get("id").getAsString();
    }
}
