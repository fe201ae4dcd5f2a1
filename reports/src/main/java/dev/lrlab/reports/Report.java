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

    public static Result write(RunData run, ReportOptions options) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path dir = run.dir().resolve("report");
        Files.createDirectories(dir);
        Analysis analysis = Analysis.of(run.trials(), options.resolvedFor(run));

        List<Figure> figures = new ArrayList<>();
        figures.add(Charts.returnCurves(analysis));
        figures.add(Charts.sensitivity(analysis));
        figures.add(Charts.divergence(analysis));
        addIfPresent(figures, Charts.schedules(run.manifest()));
        addIfPresent(figures, Charts.stepSizes(analysis));
        figures.addAll(gridPolicies(analysis));

        List<String> svgs = new ArrayList<>();
        for (Figure f : figures) {
            svgs.add(FigureWriter.writeAll(f, dir));
        }
        writeSummaryCsv(analysis, dir.resolve("summary.csv"));
        writeCurvesCsv(analysis, dir.resolve("curves.csv"));
        String markdown = summaryMarkdown(analysis, run);
        Files.writeString(dir.resolve("summary.md"), markdown, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("report.html"), Html.page(run, analysis, figures, svgs),
                StandardCharsets.UTF_8);
        return new Result(dir, figures.stream().map(Figure::name).toList(), run.warnings(), run.trials().size());
    }

    private static void addIfPresent(List<Figure> figures, Figure f) {
        if (f != null) {
            figures.add(f);
        }
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
            GridPolicy representative = byScore.get(byScore.size() / 2).gridPolicy();
            double[] values = new double[representative.values().length];
            for (TrialRecord t : trials) {
                for (int s = 0; s < values.length; s++) {
                    values[s] += t.gridPolicy().values()[s] / trials.size();
                }
            }
            String name = "policy-" + config.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
            out.add(GridPolicyDrawing.of(name, config + " at α = " + Charts.rate(best.learningRate())
                    + " (best asymptotic return)", new GridPolicy(representative.map(), representative.glyphs(), values)));
        }
        return out;
    }

    static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "";
    }

    private static void writeSummaryCsv(Analysis a, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("configuration,agent,schedule,learning_rate,trials,completed,diverged,failed,divergence_rate");
            for (Metric m : Metric.values()) {
                for (String s : List.of("mean", "mean_low", "mean_high", "iqm", "iqm_low", "iqm_high")) {
                    w.write("," + m.id() + "_" + s);
                }
            }
            w.write("\n");
            for (Group g : a.groups()) {
                w.write(String.join(",", csv(g.configuration()), csv(g.agent()), csv(g.schedule()),
                        number(g.learningRate()), Integer.toString(g.total()), Integer.toString(g.completed().size()),
                        Integer.toString(g.diverged()), Integer.toString(g.failed()), number(g.divergenceRate())));
                for (Metric m : Metric.values()) {
                    Summary s = g.summaries().get(m);
                    if (s == null) {
                        w.write(",,,,,,");
                    } else {
                        w.write("," + String.join(",", number(s.mean().estimate()), number(s.mean().low()),
                                number(s.mean().high()), number(s.iqm().estimate()), number(s.iqm().low()),
                                number(s.iqm().high())));
                    }
                }
                w.write("\n");
            }
        }
    }

    private static void writeCurvesCsv(Analysis a, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("configuration,learning_rate," + (a.overSteps() ? "step" : "episode") + ",mean,low,high,n\n");
            StringBuilder line = new StringBuilder(128);
            for (Group g : a.groups()) {
                MeanCurve c = g.curve();
                String prefix = csv(g.configuration()) + "," + number(g.learningRate()) + ",";
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
        md.append(run.trials().size()).append(" trials. Interim: mean return over the first ").append(a.windowLabel())
                .append("; asymptotic: over the last ").append(a.windowLabel())
                .append("; AUC: over all episodes. Mean and IQM over completed trials with 95% stratified "
                        + "bootstrap intervals; diverged and failed trials are counted, not averaged in.\n\n");
        md.append("| configuration | α | done / diverged / failed | interim mean [95% CI] | asymptotic mean [95% CI] "
                + "| asymptotic IQM [95% CI] | AUC mean | final greedy eval |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        for (Group g : a.groups()) {
            md.append("| ").append(g.configuration()).append(" | ").append(Charts.rate(g.learningRate()))
                    .append(" | ").append(g.completed().size()).append(" / ").append(g.diverged()).append(" / ")
                    .append(g.failed()).append(" | ").append(cell(g, Metric.INTERIM, false)).append(" | ")
                    .append(cell(g, Metric.ASYMPTOTIC, false)).append(" | ").append(cell(g, Metric.ASYMPTOTIC, true))
                    .append(" | ").append(point(g, Metric.AUC)).append(" | ").append(point(g, Metric.FINAL_EVALUATION))
                    .append(" |\n");
        }
        List<String> configs = a.configurations();
        if (configs.size() > 1) {
            md.append("\n## Probability of improvement (asymptotic return, each at its best α)\n\n");
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
        return String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", i.estimate(), i.low(), i.high());
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
