package dev.lrlab.reports.figures;

import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Training runs compared epoch by epoch (the one-cycle schedule against constant rates after a
 * range test): for each measure a panel, one line per schedule, the mean over seeds with the
 * seeds' lowest and highest value as a band.
 */
public final class TrainingCurvesFigure {

    /**
     * One schedule's runs.
     *
     * @param name the legend's name ("one-cycle at 0.019")
     * @param values per measure, per seed, the value at each epoch
     */
    public record Line(String name, List<double[][]> values) {
    }

    private TrainingCurvesFigure() {
    }

    /**
     * @param name the figure's file name
     * @param caption what it shows
     * @param measures the panels' y labels, in the order of each line's values
     */
    public static Figure of(String name, String title, String caption, List<String> measures, List<Line> lines) {
        NumberAxis epochs = new NumberAxis("epoch");
        epochs.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(epochs);
        combined.setGap(12);
        XYPlot first = null;
        for (int m = 0; m < measures.size(); m++) {
            YIntervalSeriesCollection data = new YIntervalSeriesCollection();
            DeviationRenderer renderer = new DeviationRenderer(true, false);
            renderer.setAlpha(0.18f);
            renderer.setAutoPopulateSeriesPaint(false);
            renderer.setAutoPopulateSeriesFillPaint(false);
            renderer.setAutoPopulateSeriesStroke(false);
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int l = 0; l < lines.size(); l++) {
                double[][] seeds = lines.get(l).values().get(m);
                YIntervalSeries s = new YIntervalSeries(lines.get(l).name());
                for (int e = 0; e < seeds[0].length; e++) {
                    double sum = 0;
                    double min = Double.POSITIVE_INFINITY;
                    double max = Double.NEGATIVE_INFINITY;
                    for (double[] seed : seeds) {
                        sum += seed[e];
                        min = Math.min(min, seed[e]);
                        max = Math.max(max, seed[e]);
                    }
                    s.add(e + 1, sum / seeds.length, min, max);
                    lo = Math.min(lo, min);
                    hi = Math.max(hi, max);
                }
                data.addSeries(s);
                Color color = Palette.category(l);
                renderer.setSeriesPaint(l, color);
                renderer.setSeriesFillPaint(l, color);
                renderer.setSeriesStroke(l, Palette.stroke(l, 1.6f));
            }
            NumberAxis y = new NumberAxis(measures.get(m));
            y.setAutoRangeIncludesZero(false);
            double span = hi > lo ? hi - lo : 1;
            y.setRange(lo - 0.05 * span, hi + 0.08 * span);
            XYPlot panel = new XYPlot(data, null, y, renderer);
            combined.add(panel, 1);
            first = first == null ? panel : first;
        }
        if (first != null) {
            combined.setFixedLegendItems(first.getLegendItems()); // once, not once per panel
        }
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, combined, true);
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        Theme.apply(chart);
        return new Figure(name, caption, chart::draw, 720, 140 + 230 * measures.size());
    }
}
