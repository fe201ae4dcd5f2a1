package dev.lrlab.reports.figures;

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
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The learning-rate range test's figure: for each agent a panel of smoothed loss against learning
 * rate on a log axis, one thin line per seed, with each seed's suggestions as short ticks along the
 * top and the median suggestion of each kind as a labelled vertical line.
 */
public final class RangeTestFigure {

    /**
     * One agent's curves.
     *
     * @param agent its label
     * @param rates per seed, the rates recorded
     * @param losses per seed, the smoothed losses there
     * @param suggestions per seed, {valley, steep, minimum}
     */
    public record Panel(String agent, List<double[]> rates, List<double[]> losses, List<double[]> suggestions) {
    }

    private static final String[] KINDS = {"valley", "steep", "minimum/10"};
    private static final Color[] COLORS = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73)};

    private RangeTestFigure() {
    }

    public static Figure of(List<Panel> panels, String lossName, double start, double end) {
        LogAxis x = new LogAxis("learning rate (log scale)");
        x.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.##########",
                java.text.DecimalFormatSymbols.getInstance(Locale.ROOT)));
        x.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1.0)); // a label per decade only
        x.setRange(start, end);
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(x);
        combined.setGap(14);
        List<XYPlot> plots = new ArrayList<>();
        List<Object[]> ticks = new ArrayList<>();
        for (Panel p : panels) {
            XYSeriesCollection data = new XYSeriesCollection();
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int s = 0; s < p.rates().size(); s++) {
                XYSeries series = new XYSeries("seed " + s);
                for (int i = 0; i < p.rates().get(s).length; i++) {
                    double v = p.losses().get(s)[i];
                    if (Double.isFinite(v) && v > 0) {
                        series.add(p.rates().get(s)[i], v);
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
                data.addSeries(series);
            }
            XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
            renderer.setDrawSeriesLineAsPath(true);
            // the axis ends a little past the stopping level (four times the lowest smoothed loss of
            // any seed): what lies above is the blow-up that stopped the test, which would squash the rest
            double floor = Double.POSITIVE_INFINITY;
            for (double[] seedLosses : p.losses()) {
                for (double v : seedLosses) {
                    if (Double.isFinite(v) && v > 0) {
                        floor = Math.min(floor, v);
                    }
                }
            }
            // ... or at the highest point of any seed before its last five (the climb that stopped it)
            double before = Double.NEGATIVE_INFINITY;
            for (double[] seedLosses : p.losses()) {
                for (int i = 0; i < seedLosses.length - 5; i++) {
                    if (Double.isFinite(seedLosses[i])) {
                        before = Math.max(before, seedLosses[i]);
                    }
                }
            }
            double top = Math.min(hi, Math.min(4.5 * floor, before > floor ? floor + 1.3 * (before - floor) : hi));
            NumberAxis y = new NumberAxis("smoothed loss");
            y.setAutoRangeIncludesZero(false);
            double span = top > lo ? top - lo : Math.max(1e-9, Math.abs(top));
            y.setRange(Math.max(0, lo - 0.05 * span), top + 0.15 * span);
            XYPlot plot = new XYPlot(data, null, y, renderer);
            for (int s = 0; s < data.getSeriesCount(); s++) {
                renderer.setSeriesPaint(s, new Color(60, 60, 60, 150));
                renderer.setSeriesStroke(s, new BasicStroke(1.1f));
            }
            for (int k = 0; k < KINDS.length; k++) {
                double[] values = new double[p.suggestions().size()];
                int m = 0;
                for (double[] sg : p.suggestions()) {
                    if (Double.isFinite(sg[k])) {
                        values[m++] = sg[k];
                    }
                }
                if (m == 0) {
                    continue;
                }
                values = Arrays.copyOf(values, m);
                Arrays.sort(values);
                double median = values[m / 2];
                ValueMarker marker = new ValueMarker(median, COLORS[k], new BasicStroke(1.6f,
                        BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, k == 0 ? null : new float[] {6, 4}, 0));
                marker.setLabel(KINDS[k] + " " + show(median));
                marker.setLabelFont(new Font("DejaVu Sans", Font.PLAIN, 10));
                marker.setLabelPaint(COLORS[k]);
                // the label on the side of the line with more room, so that it is never cut off
                boolean right = Math.log(median / start) < 0.6 * Math.log(end / start);
                marker.setLabelAnchor(k == 0 ? (right ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.TOP_LEFT)
                        : k == 1 ? (right ? RectangleAnchor.RIGHT : RectangleAnchor.LEFT)
                        : (right ? RectangleAnchor.BOTTOM_RIGHT : RectangleAnchor.BOTTOM_LEFT));
                marker.setLabelTextAnchor(k == 0 ? (right ? TextAnchor.TOP_LEFT : TextAnchor.TOP_RIGHT)
                        : k == 1 ? (right ? TextAnchor.CENTER_LEFT : TextAnchor.CENTER_RIGHT)
                        : (right ? TextAnchor.BOTTOM_LEFT : TextAnchor.BOTTOM_RIGHT));
                plot.addDomainMarker(marker, Layer.FOREGROUND);
                for (double v : values) {
                    // each seed's suggestion: a short tick in the kind's colour at the panel's foot
                    ValueMarker tick = new ValueMarker(v, COLORS[k], new BasicStroke(2.5f));
                    tick.setAlpha(0.9f);
                    ticks.add(new Object[] {plot, tick, y.getLowerBound(), y.getUpperBound()});
                }
            }
            Charts.panelTitle(plot, p.agent() + " (" + p.rates().size() + " seed" + (p.rates().size() == 1 ? "" : "s")
                    + ")");
            plots.add(plot);
            combined.add(plot, 1);
        }
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(line("one seed's smoothed loss", new Color(60, 60, 60), null));
        for (int k = 0; k < KINDS.length; k++) {
            legend.add(line(KINDS[k] + " (median; ticks at the foot: each seed)", COLORS[k], k == 0 ? null : new float[] {6, 4}));
        }
        combined.setFixedLegendItems(legend);
        JFreeChart chart = new JFreeChart("Learning-rate range test", JFreeChart.DEFAULT_TITLE_FONT, combined, true);
        Theme.apply(chart);
        chart.addSubtitle(new TextTitle(lossName + ", smoothed (debiased EMA, beta 0.98)",
                new Font("DejaVu Sans", Font.PLAIN, 12)));
        for (Object[] t : ticks) {
            // a seed's suggestion: a segment across the bottom twentieth of its panel
            XYPlot plot = (XYPlot) t[0];
            ValueMarker m = (ValueMarker) t[1];
            double lo = (Double) t[2];
            double hi = (Double) t[3];
            plot.addAnnotation(new org.jfree.chart.annotations.XYLineAnnotation(m.getValue(), lo, m.getValue(),
                    lo + 0.06 * (hi - lo), m.getStroke(), m.getPaint()));
        }
        for (XYPlot plot : plots) {
            for (int s = 0; s < plot.getDataset().getSeriesCount(); s++) {
                ((XYLineAndShapeRenderer) plot.getRenderer()).setSeriesPaint(s, new Color(60, 60, 60, 150));
                ((XYLineAndShapeRenderer) plot.getRenderer()).setSeriesStroke(s, new BasicStroke(1.1f));
            }
        }
        return new Figure("find-lr", "The learning-rate range test: the agent learns while its rate grows "
                + "exponentially from " + show(start) + " towards " + show(end) + " with its updates; the " + lossName
                + " is recorded along the way and smoothed, and each curve stops once it exceeds four times its "
                + "minimum. Vertical lines: fast.ai's suggestions (valley, steepest descent, minimum / 10), the "
                + "median over seeds; ticks at each panel's foot: each seed's. The y axis ends just past the stopping "
                + "level, so the final blow-up runs off the top.", chart::draw, 760,
                110 + 260 * Math.max(1, panels.size()));
    }

    private static LegendItem line(String text, Color color, float[] dash) {
        LegendItem item = new LegendItem(text, color);
        item.setLine(new java.awt.geom.Line2D.Double(-10, 0, 10, 0));
        item.setLineStroke(new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, dash, 0));
        item.setLinePaint(color);
        item.setLineVisible(true);
        item.setShapeVisible(false);
        return item;
    }

    static String show(double v) {
        return v >= 0.01 && v < 1000 ? String.format(Locale.ROOT, "%.3g", v) : String.format(Locale.ROOT, "%.2e", v);
    }
}
