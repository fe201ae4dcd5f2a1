package dev.lrlab.reports.figures;

import dev.lrlab.reports.Analysis;
import dev.lrlab.reports.Analysis.Group;
import dev.lrlab.reports.Analysis.Metric;
import dev.lrlab.reports.Analysis.Parameter;
import dev.lrlab.reports.results.Manifest;
import dev.lrlab.reports.results.MetricSeries;
import dev.lrlab.reports.results.TrialRecord;
import dev.lrlab.reports.stats.Interval;
import dev.lrlab.reports.stats.MeanCurve;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The report's charts, built with JFreeChart from an {@link Analysis} (and the manifest). The
 * sensitivity figures put the analysis's x parameter (the learning rate unless told otherwise) on
 * the x axis and draw one line per series; the curve figures draw one panel per series and one line
 * per value of the x parameter.
 */
public final class Charts {

    private static final int WIDTH = 720;
    private static final int MAX_POINTS = 600;
    private static final Pattern PERCENTILE = Pattern.compile("(.+)_p(\\d{1,2})");
    private static final Font PANEL_TITLE = new Font("DejaVu Sans", Font.BOLD, 11);

    private Charts() {
    }

    /** Label of a learning rate: compact, and as a power of two when it is one. */
    public static String rate(double r) {
        return Analysis.show(r);
    }

    /** "α = 0.1" or "epsilon = 0.3": a value of the x parameter as a legend names it. */
    private static String named(Parameter p, Object value) {
        return p.label() + " = " + p.show(value);
    }

    /** Figure 1: return curves, one panel per series, one line (with its band) per value of x. */
    public static Figure returnCurves(Analysis a) {
        String xLabel = a.overSteps() ? "environment steps" : "episode";
        NumberAxis xAxis = trainingAxis(a, xLabel);
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(xAxis);
        combined.setGap(12);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        List<XYPlot> panels = new ArrayList<>();
        boolean anyFaint = false;
        for (String series : a.series()) {
            // a parameter study's panels each have their own parameter
            Parameter xp = a.xParameterOf(series);
            List<Object> values = xp.values();
            YIntervalSeriesCollection data = new YIntervalSeriesCollection();
            DeviationRenderer renderer = bandRenderer();
            StringBuilder ended = new StringBuilder();
            java.util.Set<Integer> highlighted = a.highlighted(series);
            for (Group g : a.groupsOfSeries(series)) {
                int i = values.indexOf(g.value(xp.path()));
                int notCompleted = g.diverged() + g.failed() + g.stopped();
                if (notCompleted > 0) {
                    ended.append(ended.length() == 0 ? "" : ", ").append(named(xp, g.value(xp.path()))).append(": ")
                            .append(notCompleted).append('/').append(g.total());
                }
                if (g.completedCount() == 0) {
                    continue;
                }
                YIntervalSeries s = new YIntervalSeries(named(xp, g.value(xp.path())));
                MeanCurve c = g.curve();
                boolean faint = highlighted != null && !highlighted.contains(i);
                // at most about MAX_POINTS points a line: the figure stays light, the CSV keeps them all;
                // a curve ends where its shortest trial does, so that its last points are not the mean of
                // the few longer trials (whose band would flare there)
                int stride = Math.max(1, (c.x().length + MAX_POINTS - 1) / MAX_POINTS);
                int everyTrial = g.completedCount();
                for (int j = 0; j < c.x().length; j += stride) {
                    if (!Double.isNaN(c.mean()[j]) && c.count()[j] == everyTrial) {
                        s.add(c.x()[j], c.mean()[j], faint ? c.mean()[j] : c.low()[j], faint ? c.mean()[j] : c.high()[j]);
                        lo = Math.min(lo, c.low()[j]);
                        hi = Math.max(hi, c.high()[j]);
                    }
                }
                styleLine(renderer, data.getSeriesCount(), i, values.size(), faint);
                anyFaint |= faint;
                data.addSeries(s);
            }
            XYPlot panel = new XYPlot(data, null, yAxis("return"), renderer);
            panelTitle(panel, series + (ended.length() > 0 ? "   (diverged, failed or stopped: " + ended + ")" : ""));
            if (a.isStudy()) {
                panelLegend(panel, xp);
            }
            panels.add(panel);
            combined.add(panel, 1);
        }
        Parameter xp = a.xParameter();
        if (!a.isStudy()) {
            combined.setFixedLegendItems(rampLegend(xp));
        }
        JFreeChart chart = new JFreeChart("Return curves by " + (a.isStudy() ? "each configuration's own parameter"
                : xp.path().equals(Analysis.LEARNING_RATE) ? "learning rate" : xp.label()), JFreeChart.DEFAULT_TITLE_FONT,
                combined, !a.isStudy());
        if (!a.isStudy()) {
            chart.getLegend().setPosition(RectangleEdge.RIGHT);
        }
        Theme.apply(chart);
        // shared y axes; the lower end is clipped at the 5th percentile of the mean curves when what
        // lies below it would take more than two thirds of the axis, so that the first few very poor
        // episodes (the cliff walk's, ten times the plateau) do not squash the rest, while a curve
        // that rises from a random policy's start (Breakout's, fast or slow) is drawn whole
        double clip = lowerClip(a);
        boolean clipped = clip > lo && clip - lo > 2 * (hi - clip);
        lo = clipped ? clip : lo;
        if (lo < hi) {
            double pad = 0.04 * (hi - lo);
            // headroom above the curves for the panel's title, so that it covers none of them
            double headroom = 0.16 * (hi - lo);
            for (XYPlot p : panels) {
                p.getRangeAxis().setRange(new Range(lo - pad, hi + pad + headroom));
                if (clipped) {
                    // a marker where the first episodes leave the axis; the caption says what it means
                    XYTextAnnotation below = new XYTextAnnotation("\u25bc", 0, lo - pad);
                    below.setFont(new Font("DejaVu Sans", Font.PLAIN, 11));
                    below.setPaint(new Color(90, 90, 90));
                    below.setTextAnchor(TextAnchor.BOTTOM_LEFT);
                    p.addAnnotation(below);
                }
            }
        }
        String smoothing = a.smoothing() > 1 ? ", smoothed over " + a.smoothing() + " episodes" : "";
        boolean anyBand = anySpread(a);
        return new Figure("return-curves", "Mean training return across seeds" + smoothing
                + (anyBand ? ", with 95% bands for the mean (a percentile bootstrap across seeds; a t-interval from "
                        + MeanCurve.BOOTSTRAP_BELOW + " seeds on), never wider than the returns themselves"
                        : ", one seed per curve (no bands)") + "; one panel per "
                + "configuration" + (a.swept().size() > 1 ? " and value of the other swept settings" : "")
                + ", shared axes; each curve ends where its shortest trial does"
                + (anyFaint ? "; in each panel the smallest, the largest and the best value are drawn in full, the "
                        + "others thin and without bands (report --highlight all draws every one)" : "")
                + (clipped ? "; the y axis starts at the lowest point of any curve past its first twentieth, so that "
                        + "every curve is visible and only the first, poorest episodes run off the bottom (\u25bc)" : "")
                + ". Diverged, failed and stopped trials are left out of the curves and counted in each panel's title.",
                chart::draw, WIDTH + 120, 90 + 200 * Math.max(1, panels.size()));
    }

    /**
     * The greedy evaluations the trials recorded, as the return curves are drawn: one panel per
     * series, one line per value of x, the mean over seeds with a 95% band; null when the run did
     * not evaluate.
     */
    public static Figure evaluationCurves(Analysis a) {
        Parameter xp = a.xParameter();
        List<Object> values = xp.values();
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(trainingAxis(a, a.overSteps()
                ? "environment steps" : "training episodes"));
        combined.setGap(12);
        List<XYPlot> panels = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int perEvaluation = 0;
        List<MeanCurve> means = new ArrayList<>();
        boolean symlog = evaluationsSpanDecades(a);
        for (String series : a.series()) {
            YIntervalSeriesCollection data = new YIntervalSeriesCollection();
            DeviationRenderer renderer = bandRenderer();
            java.util.Set<Integer> highlighted = a.highlighted(series);
            StringBuilder ended = new StringBuilder();
            for (Group g : a.groupsOfSeries(series)) {
                int notCompleted = g.diverged() + g.failed() + g.stopped();
                if (notCompleted > 0) {
                    ended.append(ended.length() == 0 ? "" : ", ").append(named(xp, g.value(xp.path()))).append(": ")
                            .append(notCompleted).append('/').append(g.total());
                }
                List<TrialRecord> evaluated = g.completed().stream()
                        .filter(t -> t.evaluations() != null && t.evaluations().length > 0).toList();
                if (evaluated.isEmpty()) {
                    continue;
                }
                TrialRecord first = evaluated.get(0);
                double[] x;
                double[][] curves = new double[evaluated.size()][];
                if (a.overSteps()) {
                    // trials evaluate at different steps (every so many episodes, of different lengths):
                    // each is read on a common grid of steps, as its last evaluation by then
                    double last = evaluated.stream().mapToDouble(t -> t.evaluations()[t.evaluations().length - 1]
                            .steps()).max().orElse(1);
                    x = new double[100];
                    for (int j = 0; j < x.length; j++) {
                        x[j] = last * (j + 1) / x.length;
                    }
                    for (int k = 0; k < evaluated.size(); k++) {
                        var ev = evaluated.get(k).evaluations();
                        curves[k] = new double[x.length];
                        int e = -1;
                        for (int j = 0; j < x.length; j++) {
                            while (e + 1 < ev.length && ev[e + 1].steps() <= x[j]) {
                                e++;
                            }
                            curves[k][j] = e < 0 || x[j] > ev[ev.length - 1].steps() ? Double.NaN : ev[e].meanReturn();
                        }
                    }
                } else {
                    // every trial evaluates at the same episodes; one with fewer stopped early
                    int points = evaluated.stream().mapToInt(t -> t.evaluations().length).max().orElse(0);
                    x = new double[points];
                    TrialRecord longest = evaluated.stream().max(java.util.Comparator.comparingInt(
                            t -> t.evaluations().length)).orElseThrow();
                    for (int j = 0; j < points; j++) {
                        x[j] = longest.evaluations()[j].episode();
                    }
                    for (int k = 0; k < evaluated.size(); k++) {
                        var ev = evaluated.get(k).evaluations();
                        curves[k] = new double[points];
                        for (int j = 0; j < points; j++) {
                            curves[k][j] = j < ev.length ? ev[j].meanReturn() : Double.NaN;
                        }
                    }
                }
                perEvaluation = first.evaluations()[0].episodes();
                MeanCurve c = MeanCurve.of(x, curves, 0.95);
                means.add(c);
                int everyTrial = evaluated.size();
                int i = values.indexOf(g.value(xp.path()));
                boolean faint = highlighted != null && !highlighted.contains(i);
                YIntervalSeries s = new YIntervalSeries(named(xp, g.value(xp.path())));
                for (int j = 0; j < x.length; j++) {
                    if (Double.isNaN(c.mean()[j]) || c.count()[j] < everyTrial) {
                        continue; // where some trials have no evaluation yet, or none any more
                    }
                    double m = symlog ? symlog(c.mean()[j]) : c.mean()[j];
                    double l = symlog ? symlog(c.low()[j]) : c.low()[j];
                    double h = symlog ? symlog(c.high()[j]) : c.high()[j];
                    s.add(x[j], m, faint ? m : l, faint ? m : h);
                    lo = Math.min(lo, l);
                    hi = Math.max(hi, h);
                }
                styleLine(renderer, data.getSeriesCount(), i, values.size(), faint);
                data.addSeries(s);
            }
            if (data.getSeriesCount() == 0) {
                continue;
            }
            XYPlot panel = new XYPlot(data, null, symlog ? new SymlogAxis("greedy return") : yAxis("greedy return"),
                    renderer);
            panelTitle(panel, series + (ended.length() > 0 ? "   (diverged, failed or stopped: " + ended + ")" : ""));
            panels.add(panel);
            combined.add(panel, 1);
        }
        if (panels.isEmpty()) {
            return null;
        }
        combined.setFixedLegendItems(rampLegend(xp));
        JFreeChart chart = new JFreeChart("Greedy evaluation by " + (xp.path().equals(Analysis.LEARNING_RATE)
                ? "learning rate" : xp.label()), JFreeChart.DEFAULT_TITLE_FONT, combined, true);
        chart.getLegend().setPosition(RectangleEdge.RIGHT);
        Theme.apply(chart);
        if (symlog) {
            chart.addSubtitle(new TextTitle("y axis: symmetric log scale, sign(y) log10(1 + |y|)",
                    new Font("DejaVu Sans", Font.PLAIN, 12)));
        }
        if (lo < hi) {
            double pad = 0.04 * (hi - lo);
            for (XYPlot p : panels) {
                p.getRangeAxis().setRange(new Range(lo - pad, hi + pad + 0.16 * (hi - lo)));
            }
        }
        return new Figure("evaluation-curves", "Return of the greedy policy (no exploration, no learning), "
                + perEvaluation + " episode" + (perEvaluation == 1 ? "" : "s") + " at each evaluation, mean over seeds "
                + "with 95% bands. It can be much worse than the training return: a greedy policy that is not yet "
                + "right can loop between two states until the time limit (a gridworld agent whose values still "
                + "tie), where the exploring policy stumbles out, so a low greedy return early on says the "
                + "values are not yet ordered, not that learning failed." + (symlog ? " The y axis is a symmetric log "
                        + "scale (sign(y) log10(1 + |y|)), since the returns span several orders of magnitude." : ""),
                chart::draw, WIDTH + 120,
                90 + 200 * Math.max(1, panels.size()));
    }

    /** Whether the greedy returns run over more than two decades: a few looping seeds among good ones. */
    private static boolean evaluationsSpanDecades(Analysis a) {
        double small = Double.POSITIVE_INFINITY;
        double large = 0;
        for (Group g : a.groups()) {
            for (TrialRecord t : g.completed()) {
                if (t.evaluations() != null) {
                    for (var e : t.evaluations()) {
                        double v = Math.abs(e.meanReturn());
                        small = Math.min(small, Math.max(1, v));
                        large = Math.max(large, v);
                    }
                }
            }
        }
        return large / small > 100;
    }

    /** Figure 2: interim and asymptotic return against x, one line per series. */
    public static Figure sensitivity(Analysis a, String rateNote) {
        Parameter xp = a.xParameter();
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(xAxis(xp, rateNote));
        combined.setGap(14);
        for (Metric metric : List.of(Metric.INTERIM, Metric.ASYMPTOTIC)) {
            XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
            XYErrorRenderer renderer = new XYErrorRenderer();
            renderer.setDrawXError(false);
            renderer.setDefaultLinesVisible(true);
            renderer.setCapLength(5);
            renderer.setErrorStroke(new BasicStroke(1f));
            List<String> series = a.series();
            for (int c = 0; c < series.size(); c++) {
                XYIntervalSeries s = new XYIntervalSeries(series.get(c));
                for (Group g : a.groupsOfSeries(series.get(c))) {
                    var summary = g.summaries().get(metric);
                    if (summary != null) {
                        Interval m = summary.mean();
                        double x = xOf(xp, g.value(xp.path()));
                        s.add(x, x, x, m.estimate(), m.low(), m.high());
                    }
                }
                data.addSeries(s);
            }
            renderer.setErrorPaint(null);
            NumberAxis y = new NumberAxis(metric.id() + " return");
            y.setAutoRangeIncludesZero(false);
            combined.add(new XYPlot(data, null, y, renderer), 1);
        }
        JFreeChart chart = new JFreeChart("Sensitivity to " + (xp.path().equals(Analysis.LEARNING_RATE)
                ? "the learning rate" : xp.label()), JFreeChart.DEFAULT_TITLE_FONT, combined, true);
        Theme.apply(chart);
        boolean anyDiverged = a.groups().stream().anyMatch(g -> g.diverged() > 0);
        for (Object sub : combined.getSubplots()) {
            styleBySeries((XYPlot) sub, a);
            if (anyDiverged) {
                markDiverged((XYPlot) sub, a, xp);
            }
        }
        boolean anyInterval = anySpread(a);
        chart.addSubtitle(new TextTitle((anyInterval ? "mean over the seeds that completed; bars: 95% bootstrap intervals"
                : "one seed per point, so no intervals")
                + (anyDiverged ? "; \u00d7 at the foot: seeds diverged (%)" : ""), new Font("DejaVu Sans", Font.PLAIN, 12)));
        LegendItemCollection legend = new LegendItemCollection();
        XYPlot first = (XYPlot) combined.getSubplots().get(0);
        for (int i = 0; i < first.getDataset().getSeriesCount(); i++) {
            legend.add(first.getRenderer().getLegendItem(0, i));
        }
        combined.setFixedLegendItems(legend);
        return new Figure("sensitivity", "Mean return over the first " + a.windowLabel() + " (interim) and "
                + "the last " + a.windowLabel() + " (asymptotic) against " + describe(xp)
                + (anyInterval ? ", with 95% bootstrap intervals over the seeds that completed"
                        : ", one seed per point (no intervals)")
                + (anyDiverged ? "; a \u00d7 at the foot of a panel marks a point where seeds diverged, with the "
                        + "percentage that did (a point whose seeds all diverged has only the \u00d7)" : "")
                + "." + note(rateNote), chart::draw, WIDTH, 560 + 22 * legendRows(a));
    }

    /**
     * A parameter study (Sutton &amp; Barto's Figure 2.6), drawn when each configuration sweeps a
     * parameter of its own (a spec whose agents bring their own sweep): one panel with each
     * configuration's mean return over all episodes (the auc score; for one-step episodes, the
     * average reward per step) against its own parameter, all on one log axis, with 95% bootstrap
     * intervals. Null for any other run.
     */
    public static Figure parameterStudy(Analysis a) {
        if (!a.isStudy()) {
            return null;
        }
        Map<String, Parameter> own = new LinkedHashMap<>();
        for (String config : a.configurations()) {
            own.put(config, a.xParameterOf(config));
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (var e : own.entrySet()) {
            Parameter p = e.getValue();
            XYIntervalSeries s = new XYIntervalSeries(e.getKey() + " (" + p.label() + ")");
            List<Group> groups = new ArrayList<>(a.groupsOf(e.getKey()));
            groups.removeIf(g -> !(g.value(p.path()) instanceof Double v && v > 0)
                    || g.summaries().get(Metric.AUC) == null);
            groups.sort(java.util.Comparator.comparingDouble(g -> (Double) g.value(p.path())));
            for (Group g : groups) {
                double x = (Double) g.value(p.path());
                Interval m = g.summaries().get(Metric.AUC).mean();
                s.add(x, x, x, m.estimate(), m.low(), m.high());
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
            data.addSeries(s);
        }
        if (!(lo < hi)) {
            return null;
        }
        LogAxis x = new LogAxis("each method's own parameter (log scale)");
        x.setBase(2);
        x.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1.0));
        x.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.########",
                java.text.DecimalFormatSymbols.getInstance(Locale.ROOT)));
        x.setRange(lo / 1.4, hi * 1.4);
        NumberAxis y = new NumberAxis("mean return over all episodes (auc)");
        y.setAutoRangeIncludesZero(false);
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDefaultLinesVisible(true);
        renderer.setCapLength(5);
        renderer.setErrorStroke(new BasicStroke(1f));
        renderer.setErrorPaint(null);
        for (int c = 0; c < own.size(); c++) {
            renderer.setSeriesPaint(c, Palette.category(c));
            renderer.setSeriesStroke(c, Palette.stroke(c, 1.6f));
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        JFreeChart chart = new JFreeChart("Parameter study", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.addSubtitle(new TextTitle("each line over its own parameter; mean over the seeds that completed, 95% "
                + "bootstrap intervals", new Font("DejaVu Sans", Font.PLAIN, 12)));
        Theme.apply(chart);
        for (int c = 0; c < own.size(); c++) {
            renderer.setSeriesPaint(c, Palette.category(c));
            renderer.setSeriesStroke(c, Palette.stroke(c, 1.6f));
        }
        String parameters = String.join(", ", own.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue().label())
                .toList());
        return new Figure("parameter-study", "Each configuration's mean return over all episodes against its own "
                + "swept parameter (" + parameters + "), on one log axis: the parameter study of Sutton & Barto's "
                + "Figure 2.6. Bars: 95% bootstrap intervals of the mean over seeds.", chart::draw, WIDTH, 440);
    }

    /**
     * The sensitivity figure as Sutton and Barto draw it (Figure 6.3): one panel, for each series
     * the interim return (the mean over the first 100 episodes, dashed, hollow markers) and the
     * asymptotic return (the mean over every episode of the run, solid), means over the seeds.
     */
    public static Figure suttonBartoSensitivity(Analysis a, String rateNote) {
        Parameter xp = a.xParameter();
        int shortest = a.completedLengths().isEmpty() ? 0 : a.completedLengths().first();
        if (shortest == 0) {
            return null;
        }
        int interim = a.firstEpisodes();
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        List<String> series = a.series();
        for (int c = 0; c < series.size(); c++) {
            XYSeries early = new XYSeries(series.get(c) + ", interim");
            XYSeries all = new XYSeries(series.get(c) + ", asymptotic");
            for (Group g : a.groupsOfSeries(series.get(c))) {
                if (g.completedCount() == 0) {
                    continue;
                }
                double x = xOf(xp, g.value(xp.path()));
                early.add(x, g.firstEpisodesMean());
                all.add(x, g.allEpisodesMean());
            }
            data.addSeries(early);
            data.addSeries(all);
        }
        NumberAxis y = new NumberAxis("sum of rewards during episode");
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, xAxis(xp, rateNote), y, renderer);
        JFreeChart chart = new JFreeChart("Interim and asymptotic performance", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        Theme.apply(chart);
        // after the theme, which sets its own series styles: colour and marker by configuration,
        // dashed and hollow for interim, solid and filled for asymptotic
        renderer.setUseFillPaint(true);
        for (int c = 0; c < series.size(); c++) {
            int config = a.configurations().indexOf(a.groupsOfSeries(series.get(c)).get(0).configuration());
            for (int k = 0; k < 2; k++) {
                int i = 2 * c + k;
                Color color = seriesColor(a, series.get(c));
                renderer.setSeriesPaint(i, color);
                renderer.setSeriesFillPaint(i, k == 0 ? Color.WHITE : color);
                renderer.setSeriesShape(i, Palette.shape(config));
                renderer.setSeriesShapesVisible(i, true);
                renderer.setSeriesShapesFilled(i, true);
                renderer.setSeriesStroke(i, k == 0
                        ? new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {6, 4}, 0)
                        : new BasicStroke(2f));
            }
        }
        chart.addSubtitle(new TextTitle("as Sutton & Barto's Figure 6.3: dashed, the first " + interim
                + " episodes; solid, all " + (a.completedLengths().size() == 1 ? shortest + " " : "") + "episodes",
                new Font("DejaVu Sans", Font.PLAIN, 12)));
        return new Figure("sensitivity-sutton-barto", "Interim performance (mean return over the first " + interim
                + " episodes, dashed) and asymptotic performance (mean return over all episodes of the run, solid) "
                + "against " + describe(xp) + ", means over the seeds that completed, in one panel as Sutton and "
                + "Barto's Figure 6.3 draws them; the two-panel sensitivity figure has the intervals." + note(rateNote),
                chart::draw, WIDTH, 460 + 22 * legendRows(a) * 2);
    }

    /**
     * Draws a × in the series' colour at the foot of a sensitivity panel for each point where seeds
     * diverged, labelled with the percentage, and makes room for it below the data.
     */
    private static void markDiverged(XYPlot plot, Analysis a, Parameter xp) {
        var data = (XYIntervalSeriesCollection) plot.getDataset();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            for (int i = 0; i < data.getItemCount(s); i++) {
                lo = Math.min(lo, data.getStartYValue(s, i));
                hi = Math.max(hi, data.getEndYValue(s, i));
            }
        }
        if (!(lo <= hi)) {
            lo = 0;
            hi = 1;
        }
        double span = hi > lo ? hi - lo : Math.max(1, Math.abs(hi));
        List<String> series = a.series();
        List<Integer> marked = new ArrayList<>();
        for (int c = 0; c < series.size(); c++) {
            if (a.groupsOfSeries(series.get(c)).stream().anyMatch(g -> g.diverged() > 0)) {
                marked.add(c);
            }
        }
        // one row per series that diverged somewhere: a × and, under it, the percentage
        double row = 0.11 * span;
        double top = lo - 0.08 * span;
        plot.getRangeAxis().setRange(top - row * marked.size(), hi + 0.06 * span);
        var renderer = (XYLineAndShapeRenderer) plot.getRenderer();
        for (int k = 0; k < marked.size(); k++) {
            int c = marked.get(k);
            java.awt.Paint paint = renderer.getSeriesPaint(c);
            double y = top - row * k - 0.3 * row;
            for (Group g : a.groupsOfSeries(series.get(c))) {
                if (g.diverged() == 0) {
                    continue;
                }
                double x = xOf(xp, g.value(xp.path()));
                XYTextAnnotation cross = new XYTextAnnotation("\u00d7", x, y);
                cross.setFont(new Font("DejaVu Sans", Font.BOLD, 15));
                cross.setPaint(paint);
                cross.setTextAnchor(TextAnchor.CENTER);
                plot.addAnnotation(cross);
                XYTextAnnotation pct = new XYTextAnnotation(String.format(Locale.ROOT, "%.0f%%",
                        100 * g.divergenceRate()), x, y - 0.12 * row);
                pct.setFont(new Font("DejaVu Sans", Font.PLAIN, 10));
                pct.setPaint(paint);
                pct.setTextAnchor(TextAnchor.TOP_CENTER);
                plot.addAnnotation(pct);
            }
        }
    }

    /** Figure 3: the fraction of trials that diverged, against x. */
    public static Figure divergence(Analysis a, String rateNote) {
        Parameter xp = a.xParameter();
        XYSeriesCollection data = new XYSeriesCollection();
        for (String series : a.series()) {
            XYSeries s = new XYSeries(series);
            for (Group g : a.groupsOfSeries(series)) {
                s.add(xOf(xp, g.value(xp.path())), 100 * g.divergenceRate());
            }
            data.addSeries(s);
        }
        NumberAxis y = new NumberAxis("trials diverged (%)");
        y.setRange(-3, 103);
        XYPlot plot = new XYPlot(data, xAxis(xp, rateNote), y, new XYLineAndShapeRenderer(true, true));
        JFreeChart chart = new JFreeChart("Divergence by " + (xp.path().equals(Analysis.LEARNING_RATE)
                ? "learning rate" : xp.label()), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        Theme.apply(chart);
        styleBySeries(plot, a);
        return new Figure("divergence", "Percentage of trials at each value of " + describe(xp) + " that ended "
                + "as diverged (a non-finite value or one beyond the agent's bound)." + note(rateNote),
                chart::draw, WIDTH, 360 + 22 * legendRows(a));
    }

    /**
     * Figure: for a sweep of exactly two settings, a heat map per configuration of the asymptotic
     * mean return over both, each cell labelled with its value; grey where every trial diverged.
     */
    public static Figure heatMap(Analysis a, String rateNote) {
        List<Parameter> swept = a.swept();
        if (swept.size() != 2) {
            return null;
        }
        Parameter xp = a.xParameter();
        Parameter yp = swept.get(0).path().equals(xp.path()) ? swept.get(1) : swept.get(0);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Group g : a.groups()) {
            var s = g.summaries().get(Metric.ASYMPTOTIC);
            if (s != null) {
                lo = Math.min(lo, s.mean().estimate());
                hi = Math.max(hi, s.mean().estimate());
            }
        }
        if (!(lo <= hi)) {
            return null;
        }
        if (lo == hi) {
            hi = lo + 1;
        }
        LookupPaintScale scale = new LookupPaintScale(lo, hi + 1e-9 * Math.abs(hi) + 1e-12, new Color(0xBBBBBB));
        for (int k = 0; k <= 64; k++) {
            scale.add(lo + (hi - lo) * k / 64.0, Palette.ramp(k, 65));
        }
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(indexAxis(xp, rateNote));
        combined.setGap(14);
        List<XYPlot> panels = new ArrayList<>();
        List<List<XYTextAnnotation>> labels = new ArrayList<>();
        for (String config : a.configurations()) {
            DefaultXYZDataset data = new DefaultXYZDataset();
            List<Group> groups = a.groupsOf(config);
            double[][] cells = new double[3][groups.size()];
            List<XYTextAnnotation> cellLabels = new ArrayList<>();
            for (int k = 0; k < groups.size(); k++) {
                Group g = groups.get(k);
                cells[0][k] = xp.values().indexOf(g.value(xp.path()));
                cells[1][k] = yp.values().indexOf(g.value(yp.path()));
                var s = g.summaries().get(Metric.ASYMPTOTIC);
                cells[2][k] = s == null ? Double.NaN : s.mean().estimate();
                XYTextAnnotation label = new XYTextAnnotation(s == null ? "diverged"
                        : String.format(Locale.ROOT, "%.3g", s.mean().estimate()), cells[0][k], cells[1][k]);
                double shade = s == null ? 0.5 : (s.mean().estimate() - lo) / (hi - lo);
                // dark text on the light (yellow-green) end of the ramp, light text on the dark end
                label.setPaint(shade > 0.55 ? Color.BLACK : Color.WHITE);
                label.setTextAnchor(TextAnchor.CENTER);
                cellLabels.add(label);
            }
            data.addSeries(config, cells);
            XYBlockRenderer renderer = new XYBlockRenderer();
            renderer.setPaintScale(scale);
            // the configuration names its panel on the y axis, so that no title covers a cell
            NumberAxis y = indexAxis(yp, null);
            y.setLabel(yp.label() + " (" + config + ")");
            XYPlot panel = new XYPlot(data, null, y, renderer);
            panels.add(panel);
            labels.add(cellLabels);
            combined.add(panel, 1);
        }
        JFreeChart chart = new JFreeChart("Asymptotic return over " + xp.label() + " and " + yp.label(),
                JFreeChart.DEFAULT_TITLE_FONT, combined, false);
        Theme.apply(chart);
        // the theme restyles annotations, so the cells' labels are added after it
        for (int i = 0; i < panels.size(); i++) {
            XYPlot panel = panels.get(i);
            panel.setDomainGridlinesVisible(false);
            panel.setRangeGridlinesVisible(false);
            for (XYTextAnnotation label : labels.get(i)) {
                label.setFont(new Font("DejaVu Sans", Font.PLAIN, 10));
                panel.addAnnotation(label);
            }
        }
        NumberAxis scaleAxis = new NumberAxis("asymptotic return (last " + a.windowLabel() + ")");
        scaleAxis.setRange(lo, hi);
        PaintScaleLegend legend = new PaintScaleLegend(scale, scaleAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setStripWidth(12);
        legend.setMargin(4, 8, 4, 4);
        chart.addSubtitle(legend);
        int rows = a.configurations().size();
        return new Figure("heat-map", "Mean asymptotic return (last " + a.windowLabel() + ") over seeds at every "
                + "combination of " + describe(xp) + " and " + describe(yp) + ", one panel per configuration; "
                + "each cell gives its value, grey cells had every trial diverge." + note(rateNote),
                chart::draw, WIDTH + 60, 90 + Math.max(240, 40 * yp.values().size() + 60) * rows);
    }

    /** Whether the run's schedules all keep one rate (a schedule figure would show flat lines only). */
    public static boolean everyScheduleConstant(Manifest manifest) {
        if (manifest == null || manifest.schedules() == null || manifest.schedules().isEmpty()) {
            return false;
        }
        return manifest.schedules().stream().allMatch(c -> java.util.Arrays.stream(c.rate()).distinct().count() <= 1);
    }

    /**
     * Figure 4: each schedule's rate against its clock, at the middle swept rate, up to the longest
     * trial on that clock ({@code longest}: "steps", "episodes"; a clock it does not name is drawn whole).
     */
    public static Figure schedules(Manifest manifest, Map<String, Double> longest) {
        if (manifest == null || manifest.schedules() == null || manifest.schedules().isEmpty()) {
            return null;
        }
        List<Manifest.ScheduleCurve> curves = manifest.schedules();
        double[] rates = curves.stream().mapToDouble(Manifest.ScheduleCurve::learningRate).distinct().sorted().toArray();
        double middle = rates[rates.length / 2];
        XYSeriesCollection data = new XYSeriesCollection();
        List<String> clocks = new ArrayList<>();
        for (Manifest.ScheduleCurve c : curves) {
            if (c.learningRate() != middle) {
                continue;
            }
            XYSeries s = new XYSeries(c.label() + " (clock: " + c.clock() + ")");
            if (data.getSeriesIndex(s.getKey()) >= 0) {
                continue; // the same schedule of two agents (a parameter study's): one curve
            }
            double end = longest.getOrDefault(c.clock(), Double.POSITIVE_INFINITY);
            for (int i = 0; i < c.t().length; i++) {
                if (c.t()[i] > end && i > 0) {
                    break; // no trial got that far
                }
                s.add(c.t()[i], c.rate()[i]);
            }
            data.addSeries(s);
            if (!clocks.contains(c.clock())) {
                clocks.add(c.clock());
            }
        }
        NumberAxis x = new NumberAxis("clock t (" + String.join(", ", clocks) + ")");
        NumberAxis y = new NumberAxis("step size");
        y.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(data, x, y, new XYLineAndShapeRenderer(true, false));
        JFreeChart chart = new JFreeChart("Step-size schedules at α = " + rate(middle),
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        Theme.apply(chart);
        styleSeries(plot, 0);
        return new Figure("schedules", "Each schedule's step size against its clock for base rate α = "
                + rate(middle) + " (the middle of the sweep), up to the longest trial; other rates scale it.",
                chart::draw, WIDTH, 360);
    }

    /**
     * The figures of the metrics the trials recorded, discovered by name: for each metric, one panel
     * per series and one line per value of x, the median over seeds with the interquartile range
     * as a band; for a family of percentiles ({@code name_p5}, {@code name_p50}, ...), one figure
     * of the family at each series' best point. Metrics that stay constant within every trial (a
     * constant step size) add nothing to the sweep's values and are left out. One maker per figure
     * (a maker may give null: nothing to draw), so that a report can make them on several cores.
     */
    public static List<java.util.function.Supplier<Figure>> metricMakers(Analysis a) {
        Map<String, List<String>> families = new LinkedHashMap<>();
        List<String> plain = new ArrayList<>();
        for (String name : metricNames(a)) {
            Matcher m = PERCENTILE.matcher(name);
            if (m.matches()) {
                families.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(name);
            } else {
                plain.add(name);
            }
        }
        List<java.util.function.Supplier<Figure>> out = new ArrayList<>();
        for (var family : families.entrySet()) {
            if (family.getValue().size() < 2) {
                plain.addAll(family.getValue());
                continue;
            }
            out.add(() -> percentileFamily(a, family.getKey(), family.getValue()));
        }
        for (String name : plain) {
            out.add(() -> metric(a, name));
        }
        return out;
    }

    private static List<String> metricNames(Analysis a) {
        List<String> names = new ArrayList<>();
        for (Group g : a.groups()) {
            for (TrialRecord t : g.completed()) {
                MetricSeries m = t.metricSeries();
                if (m != null && m.values() != null) {
                    m.values().keySet().stream().filter(n -> !names.contains(n)).forEach(names::add);
                }
            }
        }
        return names;
    }

    /** One metric: panels per series, a line per value of x, median over seeds and interquartile band. */
    private static Figure metric(Analysis a, String name) {
        if (constantInEveryTrial(a, name)) {
            return null;
        }
        NumberAxis xAxis = trainingAxis(a, a.overSteps() ? "environment steps" : "episode");
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(xAxis);
        combined.setGap(12);
        int panels = 0;
        for (String series : a.series()) {
            Parameter xp = a.xParameterOf(series);
            YIntervalSeriesCollection data = new YIntervalSeriesCollection();
            DeviationRenderer renderer = bandRenderer();
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            double[][] firstBand = null;
            int drawn = 0;
            int same = 0;
            for (Group g : a.groupsOfSeries(series)) {
                double[][] band = isFraction(name) ? meanBand(g.completed(), name, a.overSteps())
                        : medianBand(g.completed(), name, a.overSteps());
                if (band == null) {
                    continue;
                }
                // a metric that does not depend on x (epsilon's schedule) is drawn once: identical
                // lines would hide each other and the legend would promise lines that cannot be seen
                if (firstBand != null && sameCurve(firstBand, band)) {
                    same++;
                    continue;
                }
                firstBand = firstBand == null ? band : firstBand;
                drawn++;
                YIntervalSeries s = new YIntervalSeries(named(xp, g.value(xp.path())));
                int stride = Math.max(1, (band[0].length + MAX_POINTS - 1) / MAX_POINTS);
                for (int j = 0; j < band[0].length; j += stride) {
                    if (Double.isFinite(band[1][j])) {
                        s.add(band[0][j], band[1][j], band[2][j], band[3][j]);
                        lo = Math.min(lo, band[2][j]);
                        hi = Math.max(hi, band[3][j]);
                    }
                }
                int i = xp.values().indexOf(g.value(xp.path()));
                java.util.Set<Integer> highlighted = a.highlighted(series);
                styleLine(renderer, data.getSeriesCount(), i, xp.values().size(),
                        highlighted != null && !highlighted.contains(i));
                data.addSeries(s);
            }
            if (!(lo <= hi)) {
                continue;
            }
            boolean identical = drawn == 1 && same > 0;
            // each panel its own y axis (configurations differ by orders of magnitude); a log axis when
            // the values are positive and span more than two decades; room at the top for the title
            ValueAxis y;
            if (isFraction(name)) {
                // a share: every panel on the same 0..1 axis, so that configurations compare at a glance
                y = yAxis(name);
                y.setRange(0, 1.08);
            } else if (lo > 0 && hi / lo > 100) {
                y = logAxis(name + " (log)", lo, hi);
                y.setRange(lo / 1.5, hi * Math.pow(hi / lo, 0.2));
            } else {
                y = yAxis(name);
                double span = hi > lo ? hi - lo : Math.max(Math.abs(hi), 1);
                y.setRange(lo - 0.04 * span, hi + 0.2 * span);
            }
            XYPlot panel = new XYPlot(data, null, y, renderer);
            TextTitle title = new TextTitle(series + (identical ? "   (the same at every " + xp.label() + ")" : ""),
                    PANEL_TITLE);
            title.setBackgroundPaint(new Color(255, 255, 255, 200));
            panel.addAnnotation(new XYTitleAnnotation(0.01, 0.98, title, RectangleAnchor.TOP_LEFT));
            if (a.isStudy()) {
                panelLegend(panel, xp);
            }
            combined.add(panel, 1);
            panels++;
        }
        if (panels == 0) {
            return null;
        }
        Parameter xp = a.xParameter();
        if (!a.isStudy()) {
            combined.setFixedLegendItems(rampLegend(xp));
        }
        JFreeChart chart = new JFreeChart("Metric: " + name, JFreeChart.DEFAULT_TITLE_FONT, combined, !a.isStudy());
        if (!a.isStudy()) {
            chart.getLegend().setPosition(RectangleEdge.RIGHT);
        }
        Theme.apply(chart);
        String statistic = isFraction(name)
                ? "the mean over seeds (line) and its 95% t-interval (band, within [0, 1]) at each value of "
                : "the median over seeds (line) and the interquartile range (band) at each value of ";
        return new Figure("metric-" + name.replace('_', '-'), "The metric " + name + " through training, "
                + "per logging interval: " + statistic + describe(xp) + "; one panel per configuration, each with "
                + "its own y axis. Completed trials only.", chart::draw, WIDTH + 120, 90 + 170 * panels);
    }

    /**
     * Whether a metric is a fraction (a name ending in {@code _fraction}, such as the bandit's
     * {@code optimal_action_fraction}): the share of steps with some property, whose seeds' median
     * over an interval of a few steps takes only a few values. Its figure shows the mean over seeds,
     * as Sutton &amp; Barto's "% optimal action" does, instead of the median.
     */
    static boolean isFraction(String name) {
        return name.endsWith("_fraction");
    }

    /** The mean over trials of a metric at each logging point, with a 95% t-interval cut to [0, 1]. */
    static double[][] meanBand(List<TrialRecord> trials, String name, boolean overSteps) {
        double[][] median = medianBand(trials, name, overSteps);
        if (median == null) {
            return null;
        }
        double[] x = median[0];
        double[][] out = new double[4][x.length];
        for (int j = 0; j < x.length; j++) {
            double sum = 0;
            double squares = 0;
            int n = 0;
            for (TrialRecord t : trials) {
                double[] v = values(t, name);
                if (v != null && j < v.length && Double.isFinite(v[j])) {
                    sum += v[j];
                    squares += v[j] * v[j];
                    n++;
                }
            }
            double mean = n == 0 ? Double.NaN : sum / n;
            double half = n < 2 ? 0 : org.apache.commons.statistics.distribution.TDistribution.of(n - 1)
                    .inverseCumulativeProbability(0.975) * Math.sqrt(Math.max(0, squares / n - mean * mean)
                    * n / (n - 1) / n);
            out[0][j] = x[j];
            out[1][j] = mean;
            out[2][j] = Math.max(0, mean - half);
            out[3][j] = Math.min(1, mean + half);
        }
        return out;
    }

    /** Whether every completed trial's series of the metric is constant (or missing). */
    private static boolean constantInEveryTrial(Analysis a, String name) {
        for (Group g : a.groups()) {
            for (TrialRecord t : g.completed()) {
                double[] v = values(t, name);
                if (v == null) {
                    continue;
                }
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (double d : v) {
                    if (Double.isFinite(d)) {
                        lo = Math.min(lo, d);
                        hi = Math.max(hi, d);
                    }
                }
                if (hi - lo > 1e-9 * Math.max(Math.abs(hi), Math.abs(lo))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static double[] values(TrialRecord t, String name) {
        MetricSeries m = t.metricSeries();
        return m == null || m.values() == null ? null : m.values().get(name);
    }

    /**
     * For each interval, x (episodes, or steps) and the median, 25th and 75th percentiles over the
     * trials of a metric; null when no trial recorded it.
     */
    private static double[][] medianBand(List<TrialRecord> trials, String name, boolean overSteps) {
        List<double[]> series = new ArrayList<>();
        double[] x = null;
        for (TrialRecord t : trials) {
            double[] v = values(t, name);
            if (v == null) {
                continue;
            }
            series.add(v);
            MetricSeries m = t.metricSeries();
            double[] tx = overSteps && m.steps() != null ? Arrays.stream(m.steps()).asDoubleStream().toArray()
                    : Arrays.stream(m.episode()).asDoubleStream().toArray();
            if (x == null || tx.length > x.length) {
                x = tx;
            }
        }
        if (series.isEmpty()) {
            return null;
        }
        double[][] out = new double[4][x.length];
        for (int j = 0; j < x.length; j++) {
            double[] at = new double[series.size()];
            int n = 0;
            for (double[] v : series) {
                if (j < v.length && Double.isFinite(v[j])) {
                    at[n++] = v[j];
                }
            }
            Arrays.sort(at, 0, n);
            out[0][j] = x[j];
            out[1][j] = n == 0 ? Double.NaN : quantile(at, n, 0.5);
            out[2][j] = n == 0 ? Double.NaN : quantile(at, n, 0.25);
            out[3][j] = n == 0 ? Double.NaN : quantile(at, n, 0.75);
        }
        return out;
    }

    private static double quantile(double[] sorted, int n, double q) {
        double pos = q * (n - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(n - 1, lo + 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }

    /**
     * A family of percentiles over parameters (such as the optimizer's effective step sizes) at
     * each series' best point: the median over seeds of each percentile, the middle one solid.
     */
    private static Figure percentileFamily(Analysis a, String stem, List<String> members) {
        List<String> ordered = new ArrayList<>(members);
        ordered.sort((p, q) -> Integer.compare(percentileOf(p), percentileOf(q)));
        XYSeriesCollection data = new XYSeriesCollection();
        List<int[]> styles = new ArrayList<>();
        List<String> series = a.series();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < series.size(); c++) {
            Group best = a.bestOfSeries(series.get(c));
            if (best == null) {
                continue;
            }
            for (int q = 0; q < ordered.size(); q++) {
                double[][] band = medianBand(best.completed(), ordered.get(q), a.overSteps());
                if (band == null) {
                    continue;
                }
                XYSeries s = new XYSeries(series.get(c) + " at " + named(a.xParameter(), best.value(a.xParameter().path()))
                        + ", p" + percentileOf(ordered.get(q)));
                int stride = Math.max(1, (band[0].length + MAX_POINTS - 1) / MAX_POINTS);
                for (int j = 0; j < band[0].length; j += stride) {
                    if (band[1][j] > 0 && Double.isFinite(band[1][j])) {
                        s.add(band[0][j], band[1][j]);
                        lo = Math.min(lo, band[1][j]);
                        hi = Math.max(hi, band[1][j]);
                    }
                }
                if (s.getItemCount() > 0) {
                    data.addSeries(s);
                    styles.add(new int[] {c, q == ordered.size() / 2 ? 1 : q < ordered.size() / 2 ? 0 : 2});
                }
            }
        }
        // a flat line (SGD at a constant rate) shows nothing that the sweep's values do not already say
        if (data.getSeriesCount() == 0 || !(hi > lo * 1.01)) {
            return null;
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setDrawSeriesLineAsPath(true); // one path a line: dashes survive many short segments
        // a log axis labels only powers of ten: within a decade it would show no number at all
        ValueAxis y;
        if (hi / lo > 10) {
            y = logAxis(stem + " (log scale)", lo, hi);
        } else {
            y = yAxis(stem);
            y.setRange(lo - 0.04 * (hi - lo), hi + 0.1 * (hi - lo));
        }
        XYPlot plot = new XYPlot(data, trainingAxis(a, a.overSteps() ? "environment steps" : "episode"), y, renderer);
        JFreeChart chart = new JFreeChart("Percentiles of " + stem, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        Theme.apply(chart);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            int[] style = styles.get(i);
            renderer.setSeriesPaint(i, Palette.category(style[0]));
            // the middle percentile solid, the lowest dashed, the highest dotted
            renderer.setSeriesStroke(i, style[1] == 1 ? Palette.stroke(0, 1.8f)
                    : style[1] == 0 ? Palette.stroke(1, 1.3f) : Palette.stroke(2, 1.5f));
        }
        return new Figure("metric-" + stem.replace('_', '-'), "The percentiles over parameters of " + stem
                + " (" + String.join(", ", ordered) + ") through training, at each configuration's best point: "
                + "the median over seeds of each, the middle one solid, the lowest dashed, the highest dotted, on "
                + "the return curves' x axis. Adaptive optimizers spread the "
                + "effective step size over parameters; plain SGD keeps it at the rate.",
                chart::draw, WIDTH, 400);
    }

    private static int percentileOf(String name) {
        Matcher m = PERCENTILE.matcher(name);
        return m.matches() ? Integer.parseInt(m.group(2)) : 0;
    }

    // ---- shared pieces ----

    private static DeviationRenderer bandRenderer() {
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        renderer.setAlpha(0.15f);
        // keep the colours and strokes chosen here when the theme is applied
        renderer.setAutoPopulateSeriesPaint(false);
        renderer.setAutoPopulateSeriesFillPaint(false);
        renderer.setAutoPopulateSeriesStroke(false);
        return renderer;
    }

    /** Series {@code series} of a renderer as value i of n of the x parameter: a ramp colour and a dash. */
    private static void styleLine(DeviationRenderer renderer, int series, int i, int n, boolean faint) {
        Color color = Palette.ramp(i, n);
        Color shown = faint ? new Color(color.getRed(), color.getGreen(), color.getBlue(), 90) : color;
        renderer.setSeriesPaint(series, shown);
        renderer.setSeriesFillPaint(series, shown);
        renderer.setSeriesStroke(series, faint ? new BasicStroke(0.8f) : Palette.stroke(i, 1.4f));
    }

    /** A parameter study's panel: the legend of its own parameter's lines, at its top right. */
    private static void panelLegend(XYPlot panel, Parameter xp) {
        LegendItemCollection items = rampLegend(xp);
        org.jfree.chart.title.LegendTitle legend = new org.jfree.chart.title.LegendTitle(() -> items);
        legend.setItemFont(new Font("DejaVu Sans", Font.PLAIN, 10));
        legend.setBackgroundPaint(new Color(255, 255, 255, 210));
        legend.setPosition(RectangleEdge.RIGHT);
        panel.addAnnotation(new XYTitleAnnotation(0.99, 0.02, legend, RectangleAnchor.BOTTOM_RIGHT));
    }

    private static LegendItemCollection rampLegend(Parameter xp) {
        LegendItemCollection legend = new LegendItemCollection();
        for (int i = 0; i < xp.values().size(); i++) {
            LegendItem item = new LegendItem(named(xp, xp.values().get(i)), Palette.ramp(i, xp.values().size()));
            item.setLine(new java.awt.geom.Line2D.Double(-10, 0, 10, 0));
            item.setLineStroke(Palette.stroke(i, 1.6f));
            item.setLinePaint(Palette.ramp(i, xp.values().size()));
            item.setLineVisible(true);
            item.setShapeVisible(false);
            legend.add(item);
        }
        return legend;
    }

    /**
     * The x axis of every figure drawn over training (return curves, evaluations, metrics): from 0
     * to the end of the longest curve, the same in each, so that figures can be read side by side.
     */
    private static NumberAxis trainingAxis(Analysis a, String label) {
        NumberAxis x = new NumberAxis(label);
        double end = 0;
        for (Group g : a.groups()) {
            double[] xs = g.curve().x();
            if (xs.length > 0) {
                end = Math.max(end, xs[xs.length - 1]);
            }
        }
        if (end > 0) {
            // a parameter study's panels carry their legends at the right: room for them past the data
            x.setRange(0, end * (a.isStudy() ? 1.3 : 1.01));
        }
        return x;
    }

    private static NumberAxis yAxis(String label) {
        NumberAxis y = new NumberAxis(label);
        y.setLabelFont(new Font("DejaVu Sans", Font.PLAIN, 11));
        y.setAutoRangeIncludesZero(false);
        return y;
    }

    /** A log axis with a tick at each power of ten, labelled 1e-3, 1e-2, ... */
    private static LogAxis logAxis(String label, double lo, double hi) {
        LogAxis y = new LogAxis(label);
        y.setSmallestValue(Math.max(lo / 10, 1e-300));
        // plain digits ("0.0001", "10,000,000") for the powers of ten a step size takes, not "1E-4"
        y.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.###############",
                java.text.DecimalFormatSymbols.getInstance(Locale.ROOT)));
        y.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1.0));
        y.setRange(lo / 2, hi * 2);
        return y;
    }

    /**
     * Whether two median curves ({x, median, ...}) coincide to within 1% of the first's range at
     * every x of the first (the second interpolated there; intervals close at different steps in
     * different trials), so that drawing both would show one line.
     */
    private static boolean sameCurve(double[][] a, double[][] b) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : a[1]) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double tolerance = 0.01 * Math.max(hi - lo, Math.abs(hi));
        int k = 0;
        for (int i = 0; i < a[0].length; i++) {
            double x = a[0][i];
            if (x < b[0][0] || x > b[0][b[0].length - 1]) {
                continue;
            }
            while (k + 1 < b[0].length && b[0][k + 1] < x) {
                k++;
            }
            int k1 = Math.min(k + 1, b[0].length - 1);
            double span = b[0][k1] - b[0][k];
            double v = span > 0 ? b[1][k] + (b[1][k1] - b[1][k]) * (x - b[0][k]) / span : b[1][k];
            if (!(Math.abs(v - a[1][i]) <= tolerance)) {
                return false;
            }
        }
        return true;
    }

    /** The panel's name in its top-left corner, where rising return curves have not arrived yet. */
    static void panelTitle(XYPlot panel, String text) {
        TextTitle name = new TextTitle(text, PANEL_TITLE);
        name.setBackgroundPaint(new Color(255, 255, 255, 200));
        panel.addAnnotation(new XYTitleAnnotation(0.01, 0.98, name, RectangleAnchor.TOP_LEFT));
    }

    private static String describe(Parameter p) {
        return p.path().equals(Analysis.LEARNING_RATE) ? "the learning rate" : p.path();
    }

    /**
     * Whether any point rests on two or more completed seeds: where none does there is no interval
     * or band to draw, and a figure's subtitle and caption say so rather than promise one.
     */
    private static boolean anySpread(Analysis a) {
        return a.groups().stream().anyMatch(g -> g.completedCount() > 1);
    }

    private static String note(String rateNote) {
        return rateNote == null || rateNote.isEmpty() ? "" : " For the learning rate: " + rateNote + ".";
    }

    /** Where a value of x sits on its axis: the number itself, or its index for words. */
    private static double xOf(Parameter p, Object value) {
        return p.numeric() ? (Double) value : p.values().indexOf(value);
    }

    /** The x axis of the sensitivity figures: log with ticks at the swept values, linear, or one tick per word. */
    private static ValueAxis xAxis(Parameter p, String rateNote) {
        String label = axisLabel(p, rateNote);
        if (p.logScale()) {
            List<Double> values = p.values().stream().map(v -> (Double) v).toList();
            ValuesLogAxis x = new ValuesLogAxis(label + " (log scale)", p);
            double lo = values.get(0);
            double hi = values.get(values.size() - 1);
            x.setSmallestValue(Math.max(lo / 10, Double.MIN_NORMAL));
            x.setRange(lo / 1.4, hi * 1.4);
            return x;
        }
        if (p.numeric()) {
            NumberAxis x = new NumberAxis(label);
            x.setAutoRangeIncludesZero(false);
            double lo = (Double) p.values().get(0);
            double hi = (Double) p.values().get(p.values().size() - 1);
            double pad = lo == hi ? Math.max(Math.abs(lo) * 0.1, 0.5) : 0.06 * (hi - lo);
            x.setRange(lo - pad, hi + pad);
            return x;
        }
        return indexAxis(p, rateNote);
    }

    /** A parameter's axis label: its path, or "learning rate α" with what the rate means, if said. */
    private static String axisLabel(Parameter p, String rateNote) {
        if (!p.path().equals(Analysis.LEARNING_RATE)) {
            return p.path();
        }
        return "learning rate α" + (rateNote == null || rateNote.isEmpty() ? "" : " (" + rateNote + ")");
    }

    /** An axis with one tick per value of a parameter, at 0, 1, 2, ... (heat maps, words). */
    private static NumberAxis indexAxis(Parameter p, String rateNote) {
        ValuesAxis axis = new ValuesAxis(axisLabel(p, rateNote), p.values().stream().map(p::show).toList());
        axis.setRange(-0.5, p.values().size() - 0.5);
        return axis;
    }

    /** sign(y) log10(1 + |y|): linear near 0, logarithmic in both directions beyond 1 (a "symlog" scale). */
    static double symlog(double y) {
        return Math.signum(y) * Math.log10(1 + Math.abs(y));
    }

    /**
     * An axis for values drawn as {@link #symlog(double)}: ticks at 0, ±1, ±10, ±100, ... placed where
     * those values fall, labelled with the values themselves in plain digits.
     */
    private static final class SymlogAxis extends NumberAxis {

        SymlogAxis(String label) {
            super(label);
            setAutoRangeIncludesZero(false);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public List refreshTicks(java.awt.Graphics2D g2, org.jfree.chart.axis.AxisState state,
                java.awt.geom.Rectangle2D dataArea, RectangleEdge edge) {
            List<NumberTick> ticks = new ArrayList<>();
            java.text.NumberFormat plain = java.text.NumberFormat.getIntegerInstance(Locale.ROOT);
            plain.setGroupingUsed(true);
            for (int sign = -1; sign <= 1; sign += 2) {
                for (double v = 1; v <= 1e15; v *= 10) {
                    double at = symlog(sign * v);
                    if (getRange().contains(at)) {
                        ticks.add(new NumberTick(TickType.MAJOR, at, plain.format(sign * v), TextAnchor.CENTER_RIGHT,
                                TextAnchor.CENTER, 0.0));
                    }
                }
            }
            if (getRange().contains(0)) {
                ticks.add(new NumberTick(TickType.MAJOR, 0, "0", TextAnchor.CENTER_RIGHT, TextAnchor.CENTER, 0.0));
            }
            return ticks;
        }
    }

    /** A log axis whose ticks sit at the swept values, labelled as they were given. */
    private static final class ValuesLogAxis extends LogAxis {
        private final Parameter parameter;
        private final List<Double> values;

        ValuesLogAxis(String label, Parameter parameter) {
            super(label);
            this.parameter = parameter;
            this.values = parameter.values().stream().map(v -> (Double) v).toList();
        }

        @Override
        @SuppressWarnings("rawtypes")
        public List refreshTicks(java.awt.Graphics2D g2, org.jfree.chart.axis.AxisState state,
                java.awt.geom.Rectangle2D dataArea, RectangleEdge edge) {
            return ticks(values.size(), i -> values.get((int) i), i -> parameter.show(values.get((int) i)));
        }
    }

    /** A linear axis with a labelled tick at each index 0..n-1. */
    private static final class ValuesAxis extends NumberAxis {
        private final List<String> labels;

        ValuesAxis(String label, List<String> labels) {
            super(label);
            this.labels = List.copyOf(labels);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public List refreshTicks(java.awt.Graphics2D g2, org.jfree.chart.axis.AxisState state,
                java.awt.geom.Rectangle2D dataArea, RectangleEdge edge) {
            boolean vertical = RectangleEdge.isLeftOrRight(edge);
            List<NumberTick> ticks = ticks(labels.size(), i -> i, i -> labels.get((int) i));
            if (vertical) {
                List<NumberTick> out = new ArrayList<>();
                for (NumberTick t : ticks) {
                    out.add(new NumberTick(TickType.MAJOR, t.getValue(), t.getText(), TextAnchor.CENTER_RIGHT,
                            TextAnchor.CENTER, 0.0));
                }
                return out;
            }
            return ticks;
        }
    }

    /** Ticks at n positions; with many, every other (or third) one is labelled so that labels do not collide. */
    private static List<NumberTick> ticks(int n, DoubleFunction<Double> position, DoubleFunction<String> text) {
        List<NumberTick> ticks = new ArrayList<>();
        int step = n > 12 ? 3 : n > 7 ? 2 : 1;
        for (int i = 0; i < n; i++) {
            ticks.add(new NumberTick(TickType.MAJOR, position.apply(i), i % step == 0 ? text.apply(i) : "",
                    TextAnchor.TOP_CENTER, TextAnchor.CENTER, 0.0));
        }
        return ticks;
    }

    /**
     * Where the curves' y axis may start: the lowest point of any curve past its first twentieth,
     * so that every curve is visible for all but its first few episodes (a curve that falls late, as
     * Sarsa's at alpha = 1 on the cliff walk, sets it), while the very poor first episodes that all
     * curves share need not squash the rest.
     */
    static double lowerClip(Analysis a) {
        double clip = Double.POSITIVE_INFINITY;
        for (Group g : a.groups()) {
            double[] mean = g.curve().mean();
            double[] low = g.curve().low();
            for (int j = mean.length / 20; j < mean.length; j++) {
                if (!Double.isNaN(mean[j]) && g.curve().count()[j] == g.completedCount()) {
                    // the band too: a late fall with a wide band stays inside the axis (sarsa at alpha 1)
                    clip = Math.min(clip, Double.isNaN(low[j]) ? mean[j] : Math.min(mean[j], low[j]));
                }
            }
        }
        return clip == Double.POSITIVE_INFINITY ? Double.NEGATIVE_INFINITY : clip;
    }

    /**
     * Styles the sensitivity lines: with only configurations, each its own colour, dash and marker;
     * when other settings are swept too, the colour follows their values along the ramp and the
     * dash and marker follow the configuration, so that both can be read off a line.
     */
    private static void styleBySeries(XYPlot plot, Analysis a) {
        var renderer = (XYLineAndShapeRenderer) plot.getRenderer();
        List<String> series = a.series();
        for (int i = 0; i < plot.getDataset().getSeriesCount(); i++) {
            int config = a.configurations().indexOf(a.groupsOfSeries(series.get(i)).get(0).configuration());
            renderer.setSeriesPaint(i, seriesColor(a, series.get(i)));
            renderer.setSeriesStroke(i, Palette.stroke(config, 1.6f));
            renderer.setSeriesShape(i, Palette.shape(config));
            renderer.setSeriesShapesVisible(i, true);
        }
        renderer.setDefaultStroke(new BasicStroke(1.5f));
    }

    /**
     * A series' colour: its configuration's, or, when other settings are swept too, their values'
     * place along the ramp (the configuration then shows in the dash and the marker).
     */
    private static Color seriesColor(Analysis a, String series) {
        List<List<Object>> others = new ArrayList<>();
        for (String s : a.series()) {
            List<Object> values = otherValues(a, a.groupsOfSeries(s).get(0));
            if (!others.contains(values)) {
                others.add(values);
            }
        }
        Group g = a.groupsOfSeries(series).get(0);
        return others.size() > 1 ? Palette.ramp(others.indexOf(otherValues(a, g)), others.size())
                : Palette.category(a.configurations().indexOf(g.configuration()));
    }

    /** A group's values of the swept paths other than x. */
    private static List<Object> otherValues(Analysis a, Group g) {
        List<Object> values = new ArrayList<>();
        for (Parameter p : a.swept()) {
            if (!p.path().equals(a.xParameter().path())) {
                values.add(g.value(p.path()));
            }
        }
        return values;
    }

    /** Rows the legend below a sensitivity figure needs, at about three series a row. */
    private static int legendRows(Analysis a) {
        return (a.series().size() + 2) / 3;
    }

    private static void styleSeries(CombinedDomainXYPlot combined) {
        for (Object sub : combined.getSubplots()) {
            styleSeries((XYPlot) sub, 0);
        }
        LegendItemCollection legend = new LegendItemCollection();
        XYPlot first = (XYPlot) combined.getSubplots().get(0);
        for (int i = 0; i < first.getDataset().getSeriesCount(); i++) {
            legend.add(first.getRenderer().getLegendItem(0, i));
        }
        combined.setFixedLegendItems(legend);
    }

    private static void styleSeries(XYPlot plot, int offset) {
        var renderer = (XYLineAndShapeRenderer) plot.getRenderer();
        for (int i = 0; i < plot.getDataset().getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, Palette.category(i + offset));
            renderer.setSeriesStroke(i, Palette.stroke(i + offset, 1.6f));
            renderer.setSeriesShape(i, Palette.shape(i + offset));
        }
        renderer.setDefaultStroke(new BasicStroke(1.5f));
    }
}
