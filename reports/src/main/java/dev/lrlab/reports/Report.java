package dev.lrlab.reports;

import dev.lrlab.reports.Analysis.Group;
import dev.lrlab.reports.Analysis.Metric;
import dev.lrlab.reports.Analysis.Summary;
import dev.lrlab.reports.figures.Charts;
import dev.lrlab.reports.figures.Figure;
import dev.lrlab.reports.figures.FigureWriter;
import dev.lrlab.reports.figures.GridPolicyDrawing;
import dev.lrlab.reports.results.GridPolicy;
import dev.lrlab.reports.results.ResultsJson;
import dev.lrlab.reports.results.TrialRecord;
import dev.lrlab.reports.stats.MeanCurve;
import dev.lrlab.reports.stats.Statistics;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Writes a run's report into {@code RUN_DIR/report/}: the figures (SVG, PNG, PDF), CSV tables
 * (summaries and mean curves) that pandas reads as they are, {@code summary.md}, and one
 * self-contained {@code report.html} with the figures inline, the tables, the spec and the manifest.
 */
public final class Report {

    /**
     * What a report produced.
     *
     * @param dir the report directory
     * @param figures the figures' names
     * @param warnings what in the run could not be used
     * @param trials trials reported
     */
    public record Result(Path dir, List<String> figures, List<String> warnings, int trials) {
    }

    private Report() {
    }

    /**
     * Writes the report.
     *
     * @throws ReportException when the options do not fit the run (an x parameter it did not sweep)
     */
    public static Result write(RunData run, ReportOptions options) throws IOException, ReportException {
        return write(run, options, what -> { });
    }

    /**
     * Writes the report, saying what it is doing as it goes ("summarising 900 trials", "figure 3 of
     * 11: sensitivity"), for a progress line.
     */
    public static Result write(RunData run, ReportOptions options, java.util.function.Consumer<String> progress)
            throws IOException, ReportException {
        System.setProperty("java.awt.headless", "true");
        progress.accept("summarising " + run.facts().trials() + " trials");
        Analysis analysis;
        try {
            analysis = Analysis.of(run.scope(), run::forEach, options.resolvedFor(run));
        } catch (IllegalArgumentException e) {
            throw new ReportException(e.getMessage());
        }
        Path dir = run.dir().resolve("report");
        Files.createDirectories(dir);
        String rateNote = rateNote(run);

        // each maker gives zero or more figures, in the report's order; figures are made and drawn
        // on every core, and the tables written alongside them
        List<java.util.concurrent.Callable<List<Figure>>> makers = new ArrayList<>();
        makers.add(() -> List.of(Charts.returnCurves(analysis)));
        makers.add(() -> present(Charts.evaluationCurves(analysis)));
        if (analysis.isStudy()) {
            // each configuration over its own parameter: one figure puts them side by side
            makers.add(() -> present(Charts.parameterStudy(analysis)));
        } else {
            makers.add(() -> List.of(Charts.sensitivity(analysis, rateNote)));
            makers.add(() -> present(Charts.suttonBartoSensitivity(analysis, rateNote)));
        }
        if (anyDiverged(analysis)) {
            makers.add(() -> List.of(Charts.divergence(analysis, rateNote)));
        }
        if (!analysis.isStudy()) {
            makers.add(() -> present(Charts.heatMap(analysis, rateNote)));
        }
        if (!Charts.everyScheduleConstant(run.manifest())) {
            makers.add(() -> present(Charts.schedules(run.manifest(), longestTrial(run))));
        }
        for (var metric : Charts.metricMakers(analysis)) {
            makers.add(() -> present(metric.get()));
        }
        Path searchJson = run.dir().resolve("search.json");
        if (Files.isRegularFile(searchJson)) {
            makers.add(() -> searchFigures(searchJson));
        }
        makers.add(() -> gridPolicies(analysis));

        List<Drawn> drawn = drawFigures(makers, dir, progress, () -> {
            writeSummaryCsv(analysis, dir.resolve("summary.csv"));
            writeCurvesCsv(analysis, dir.resolve("curves.csv"));
            Files.writeString(dir.resolve("summary.md"), summaryMarkdown(analysis, run), StandardCharsets.UTF_8);
        });
        List<Figure> figures = drawn.stream().map(Drawn::figure).toList();
        removeStaleFigures(dir, figures);
        progress.accept("report.html");
        Files.writeString(dir.resolve("report.html"), Html.page(run, analysis, figures,
                drawn.stream().map(Drawn::svg).toList()), StandardCharsets.UTF_8);
        return new Result(dir, figures.stream().map(Figure::name).toList(), run.warnings(), run.facts().trials());
    }

    /** A figure and its SVG text, as drawn. */
    private record Drawn(Figure figure, String svg) {
    }

    /** A piece of the report written next to the figures. */
    private interface Tables {
        void write() throws IOException;
    }

    /**
     * Makes and draws the figures on every core, each maker's as one piece of work (each figure is
     * its own chart and its own files, so the files are those of drawing them one by one), and
     * writes the tables meanwhile; the figures come back in the makers' order.
     */
    private static List<Drawn> drawFigures(List<java.util.concurrent.Callable<List<Figure>>> makers, Path dir,
            java.util.function.Consumer<String> progress, Tables tables) throws IOException, ReportException {
        int threads = Math.max(1, Math.min(makers.size() + 1, Runtime.getRuntime().availableProcessors()));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "lrlab-figure");
            t.setDaemon(true);
            return t;
        });
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        try {
            List<java.util.concurrent.Future<List<Drawn>>> work = new ArrayList<>();
            for (var maker : makers) {
                work.add(pool.submit(() -> {
                    List<Drawn> out = new ArrayList<>();
                    for (Figure f : maker.call()) {
                        out.add(new Drawn(f, FigureWriter.writeAll(f, dir)));
                    }
                    synchronized (progress) {
                        progress.accept("figures: " + done.incrementAndGet() + " of " + makers.size() + " drawn");
                    }
                    return out;
                }));
            }
            java.util.concurrent.Future<?> written = pool.submit(() -> {
                tables.write();
                return null;
            });
            List<Drawn> drawn = new ArrayList<>();
            for (var w : work) {
                drawn.addAll(w.get());
            }
            written.get();
            return drawn;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while drawing figures");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof ReportException r) {
                throw r;
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Figure> present(Figure f) {
        return f == null ? List.of() : List.of(f);
    }

    private static List<Figure> searchFigures(Path searchJson) throws IOException, ReportException {
        String text = Files.readString(searchJson);
        try {
            return dev.lrlab.reports.figures.SearchFigures.of(com.google.gson.JsonParser.parseString(text)
                    .getAsJsonObject());
        } catch (RuntimeException e) {
            throw new ReportException(searchJson + " cannot be drawn: " + e.getMessage());
        }
    }

    /**
     * What the learning rate means, when every agent of the run says the same thing about it (tile
     * coding divides it among the tilings); "" otherwise (the figures' captions then say nothing).
     */
    static String rateNote(RunData run) {
        var notes = run.manifest() == null ? null : run.manifest().learningRateNotes();
        if (notes == null || notes.isEmpty()) {
            return "";
        }
        var distinct = notes.values().stream().distinct().toList();
        boolean everyAgent = notes.keySet().containsAll(run.facts().agents());
        return distinct.size() == 1 && everyAgent ? distinct.get(0)
                : String.join("; ", notes.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList());
    }

    /**
     * Deletes the figure files of an earlier report that this one did not draw (a divergence figure
     * that is now a sentence, a policy of an agent no longer in the run), so that the folder shows
     * this report only. Only names of the form figure.svg/.png/.pdf are touched.
     */
    private static void removeStaleFigures(Path dir, List<Figure> figures) throws IOException {
        java.util.Set<String> drawn = new java.util.HashSet<>();
        figures.forEach(f -> drawn.add(f.name()));
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String file = f.getFileName().toString();
                int dot = file.lastIndexOf('.');
                if (dot > 0 && List.of("svg", "png", "pdf").contains(file.substring(dot + 1))
                        && !drawn.contains(file.substring(0, dot))) {
                    Files.delete(f);
                }
            }
        }
    }

    private static boolean anyDiverged(Analysis a) {
        return a.groups().stream().anyMatch(g -> g.diverged() > 0);
    }

    /** The longest trial on each clock the run's records count ("steps", "episodes"): where schedule figures end. */
    static java.util.Map<String, Double> longestTrial(RunData run) {
        return java.util.Map.of(
                "steps", (double) run.facts().maxSteps(),
                "episodes", (double) run.facts().maxEpisodes());
    }

    /**
     * Sentences that stand in for figures that would carry nothing: no trial diverged, or every
     * schedule was constant. They open the summary, in the page and in summary.md.
     */
    static List<String> notes(Analysis a, RunData run) {
        List<String> out = new ArrayList<>();
        if (!anyDiverged(a)) {
            out.add("No trial diverged (of " + run.facts().trials() + "), so the report has no divergence figure.");
        }
        if (Charts.everyScheduleConstant(run.manifest())) {
            out.add("Every schedule is constant: each trial's step size stayed at its swept value, so the report "
                    + "has no schedule figure.");
        }
        if (a.anyGroupSubsampled()) {
            out.add("Return curves, summaries and counts use every trial; the figures of single trials (metrics, "
                    + "greedy evaluations, policies) draw, in groups of more than " + Analysis.RETAINED
                    + " completed trials, their " + Analysis.RETAINED + " lowest seeds.");
        }
        return out;
    }

    /** Figure 6, for each configuration whose best rate's trials recorded a gridworld policy. */
    static List<Figure> gridPolicies(Analysis analysis) {
        List<Figure> out = new ArrayList<>();
        for (String config : analysis.configurations()) {
            Group best = analysis.best(config);
            if (best == null) {
                continue;
            }
            List<TrialRecord> trials = best.completed().stream().filter(t -> t.gridPolicy() != null).toList();
            if (trials.isEmpty()) {
                continue;
            }
            // the policy of the seed with the median asymptotic return; values averaged over seeds
            List<TrialRecord> byScore = new ArrayList<>(trials);
            byScore.sort(Comparator.comparingDouble(t -> Analysis.score(t, Metric.ASYMPTOTIC, analysis.window())));
            TrialRecord median = byScore.get(byScore.size() / 2);
            GridPolicy representative = median.gridPolicy();
            double[] values = new double[representative.values().length];
            for (TrialRecord t : trials) {
                for (int s = 0; s < values.length; s++) {
                    values[s] += t.gridPolicy().values()[s] / trials.size();
                }
            }
            String name = "policy-" + config.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
            out.add(GridPolicyDrawing.of(name, config + " at " + pointLabel(analysis, best)
                    + " (best asymptotic return), seed " + median.seed(),
                    new GridPolicy(representative.map(), representative.glyphs(), values), median.seed(), trials.size()));
        }
        return out;
    }

    /** A group's point in words: "α = 0.5, epsilon = 0.1" (the swept paths only, the learning rate always). */
    static String pointLabel(Analysis a, Group g) {
        List<String> parts = new ArrayList<>();
        parts.add("α = " + a.parameters().get(0).show(g.learningRate()));
        for (Analysis.Parameter p : a.swept()) {
            if (!p.path().equals(Analysis.LEARNING_RATE)) {
                parts.add(p.label() + " = " + p.show(g.value(p.path())));
            }
        }
        return String.join(", ", parts);
    }

    /** The swept paths other than the learning rate: the extra columns of the CSVs and tables. */
    private static List<Analysis.Parameter> extraColumns(Analysis a) {
        return a.swept().stream().filter(p -> !p.path().equals(Analysis.LEARNING_RATE)).toList();
    }

    private static String cellOf(Object value) {
        return value instanceof Double d ? number(d) : csv(String.valueOf(value));
    }

    static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "";
    }

    private static void writeSummaryCsv(Analysis a, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("configuration,agent,schedule,learning_rate");
            for (Analysis.Parameter p : extraColumns(a)) {
                w.write("," + csv(p.path()));
            }
            w.write(",trials,completed,diverged,failed,stopped,divergence_rate");
            for (Metric m : Metric.values()) {
                for (String s : List.of("mean", "mean_low", "mean_high", "iqm", "iqm_low", "iqm_high")) {
                    w.write("," + m.id() + "_" + s);
                }
            }
            w.write("\n");
            for (Group g : a.groups()) {
                w.write(String.join(",", csv(g.configuration()), csv(g.agent()), csv(g.schedule()),
                        number(g.learningRate())));
                for (Analysis.Parameter p : extraColumns(a)) {
                    w.write("," + cellOf(g.value(p.path())));
                }
                w.write("," + String.join(",", Integer.toString(g.total()), Integer.toString(g.completedCount()),
                        Integer.toString(g.diverged()), Integer.toString(g.failed()), Integer.toString(g.stopped()),
                        number(g.divergenceRate())));
                for (Metric m : Metric.values()) {
                    Summary s = g.summaries().get(m);
                    if (s == null) {
                        w.write(",,,,,,");
                    } else {
                        // one trial has no interval: its bounds are left empty, not equal to the estimate
                        boolean interval = hasInterval(s);
                        w.write("," + String.join(",", number(s.mean().estimate()),
                                interval ? number(s.mean().low()) : "", interval ? number(s.mean().high()) : "",
                                number(s.iqm().estimate()), interval ? number(s.iqm().low()) : "",
                                interval ? number(s.iqm().high()) : ""));
                    }
                }
                w.write("\n");
            }
        }
    }

    private static void writeCurvesCsv(Analysis a, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder header = new StringBuilder("configuration,learning_rate,");
            for (Analysis.Parameter p : extraColumns(a)) {
                header.append(csv(p.path())).append(',');
            }
            w.write(header + (a.overSteps() ? "step" : "episode") + ",mean,low,high,n\n");
            StringBuilder line = new StringBuilder(128);
            for (Group g : a.groups()) {
                MeanCurve c = g.curve();
                StringBuilder prefix = new StringBuilder(csv(g.configuration()) + "," + number(g.learningRate()) + ",");
                for (Analysis.Parameter p : extraColumns(a)) {
                    prefix.append(cellOf(g.value(p.path()))).append(',');
                }
                for (int j = 0; j < c.x().length; j++) {
                    if (c.count()[j] == 0) {
                        continue;
                    }
                    line.setLength(0);
                    line.append(prefix).append((long) c.x()[j]).append(',').append(number(c.mean()[j])).append(',')
                            .append(number(c.low()[j])).append(',').append(number(c.high()[j])).append(',')
                            .append(c.count()[j]).append('\n');
                    w.write(line.toString());
                }
            }
        }
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** The summaries as a Markdown table, with the probability of improvement between configurations. */
    static String summaryMarkdown(Analysis a, RunData run) {
        StringBuilder md = new StringBuilder();
        String name = run.manifest() == null ? run.dir().getFileName().toString() : run.manifest().name();
        md.append("# ").append(name).append("\n\n");
        md.append(run.facts().trials()).append(" trials. Interim: mean return over the first ").append(a.windowLabel())
                .append("; asymptotic: over the last ").append(a.windowLabel())
                .append("; AUC: over all episodes. Mean and IQM over completed trials with 95% stratified "
                        + "bootstrap intervals; diverged and failed trials are counted, not averaged in.\n\n");
        notes(a, run).forEach(n -> md.append(n).append("\n\n"));
        long neverEnded = run.facts().neverEnded();
        if (neverEnded > 0) {
            md.append("**").append(neverEnded).append(" completed trial").append(neverEnded == 1 ? "" : "s")
                    .append(" never ended an episode**: every episode hit the time limit, so their returns measure "
                            + "the limit, not learning (their records say so under `reason`).\n\n");
        }
        List<Analysis.Parameter> extra = extraColumns(a);
        md.append("| configuration | α |");
        extra.forEach(p -> md.append(" ").append(p.label()).append(" |"));
        md.append(" done / diverged / failed | interim mean [95% CI] | asymptotic mean [95% CI] "
                + "| asymptotic IQM [95% CI] | AUC mean | final greedy eval |\n");
        md.append("|---|---|").append("---|".repeat(extra.size())).append("---|---|---|---|---|---|\n");
        for (Group g : a.groups()) {
            md.append("| ").append(g.configuration()).append(" | ").append(a.parameters().get(0).show(g.learningRate()))
                    .append(" |");
            extra.forEach(p -> md.append(" ").append(p.show(g.value(p.path()))).append(" |"));
            md.append(" ").append(g.completedCount()).append(" / ").append(g.diverged()).append(" / ")
                    .append(g.failed() + g.stopped()).append(" | ").append(cell(g, Metric.INTERIM, false)).append(" | ")
                    .append(cell(g, Metric.ASYMPTOTIC, false)).append(" | ").append(cell(g, Metric.ASYMPTOTIC, true))
                    .append(" | ").append(point(g, Metric.AUC)).append(" | ").append(point(g, Metric.FINAL_EVALUATION))
                    .append(" |\n");
        }
        List<String> configs = a.configurations();
        if (configs.size() > 1) {
            md.append("\n## Probability of improvement (asymptotic return, each at its best point)\n\n");
            md.append("P(X > Y): the chance that a seed of the row configuration beats a seed of the column one.\n\n|  |");
            configs.forEach(c -> md.append(" ").append(c).append(" |"));
            md.append("\n|---|").append("---|".repeat(configs.size())).append("\n");
            for (String x : configs) {
                md.append("| ").append(x).append(" |");
                for (String y : configs) {
                    Group bx = a.best(x);
                    Group by = a.best(y);
                    md.append(" ").append(x.equals(y) || bx == null || by == null ? "–"
                            : String.format(Locale.ROOT, "%.2f", Statistics.probabilityOfImprovement(
                                    bx.summaries().get(Metric.ASYMPTOTIC).scores(),
                                    by.summaries().get(Metric.ASYMPTOTIC).scores()))).append(" |");
                }
                md.append("\n");
            }
        }
        if (!run.warnings().isEmpty()) {
            md.append("\n## Warnings\n\n");
            run.warnings().forEach(w -> md.append("- ").append(w).append("\n"));
        }
        return md.toString();
    }

    private static String cell(Group g, Metric m, boolean iqm) {
        Summary s = g.summaries().get(m);
        if (s == null) {
            return "–";
        }
        var i = iqm ? s.iqm() : s.mean();
        if (!hasInterval(s)) {
            return String.format(Locale.ROOT, "%.2f (one trial)", i.estimate());
        }
        return String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", i.estimate(), i.low(), i.high());
    }

    /** Whether a summary rests on two trials or more: the bootstrap of one trial is that trial, not an interval. */
    private static boolean hasInterval(Summary s) {
        return s.scores().length > 1;
    }

    private static String point(Group g, Metric m) {
        Summary s = g.summaries().get(m);
        return s == null ? "–" : String.format(Locale.ROOT, "%.2f", s.mean().estimate());
    }

    /** The manifest as pretty JSON, for the HTML page. */
    static String manifestJson(RunData run) {
        return run.manifest() == null ? "(no manifest)" : ResultsJson.pretty().toJson(run.manifest().spec());
    }
}
