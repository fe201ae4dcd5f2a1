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
 * What a run directory holds, read for a report: the manifest (if any), what a scan of its trials
 * found ({@link Facts}: counts and extremes, never the trials themselves), and warnings about what
 * was not usable (a torn entry, damaged parts or lines, each with its place). The trials are read
 * again, one part at a time, by {@link #forEach}: a report's memory grows with its cells, not with
 * the run's trials.
 */
public final class RunData {

    /**
     * What the scan of a run's trials found.
     *
     * @param trials how many trials
     * @param agents the agent labels, in order of appearance
     * @param maxSteps the most steps of any trial
     * @param maxEpisodes the most episodes of any trial
     * @param neverEnded completed trials in which no episode ended by itself
     */
    public record Facts(int trials, List<String> agents, long maxSteps, int maxEpisodes, long neverEnded,
            int shortestCompleted, long maxCompletedSteps, java.util.Map<String, Integer> groupSizes) {
    }

    /** What the analysis must know before it reads the trials. */
    public Analysis.Scope scope() {
        return new Analysis.Scope(facts.maxEpisodes(), facts.shortestCompleted(),
                facts.maxCompletedSteps() == 0 ? 1 : facts.maxCompletedSteps(), facts.groupSizes());
    }

    private final Path dir;
    private final Manifest manifest;
    private final Facts facts;
    private final List<String> warnings;

    private RunData(Path dir, Manifest manifest, Facts facts, List<String> warnings) {
        this.dir = dir;
        this.manifest = manifest;
        this.facts = facts;
        this.warnings = warnings;
    }

    public Path dir() {
        return dir;
    }

    public Manifest manifest() {
        return manifest;
    }

    public Facts facts() {
        return facts;
    }

    public List<String> warnings() {
        return warnings;
    }

    /** Hands every usable trial to {@code each}, reading the run again one part at a time. */
    public void forEach(java.util.function.Consumer<TrialRecord> each) throws IOException {
        RunResults.forEach(dir, each);
    }

    /** Every trial, in memory at once: for small runs and tools that need them all; reports use {@link #forEach}. */
    public List<TrialRecord> trials() throws IOException {
        List<TrialRecord> out = new ArrayList<>();
        forEach(out::add);
        return out;
    }

    /** Reads a run directory; throws when nothing in it can be reported. */
    public static RunData load(Path dir) throws ReportException {
        if (!Files.isDirectory(dir)) {
            throw new ReportException(dir + " is not a directory");
        }
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
        Scan scan = new Scan(manifest);
        RunResults.Contents contents;
        try {
            contents = RunResults.scan(dir, scan::add);
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
        if (scan.count == 0) {
            throw new ReportException(dir + " has no finished trials to report"
                    + (warnings.isEmpty() ? "" : " (" + String.join("; ", warnings) + ")"));
        }
        scan.refuseDuplicatesAndForeignTrials(dir);
        return new RunData(dir, manifest, new Facts(scan.count, List.copyOf(scan.agents), scan.maxSteps,
                scan.maxEpisodes, scan.neverEnded, scan.shortestCompleted, scan.maxCompletedSteps, scan.groupSizes), warnings);
    }

    /**
     * Counts and extremes of the trials, and the checks that need every trial: a trial twice (a
     * pasted or replayed part would be counted twice) or a trial of another spec (another agent,
     * schedule or environment than the manifest's). Keys are kept as 64-bit hashes, 8 bytes a trial;
     * only when two collide is the run scanned again for the places of the duplicates.
     */
    private static final class Scan {
        private final java.util.Set<String> agentsOfSpec;
        private final java.util.Set<String> schedulesOfSpec;
        private final String environment;
        private final java.util.LinkedHashSet<String> agents = new java.util.LinkedHashSet<>();
        private final List<String> foreign = new ArrayList<>();
        private long[] hashes = new long[1024];
        private int count;
        private long maxSteps;
        private int maxEpisodes;
        private long neverEnded;
        private int shortestCompleted = Integer.MAX_VALUE;
        private final java.util.Map<String, Integer> groupSizes = new java.util.HashMap<>();
        private long maxCompletedSteps;

        Scan(Manifest manifest) {
            agentsOfSpec = labels(manifest, "agents");
            schedulesOfSpec = labels(manifest, "schedules");
            environment = manifest == null ? null : environmentOf(manifest);
        }

        void add(RunResults.Glance g) {
            if (count == hashes.length) {
                hashes = java.util.Arrays.copyOf(hashes, count * 2);
            }
            hashes[count++] = hash(g.key());
            agents.add(g.agent());
            groupSizes.merge(Analysis.groupKey(g.agent(), g.schedule(), g.learningRate(), g.params()), 1, Integer::sum);
            maxSteps = Math.max(maxSteps, g.steps());
            maxEpisodes = Math.max(maxEpisodes, g.episodes());
            if (g.status() == dev.lrlab.reports.results.TrialStatus.completed) {
                shortestCompleted = Math.min(shortestCompleted, g.episodes());
                maxCompletedSteps = Math.max(maxCompletedSteps, g.steps());
            }
            if (g.status() == dev.lrlab.reports.results.TrialStatus.completed && g.reason() != null
                    && g.reason().startsWith(TrialRecord.TRUNCATED_EVERY_EPISODE)) {
                neverEnded++;
            }
            if (foreign.size() < 10 && (agentsOfSpec != null && !agentsOfSpec.contains(g.agent())
                    || schedulesOfSpec != null && !schedulesOfSpec.contains(g.schedule())
                    || environment != null && !environment.equals(g.environment()))) {
                foreign.add(g.location() + " is not a trial of this run's spec (" + g.environment() + ", "
                        + g.agent() + " / " + g.schedule() + ")");
            }
        }

        void refuseDuplicatesAndForeignTrials(Path dir) throws ReportException {
            long[] sorted = java.util.Arrays.copyOf(hashes, count);
            java.util.Arrays.sort(sorted);
            java.util.Set<Long> twice = new java.util.HashSet<>();
            for (int i = 1; i < sorted.length; i++) {
                if (sorted[i] == sorted[i - 1]) {
                    twice.add(sorted[i]);
                }
            }
            List<String> problems = new ArrayList<>();
            if (!twice.isEmpty()) {
                java.util.Map<String, String> first = new java.util.HashMap<>();
                try {
                    RunResults.scan(dir, g -> {
                        if (twice.contains(hash(g.key())) && problems.size() < 10) {
                            String before = first.putIfAbsent(g.key(), g.location());
                            if (before != null) {
                                problems.add(before + " and " + g.location() + " are the same trial (" + g.key() + ")");
                            }
                        }
                    });
                } catch (IOException e) {
                    throw new ReportException("cannot read the trials of " + dir + ": " + e.getMessage());
                }
            }
            problems.addAll(foreign.subList(0, Math.min(foreign.size(), 10 - Math.min(10, problems.size()))));
            if (!problems.isEmpty()) {
                throw new ReportException(dir + " holds trials a report cannot count:\n  "
                        + String.join("\n  ", problems) + "\nRemove them (or rerun the sweep into a fresh directory)");
            }
        }

        /** FNV-1a over the key's characters: 64 bits, so that a million keys collide by chance about never. */
        private static long hash(String key) {
            long h = 0xcbf29ce484222325L;
            for (int i = 0; i < key.length(); i++) {
                h ^= key.charAt(i);
                h *= 0x100000001b3L;
            }
            return h;
        }
    }

    /** The labels of the manifest's spec's agents or schedules, or null when it does not say. */
    private static java.util.Set<String> labels(Manifest manifest, String key) {
        if (manifest == null || !manifest.spec().isJsonObject()) {
            return null;
        }
        var spec = manifest.spec().getAsJsonObject();
        java.util.Set<String> out = new java.util.HashSet<>();
        if (spec.get(key) instanceof com.google.gson.JsonArray list) {
            for (var e : list) {
                if (e.isJsonObject() && e.getAsJsonObject().get("label") != null) {
                    out.add(e.getAsJsonObject().get("label").getAsString());
                }
            }
        }
        // a parameter study's agents may carry their own schedule, in their learning-rate
        if (key.equals("schedules") && spec.get("agents") instanceof com.google.gson.JsonArray agents) {
            for (var a : agents) {
                if (a.isJsonObject() && a.getAsJsonObject().get("learning-rate") instanceof com.google.gson.JsonObject lr
                        && lr.get("schedule") instanceof com.google.gson.JsonObject schedule
                        && schedule.get("label") != null) {
                    out.add(schedule.get("label").getAsString());
                }
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
