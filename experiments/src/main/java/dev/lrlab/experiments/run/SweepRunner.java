package dev.lrlab.experiments.run;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.lrlab.agents.schedule.Clock;
import dev.lrlab.agents.schedule.ClockedSchedule;
import dev.lrlab.experiments.listen.TrialListener;
import dev.lrlab.experiments.spec.ExperimentPlan;
import dev.lrlab.experiments.spec.ScheduleChoice;
import dev.lrlab.experiments.spec.TrialSetup;
import dev.lrlab.reports.results.Manifest;
import dev.lrlab.reports.results.ResultsJson;
import dev.lrlab.reports.results.TrialRecord;
import dev.lrlab.reports.results.TrialStatus;
import dev.lrlab.reports.results.RunResults;
import dev.lrlab.reports.results.TrialsFile;
import dev.lrlab.reports.results.TrialsWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a sweep into a run directory: checks the directory first, resumes what an earlier run left
 * (skipping finished trials, redoing a torn last line, refusing a different spec), runs the trials
 * its {@link TrialSource} gives in parallel, and writes each trial as it ends.
 */
public final class SweepRunner {

    /**
     * How to run.
     *
     * @param out the run directory
     * @param threads worker threads
     * @param forceNew start afresh even if the directory holds another spec's run (the old files
     *     are moved into a {@code previous-...} folder, not deleted)
     * @param terminal whether to draw a progress bar
     * @param listeners makers of listeners that every trial gets, besides those of its schedules
     * @param shard "I/N" when the source is one shard of the sweep, recorded in the manifest; else null
     */
    public record Options(Path out, int threads, boolean forceNew, boolean terminal,
            List<TrialListener.Factory> listeners, String shard) {

        public Options(Path out, int threads, boolean forceNew, boolean terminal) {
            this(out, threads, forceNew, terminal, List.of(), null);
        }

        public Options(Path out, int threads, boolean forceNew, boolean terminal, List<TrialListener.Factory> listeners) {
            this(out, threads, forceNew, terminal, listeners, null);
        }
    }

    private final ExperimentPlan spec;
    private final TrialSource source;
    private final Options options;
    private final PrintWriter log;
    private final AtomicBoolean cancelled = new AtomicBoolean();

    /** A sweep of every point of the plan's grid. */
    public SweepRunner(ExperimentPlan spec, Options options, PrintWriter log) {
        this(spec, GridSource.of(spec), options, log);
    }

    public SweepRunner(ExperimentPlan spec, TrialSource source, Options options, PrintWriter log) {
        this.spec = spec;
        this.source = source;
        this.options = options;
        this.log = log;
    }

    /** Asks running trials to stop; finished ones are already on disk. */
    public void cancel() {
        cancelled.set(true);
    }

    /**
     * Runs the sweep, holding the run directory's lock throughout.
     *
     * @throws RunDirectoryException when the directory cannot be used: not writable, in use by
     *     another run, holding another spec's run, or holding trials that this spec does not have
     */
    public SweepSummary run() throws IOException, RunDirectoryException {
        Path dir = options.out();
        makeWritable(dir);
        try (RunLock lock = RunLock.acquire(dir)) {
            return runLocked(dir);
        }
    }

    private SweepSummary runLocked(Path dir) throws IOException, RunDirectoryException {
        long started = System.nanoTime();
        prepare(dir);
        Manifest manifest = manifest(source.planned());
        // the trials already run, by a glance at each (a grid needs only their keys; a search reads
        // them whole, below, to choose what to run next)
        Set<String> done = new HashSet<>();
        Set<String> twice = new HashSet<>();
        List<String> foreign = new ArrayList<>();
        int[] foreignCount = {0};
        RunResults.Contents existing = RunResults.scan(dir, g -> {
            if (!done.add(g.key())) {
                twice.add(g.key());
            }
            if (!source.owns(g.key()) && foreignCount[0]++ < 10) {
                foreign.add(g.location() + " is a trial this spec does not have (" + g.agent() + " / "
                        + g.schedule() + ", learning rate " + g.learningRate() + ", seed " + g.seed() + ")");
            }
        });
        if (!existing.damage().isEmpty()) {
            throw new RunDirectoryException("the results in " + dir + " are damaged; fix or move them away:\n  "
                    + String.join("\n  ", existing.damage()));
        }
        refuseDuplicateAndForeignTrials(dir, twice, foreign, foreignCount[0]);
        if (existing.torn() != null) {
            log.println("lrlab run: " + existing.torn() + " in " + dir
                    + " was cut off mid-write; its trial will be run again");
        }
        List<TrialRecord> finished = source.needsRecords() ? new ArrayList<>(RunResults.read(dir).records())
                : new ArrayList<>();
        Path manifestPath = dir.resolve(Manifest.NAME);
        if (Files.exists(manifestPath)) {
            manifest = manifest.withStart(Manifest.read(dir).startedAt());
        }
        manifest.write(dir);

        Tally tally = new Tally(source.needsRecords());
        List<TrialListener.Factory> listeners = new ArrayList<>(options.listeners());
        listeners.addAll(source.listeners());
        int toRun = Math.max(0, source.planned() - done.size());
        // a grid's trials all run the whole budget: when it counts steps, the steps to come are known
        long plannedSteps = source instanceof GridSource && spec.budget().inSteps() ? toRun * spec.budget().steps() : 0;
        ProgressReporter progress = new ProgressReporter(log, toRun, plannedSteps, options.terminal());
        listeners.add(progress.live());
        TrialRunner runner = new TrialRunner(spec, listeners);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.threads()), r -> {
            Thread t = new Thread(r, "lrlab-trial");
            t.setDaemon(true);
            return t;
        });
        List<String> writeErrors = new ArrayList<>();
        int skipped = 0;
        int todoCount = 0;
        // the bar first: closed even when the writer cannot open
        try (progress; TrialsWriter writer = TrialsWriter.open(dir, Map.of("lrlab.version",
                manifest.lrlabVersion() == null ? "" : manifest.lrlabVersion()))) {
            // ask the source for trials until it has none left; each batch runs in parallel
            for (List<Trial> batch = source.next(finished); !batch.isEmpty() && !cancelled.get();
                    batch = source.next(finished)) {
                List<Trial> todo = batch.stream().filter(t -> !done.contains(t.key())).toList();
                skipped += batch.size() - todo.size();
                todoCount += todo.size();
                if (todo.isEmpty()) {
                    log.println("lrlab run: nothing to run: all " + batch.size() + " trials" + " are already in " + dir);
                } else if (batch.size() > todo.size()) {
                    log.println("lrlab run: resuming " + dir + ": " + (batch.size() - todo.size()) + " of "
                            + batch.size() + " trials already done, " + todo.size() + " to run");
                }
                List<Future<?>> futures = new ArrayList<>();
                for (Trial trial : todo) {
                    futures.add(pool.submit(() -> {
                        TrialRecord record = runner.run(trial, cancelled::get);
                        if (record == null || cancelled.get()) {
                            return;
                        }
                        try {
                            writer.write(record);
                        } catch (IOException e) {
                            synchronized (writeErrors) {
                                writeErrors.add(e.getMessage());
                            }
                            cancelled.set(true);
                            return;
                        }
                        tally.add(record);
                        progress.trialDone(trial.key(), record.steps());
                    }));
                }
                for (Future<?> f : futures) {
                    try {
                        f.get();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        cancelled.set(true);
                        break;
                    } catch (java.util.concurrent.ExecutionException e) {
                        throw new IllegalStateException("a trial worker failed", e.getCause());
                    }
                }
                finished.addAll(tally.records());
                tally.clearRecords();
            }
        } finally {
            pool.shutdownNow();
            try {
                pool.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!writeErrors.isEmpty()) {
            throw new IOException("cannot write the results in " + dir + ": " + writeErrors.get(0));
        }
        boolean interrupted = tally.finished() < todoCount || cancelled.get();
        if (!interrupted) {
            manifest.withEnd(Instant.now().toString()).write(dir); // an interrupted run has no end yet
        }
        return new SweepSummary(source.planned(), skipped, tally.count(TrialStatus.completed),
                tally.count(TrialStatus.diverged), tally.count(TrialStatus.failed), tally.count(TrialStatus.stopped),
                tally.steps(), (System.nanoTime() - started) / 1e9, interrupted, tally.failures(), tally.neverEnded());
    }

    /** What this run's trials produced so far, counted as they end, from any worker. */
    private static final class Tally {
        private final Map<TrialStatus, Integer> counts = new java.util.EnumMap<>(TrialStatus.class);
        private final Map<String, Integer> failures = new LinkedHashMap<>();
        private final List<TrialRecord> records = new ArrayList<>();
        private final boolean keepRecords;
        private long steps;
        private int finished;
        private int neverEnded;

        Tally(boolean keepRecords) {
            this.keepRecords = keepRecords;
        }

        synchronized int neverEnded() {
            return neverEnded;
        }

        synchronized void add(TrialRecord r) {
            counts.merge(r.status(), 1, Integer::sum);
            if (r.neverEndedAnEpisode()) {
                neverEnded++;
            }
            if (r.status() == TrialStatus.failed) {
                failures.merge(r.error() == null ? r.reason() : r.error().summary(), 1, Integer::sum);
            }
            if (keepRecords) {
                records.add(r);
            }
            steps += r.steps();
            finished++;
        }

        synchronized int count(TrialStatus status) {
            return counts.getOrDefault(status, 0);
        }

        synchronized long steps() {
            return steps;
        }

        synchronized int finished() {
            return finished;
        }

        synchronized List<TrialRecord> records() {
            return List.copyOf(records);
        }

        synchronized void clearRecords() {
            records.clear();
        }

        synchronized Map<String, Integer> failures() {
            return new LinkedHashMap<>(failures);
        }
    }

    /** Creates the directory and proves it writable. */
    private static void makeWritable(Path dir) throws RunDirectoryException {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".lrlab-write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new RunDirectoryException("cannot write to the output directory " + dir + ": "
                    + e.getClass().getSimpleName() + " " + e.getMessage());
        }
    }

    /**
     * Refuses another spec's run unless forced, and trials without a manifest (which spec wrote
     * them cannot be told, so they are never merged into this one).
     */
    private void prepare(Path dir) throws IOException, RunDirectoryException {
        boolean hasTrials = RunResults.present(dir);
        List<String> differences = new ArrayList<>();
        if (Files.exists(dir.resolve(Manifest.NAME))) {
            Manifest old;
            try {
                old = Manifest.read(dir);
            } catch (IOException e) {
                if (!options.forceNew()) {
                    throw new RunDirectoryException(e.getMessage() + "; use --force-new to start afresh "
                            + "(the old files are kept in a previous-... folder)");
                }
                old = null;
            }
            if (old != null) {
                diff("", old.spec(), specJson(), differences);
            }
            if (old != null && differences.isEmpty()) {
                return;
            }
            if (old != null && !options.forceNew() && onlyAddsTrials(dir)) {
                // trial keys are hashes of content, so a finished trial this spec also has is the
                // same trial: a spec that adds seeds, rates, agents or points extends the run
                log.println("lrlab run: the spec extends the run in " + dir + " (" + String.join("; ",
                        differences.subList(0, Math.min(5, differences.size())))
                        + (differences.size() > 5 ? "; ..." : "") + "); its finished trials are reused");
                return;
            }
        } else if (!hasTrials) {
            return;
        } else {
            differences.add("(manifest): absent, so which spec wrote the trials cannot be told");
        }
        if (!options.forceNew()) {
            throw new RunDirectoryException(dir + " holds a run of a different spec; what differs:\n  "
                    + String.join("\n  ", differences.subList(0, Math.min(20, differences.size())))
                    + "\nUse another --out, or --force-new to start afresh (the old run is kept in a "
                    + "previous-... folder)");
        }
        Path keep = dir.resolve("previous-" + Instant.now().toString().replace(':', '-'));
        Files.createDirectories(keep);
        List<String> names = new ArrayList<>(List.of(Manifest.NAME, "report"));
        names.addAll(RunResults.NAMES);
        for (String name : names) {
            if (Files.exists(dir.resolve(name))) {
                Files.move(dir.resolve(name), keep.resolve(name));
            }
        }
        log.println("lrlab run: --force-new: the earlier run was moved to " + keep);
    }

    /** Whether every trial already in the directory is one of this spec's (none is lost by going on). */
    private boolean onlyAddsTrials(Path dir) throws IOException {
        boolean[] all = {true};
        RunResults.Contents existing = RunResults.scan(dir, g -> all[0] &= source.owns(g.key()));
        return existing.damage().isEmpty() && all[0];
    }

    /**
     * Refuses results that hold a trial twice (a pasted or replayed part would count twice in the
     * report) or trials that this spec does not have (from another spec); the places of a
     * duplicate are found by a second glance, which only a damaged directory needs.
     */
    private void refuseDuplicateAndForeignTrials(Path dir, Set<String> twice, List<String> foreign, int foreignCount)
            throws IOException, RunDirectoryException {
        List<String> problems = new ArrayList<>();
        if (!twice.isEmpty()) {
            Map<String, String> first = new LinkedHashMap<>();
            RunResults.scan(dir, g -> {
                if (twice.contains(g.key()) && problems.size() < 10) {
                    String before = first.putIfAbsent(g.key(), g.location());
                    if (before != null) {
                        problems.add(before + " and " + g.location() + " are the same trial (" + g.key() + ")");
                    }
                }
            });
        }
        problems.addAll(foreign);
        if (!problems.isEmpty()) {
            throw new RunDirectoryException(dir + " holds trials that cannot be merged into this run:\n  "
                    + String.join("\n  ", problems) + (foreignCount > 10 ? "\n  (" + foreignCount + " foreign trials in all)" : "")
                    + "\nMove the results away, or use --force-new to start afresh (the old run is kept in a "
                    + "previous-... folder)");
        }
    }

    private JsonElement specJson() {
        return new Gson().toJsonTree(spec.resolved());
    }

    /** Lists the paths at which two JSON trees differ. */
    static void diff(String path, JsonElement was, JsonElement now, List<String> out) {
        if (was == null || now == null || was.isJsonNull() || now.isJsonNull()) {
            if (!(was == null || was.isJsonNull()) || !(now == null || now.isJsonNull())) {
                out.add((path.isEmpty() ? "(spec)" : path) + ": was " + show(was) + ", now " + show(now));
            }
            return;
        }
        if (was.isJsonObject() && now.isJsonObject()) {
            JsonObject a = was.getAsJsonObject();
            JsonObject b = now.getAsJsonObject();
            Set<String> keys = new java.util.TreeSet<>(a.keySet());
            keys.addAll(b.keySet());
            for (String k : keys) {
                diff(path.isEmpty() ? k : path + "." + k, a.get(k), b.get(k), out);
            }
            return;
        }
        if (!was.equals(now)) {
            out.add((path.isEmpty() ? "(spec)" : path) + ": was " + show(was) + ", now " + show(now));
        }
    }

    private static String show(JsonElement e) {
        return e == null || e.isJsonNull() ? "absent" : e.toString();
    }

    private Manifest manifest(int planned) {
        List<Manifest.ScheduleCurve> curves = new ArrayList<>();
        // one curve per distinct schedule and rate; a schedule whose settings are swept is labelled with them
        Map<String, List<ScheduleChoice>> byLabel = new LinkedHashMap<>();
        Map<ScheduleChoice, TrialSetup> example = new LinkedHashMap<>();
        for (TrialSetup setup : spec.setups()) {
            List<ScheduleChoice> same = byLabel.computeIfAbsent(setup.schedule().label(), k -> new ArrayList<>());
            if (!same.contains(setup.schedule())) {
                same.add(setup.schedule());
                example.put(setup.schedule(), setup);
            }
        }
        List<Double> rates = spec.setups().stream().map(TrialSetup::learningRate).distinct().sorted().toList();
        for (List<ScheduleChoice> same : byLabel.values()) {
            for (ScheduleChoice s : same) {
                String label = s.label() + (same.size() == 1 ? "" : " (" + scheduleParams(example.get(s)) + ")");
                drawCurves(s, label, rates, curves);
            }
        }
        Map<String, String> notes = new LinkedHashMap<>();
        for (TrialSetup setup : spec.setups()) {
            String note = setup.agent().blueprint().rateNote();
            if (!note.isEmpty()) {
                notes.putIfAbsent(setup.agent().label(), note);
            }
        }
        return new Manifest(spec.name(), ResultsJson.compact().toJsonTree(spec.resolved()), Version.lrlab(),
                Version.gitCommit(), Version.jvm(), Instant.now().toString(), null, planned, curves,
                notes.isEmpty() ? null : notes, options.shard());
    }

    private static String scheduleParams(TrialSetup setup) {
        List<String> parts = new ArrayList<>();
        setup.params().forEach((path, value) -> {
            if (path.startsWith("learning-rate.schedule.")) {
                parts.add(path.substring("learning-rate.schedule.".length()) + " = " + value);
            }
        });
        return String.join(", ", parts);
    }

    private void drawCurves(ScheduleChoice s, String label, List<Double> rates, List<Manifest.ScheduleCurve> curves) {
        long horizon = horizon(s.clock());
        int points = (int) Math.min(horizon + 1, 201);
        long[] t = new long[points];
        for (int i = 0; i < points; i++) {
            t[i] = points == 1 ? 0 : Math.round((double) horizon * i / (points - 1));
        }
        for (double rate : rates) {
            double[] r = new double[points];
            try {
                ClockedSchedule built = s.create(rate);
                for (int i = 0; i < points; i++) {
                    r[i] = built.schedule().rate(t[i]);
                }
            } catch (RuntimeException e) {
                // a plugin schedule that breaks fails its trials; the figure just goes without it
                log.println("lrlab run: schedule '" + label + "' could not be drawn: " + e);
                return;
            }
            curves.add(new Manifest.ScheduleCurve(label, s.clock().id(), rate, t, r));
        }
    }

    /** How far the schedules figure draws each clock: the budget in that clock's units, or an estimate. */
    private long horizon(Clock clock) {
        var b = spec.budget();
        long steps = b.inSteps() ? b.steps()
                : (long) b.episodes() * (b.maxEpisodeSteps() > 0 ? Math.min(b.maxEpisodeSteps(), 200) : 100);
        return switch (clock) {
            case EPISODES -> b.inSteps() ? Math.max(1, steps / 100) : b.episodes();
            case STEPS, UPDATES -> steps;
            case VISITS -> 1000;
        };
    }
}
