package dev.lrlab.reports.figures;

import dev.lrlab.reports.Analysis;
import dev.lrlab.reports.Analysis.Group;
import dev.lrlab.reports.Analysis.Metric;
import dev.lrlab.reports.results.Manifest;
import dev.lrlab.reports.results.TrialRecord;
import dev.lrlab.reports.stats.Interval;
import dev.lrlab.reports.stats.MeanCurve;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.Range;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** The report's charts, built with JFreeChart from an {@link Analysis} (and the manifest). */
public final class Charts {

    private static final int WIDTH = 720;
    private static final int MAX_POINTS = 600;

    private Charts() {
    }

    /** Label of a learning rate: compact, and as a power of two when it is one. */
    public static String rate(double r) {
        double log2 = Math.log(r) / Math.log(2);
        if (Math.abs(log2 - Math.rint(log2)) < 1e-9 && Math.abs(log2) >= 4) {
            return "2^" + (long) Math.rint(log2);
        }
        return String.format(Locale.ROOT, "%.3g", r).replaceAll("\\.?0+$", "").replaceAll("\\.?0+e", "e");
    }

    /** Figure 1: return curves, one panel per configuration, one line (with its band) per rate. */
    public static Figure returnCurves(Analysis a) {
        List<Double> rates = a.learningRates();
        String xLabel = a.overSteps() ? "environment steps" : "episode";
        NumberAxis x = new NumberAxis(xLabel);
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(x);
        combined.setGap(12);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        List<XYPlot> panels = new ArrayList<>();
        for (String config : a.configurations()) {
            YIntervalSeriesCollection data = new YIntervalSeriesCollection();
            DeviationRenderer renderer = new DeviationRenderer(true, false);
            renderer.setAlpha(0.15f);
            // keep the colours and strokes chosen here when the theme is applied
            renderer.setAutoPopulateSeriesPaint(false);
            renderer.setAutoPopulateSeriesFillPaint(false);
            renderer.setAutoPopulateSeriesStroke(false);
            StringBuilder diverged = new StringBuilder();
            for (Group g : a.groupsOf(config)) {
                int i = rates.indexOf(g.learningRate());
                if (g.diverged() + g.failed() > 0) {
                    diverged.append(diverged.length() == 0 ? "" : ", ").append("α=").append(rate(g.learningRate()))
                            .append(": ").append(g.diverged() + g.failed()).append('/').append(g.total());
                }
                if (g.completed().isEmpty()) {
                    continue;
                }
                YIntervalSeries s = new YIntervalSeries("α = " + rate(g.learningRate()));
                MeanCurve c = g.curve();
                // at most about MAX_POINTS points a line: the figure stays light, the CSV keeps them all
                int stride = Math.max(1, (c.x().length + MAX_POINTS - 1) / MAX_POINTS);
                for (int j = 0; j < c.x().length; j += stride) {
                    if (!Double.isNaN(c.mean()[j])) {
                        s.add(c.x()[j], c.mean()[j], c.low()[j], c.high()[j]);
                        lo = Math.min(lo, c.low()[j]);
                        hi = Math.max(hi, c.high()[j]);
                    }
                }
                int series = data.getSeriesCount();
                data.addSeries(s);
                Color color = Palette.ramp(i, rates.size());
                renderer.setSeriesPaint(series, color);
                renderer.setSeriesFillPaint(series, color);
                renderer.setSeriesStroke(series, Palette.stroke(i, 1.4f));
            }
            NumberAxis y = new NumberAxis("return");
            y.setLabelFont(new Font("DejaVu Sans", Font.PLAIN, 11));
            XYPlot panel = new XYPlot(data, null, y, renderer);
            TextTitle name = new TextTitle(config + (diverged.length() > 0 ? "   (diverged or failed: " + diverged + ")" : ""),
                    new Font("DejaVu Sans", Font.BOLD, 11));
            name.setBackgroundPaint(new Color(255, 255, 255, 200));
            panel.addAnnotation(new XYTitleAnnotation(0.01, 0.02, name, RectangleAnchor.BOTTOM_LEFT));
            panels.add(panel);
            combined.add(panel, 1);
        }
        LegendItemCollection legend = new LegendItemCollection();
        for (int i = 0; i < rates.size(); i++) {
            LegendItem item = new LegendItem("α = " + rate(rates.get(i)), Palette.ramp(i, rates.size()));
            item.setLine(new java.awt.geom.Line2D.Double(-10, 0, 10, 0));
            item.setLineStroke(Palette.stroke(i, 1.6f));
            item.setLinePaint(Palette.ramp(i, rates.size()));
            item.setLineVisible(true);
            item.setShapeVisible(false);
            legend.add(item);
        }
        combined.setFixedLegendItems(legend);
        JFreeChart chart = new JFreeChart("Return curves by learning rate", JFreeChart.DEFAULT_TITLE_FONT, combined, true);
        chart.getLegend().setPosition(RectangleEdge.RIGHT);
        Theme.apply(chart);
        // shared y axes; the lower end is clipped at the 5th percentile of the mean curves, so that
        // the first few (very poor) episodes do not squash the rest of the figure
        double clip = lowerClip(a);
        boolean clipped = clip > lo;
        lo = Math.max(lo, clip);
        if (lo < hi) {
            double pad = 0.04 * (hi - lo);
            for (XYPlot p : panels) {
                p.getRangeAxis().setRange(new Range(lo - pad, hi + pad));
            }
        }
        String smoothing = a.smoothing() > 1 ? ", smoothed over " + a.smoothing() + " episodes" : "";
        return new Figure("return-curves", "Mean training return across seeds" + smoothing
                + ", with 95% t-intervals as bands; one panel per configuration, shared axes"
                + (clipped ? " (the y axis starts at the 5th percentile of the mean curves, so the poorest "
                        + "early episodes run off the bottom)" : "") + ". Diverged "
                + "and failed trials are left out of the curves and counted in each panel's title.",
                chart::draw, WIDTH + 120, 90 + 200 * Math.max(1, panels.size()));
    }

    /** Figure 2: interim and asymptotic return against learning rate, log x, one line per configuration. */
    public static Figure sensitivity(Analysis a) {
        LogAxis x = logAxis("learning rate α (log scale)", a.learningRates());
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(x);
        combined.setGap(14);
        for (Metric metric : List.of(Metric.INTERIM, Metric.ASYMPTOTIC)) {
            XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
            XYErrorRenderer renderer = new XYErrorRenderer();
            renderer.setDrawXError(false);
            renderer.setDefaultLinesVisible(true);
            renderer.setCapLength(5);
            renderer.setErrorStroke(new BasicStroke(1f));
            int series = 0;
            for (int c = 0; c < a.configurations().size(); c++) {
                String config = a.configurations().get(c);
                XYIntervalSeries s = new XYIntervalSeries(config);
                for (Group g : a.groupsOf(config)) {
                    var summary = g.summaries().get(metric);
                    if (summary != null) {
                        Interval m = summary.mean();
                        s.add(g.learningRate(), g.learningRate(), g.learningRate(), m.estimate(), m.low(), m.high());
                    }
                }
                data.addSeries(s);
                renderer.setSeriesPaint(series, Palette.category(c));
                renderer.setSeriesStroke(series, Palette.stroke(c, 1.5f));
                renderer.setSeriesShape(series, Palette.shape(c));
                renderer.setSeriesShapesVisible(series, true);
                renderer.setErrorPaint(null);
                series++;
            }
            String window = (metric == Metric.INTERIM ? "first " : "last ") + a.windowLabel();
            NumberAxis y = new NumberAxis(metric.id() + " return (" + window + ")");
            y.setAutoRangeIncludesZero(false);
            combined.add(new XYPlot(data, null, y, renderer), 1);
        }
        JFreeChart chart = new JFreeChart("Sensitivity to the learning rate", JFreeChart.DEFAULT_TITLE_FONT,
                combined, true);
        Theme.apply(chart);
        styleSeries(combined);
        return new Figure("sensitivity", "Mean return over the first " + a.windowLabel() + " (interim) and "
                + "the last " + a.windowLabel() + " (asymptotic) against the learning rate, with 95% bootstrap "
                + "intervals over seeds; rates whose trials all diverged have no point.",
                chart::draw, WIDTH, 560);
    }

    /** Figure 3: the fraction of trials that diverged, against learning rate. */
    public static Figure divergence(Analysis a) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (String config : a.configurations()) {
            XYSeries s = new XYSeries(config);
            for (Group g : a.groupsOf(config)) {
                s.add(g.learningRate(), 100 * g.divergenceRate());
            }
            data.addSeries(s);
        }
        LogAxis x = logAxis("learning rate α (log scale)", a.learningRates());
        NumberAxis y = new NumberAxis("trials diverged (%)");
        y.setRange(-3, 103);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        JFreeChart chart = new JFreeChart("Divergence by learning rate", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        Theme.apply(chart);
        styleSeries(plot, 0);
        return new Figure("divergence", "Percentage of trials at each learning rate that ended as diverged "
                + "(a non-finite value or one beyond the agent's bound).", chart::draw, WIDTH, 380);
    }

    /** Figure 4: each schedule's rate against its clock, at the middle swept rate. */
    public static Figure schedules(Manifest manifest) {
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
            for (int i = 0; i < c.t().length; i++) {
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
                + rate(middle) + " (the middle of the sweep); other rates scale it.", chart::draw, WIDTH, 360);
    }

    /**
     * Figure 5: effective per-parameter step sizes of adaptive optimizers over training, at each
     * configuration's best rate (median over seeds of the 5th, 50th and 95th percentiles).
     */
    public static Figure stepSizes(Analysis a) {
        XYSeriesCollection data = new XYSeriesCollection();
        List<Integer> styles = new ArrayList<>();
        int c = 0;
        for (String config : a.configurations()) {
            Group best = a.best(config);
            c++;
            if (best == null) {
                continue;
            }
            List<TrialRecord> withStats = best.completed().stream()
                    .filter(t -> t.diagnostics() != null && t.diagnostics().stepSizeP50() != null
                            && Arrays.stream(t.diagnostics().stepSizeP50()).anyMatch(Double::isFinite))
                    .toList();
            if (withStats.isEmpty()) {
                continue;
            }
            String[] names = {"p5", "p50", "p95"};
            for (int q = 0; q < 3; q++) {
                XYSeries s = new XYSeries(config + " α=" + rate(best.learningRate()) + " " + names[q]);
                int n = withStats.get(0).diagnostics().episode().length;
                for (int j = 0; j < n; j += Math.max(1, (n + MAX_POINTS - 1) / MAX_POINTS)) {
                    double[] v = new double[withStats.size()];
                    int k = 0;
                    for (TrialRecord t : withStats) {
                        double[] col = q == 0 ? t.diagnostics().stepSizeP5()
                                : q == 1 ? t.diagnostics().stepSizeP50() : t.diagnostics().stepSizeP95();
                        if (j < col.length && col[j] > 0 && Double.isFinite(col[j])) {
                            v[k++] = col[j];
                        }
                    }
                    if (k > 0) {
                        double[] used = Arrays.copyOf(v, k);
                        Arrays.sort(used);
                        s.add(withStats.get(0).diagnostics().episode()[j], used[k / 2]);
                    }
                }
                data.addSeries(s);
                styles.add((c - 1) * 3 + q);
            }
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (int i = 0; i < data.getSeriesCount(); i++) {
            for (int j = 0; j < data.getItemCount(i); j++) {
                lo = Math.min(lo, data.getYValue(i, j));
                hi = Math.max(hi, data.getYValue(i, j));
            }
        }
        // a flat line (SGD at a constant rate) shows nothing that the sweep's rates do not already say
        if (data.getSeriesCount() == 0 || !(hi > lo * 1.01)) {
            return null;
        }
        NumberAxis x = new NumberAxis("episode");
        LogAxis y = new LogAxis("effective step size (log scale)");
        y.setSmallestValue(1e-15);
        y.setNumberFormatOverride(new java.text.DecimalFormat("0.#E0"));
        y.setRange(lo / 2, hi * 2);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        JFreeChart chart = new JFreeChart("Effective step sizes of the optimizer", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        Theme.apply(chart);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            int style = styles.get(i);
            renderer.setSeriesPaint(i, Palette.category(style / 3));
            renderer.setSeriesStroke(i, style % 3 == 1 ? Palette.stroke(0, 1.8f) : Palette.stroke(2, 1.2f));
        }
        return new Figure("step-sizes", "Per-parameter effective step size of the optimizer at each "
                + "configuration's best learning rate: the median over seeds of the 5th, 50th (solid) and "
                + "95th percentiles over parameters, through training. Adaptive methods spread it.",
                chart::draw, WIDTH, 400);
    }

    private static double lowerClip(Analysis a) {
        List<Double> values = new ArrayList<>();
        for (Group g : a.groups()) {
            for (double v : g.curve().mean()) {
                if (!Double.isNaN(v)) {
                    values.add(v);
                }
            }
        }
        if (values.isEmpty()) {
            return Double.NEGATIVE_INFINITY;
        }
        values.sort(null);
        return values.get((int) (0.05 * (values.size() - 1)));
    }

    private static LogAxis logAxis(String label, List<Double> rates) {
        RateAxis x = new RateAxis(label, rates);
        if (!rates.isEmpty()) {
            double lo = rates.get(0);
            double hi = rates.get(rates.size() - 1);
            x.setSmallestValue(lo / 10);
            x.setRange(lo / 1.4, hi * 1.4);
        }
        return x;
    }

    /** A log axis whose ticks sit at the swept rates, labelled as they were given. */
    private static final class RateAxis extends LogAxis {
        private final List<Double> rates;

        RateAxis(String label, List<Double> rates) {
            super(label);
            this.rates = List.copyOf(rates);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public List refreshTicks(java.awt.Graphics2D g2, org.jfree.chart.axis.AxisState state,
                java.awt.geom.Rectangle2D dataArea, RectangleEdge edge) {
            List<org.jfree.chart.axis.NumberTick> ticks = new ArrayList<>();
            // with many rates, label every other one so the labels do not collide
            int step = rates.size() > 12 ? 3 : rates.size() > 7 ? 2 : 1;
            for (int i = 0; i < rates.size(); i++) {
                ticks.add(new org.jfree.chart.axis.NumberTick(org.jfree.chart.axis.TickType.MAJOR, rates.get(i),
                        i % step == 0 ? rate(rates.get(i)) : "", org.jfree.chart.ui.TextAnchor.TOP_CENTER,
                        org.jfree.chart.ui.TextAnchor.CENTER, 0.0));
            }
            return ticks;
        }
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
