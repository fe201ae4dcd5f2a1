package dev.lrlab.reports.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The optimizer playground's figures: descents drawn on their landscape, loss against step, and
 * final loss against learning rate with gradient descent's thresholds 1/L and 2/L marked.
 */
public final class PlaygroundFigures {

    private PlaygroundFigures() {
    }

    /**
     * The landscape as a shaded map (darker is lower: its values by rank, so that every landscape
     * uses the whole scale) with each descent's path over it, its start a square and its end a disc.
     *
     * @param window {xmin, xmax, ymin, ymax}
     * @param values the loss on a grid, {@code values[i][j]} at x_i, y_j (i along x)
     * @param upTo steps of each path to draw (for an animation's frames), or -1 for all
     */
    public static Figure trajectories(String name, String title, String caption, double[] window, double[][] values,
            List<String> labels, List<double[]> xs, List<double[]> ys, int upTo) {
        int nx = values.length;
        int ny = values[0].length;
        double[] flat = new double[nx * ny];
        for (int i = 0; i < nx; i++) {
            System.arraycopy(values[i], 0, flat, i * ny, ny);
        }
        double[] sorted = flat.clone();
        Arrays.sort(sorted);
        double[][] xyz = new double[3][nx * ny];
        double dx = (window[1] - window[0]) / nx;
        double dy = (window[3] - window[2]) / ny;
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                int k = i * ny + j;
                xyz[0][k] = window[0] + (i + 0.5) * dx;
                xyz[1][k] = window[2] + (j + 0.5) * dy;
                int rank = Arrays.binarySearch(sorted, values[i][j]);
                xyz[2][k] = Math.max(0, rank) / (double) (sorted.length - 1);
            }
        }
        DefaultXYZDataset map = new DefaultXYZDataset();
        map.addSeries("loss", xyz);
        XYBlockRenderer shade = new XYBlockRenderer();
        shade.setBlockWidth(dx);
        shade.setBlockHeight(dy);
        LookupPaintScale scale = new LookupPaintScale(0, 1.0001, Color.WHITE);
        for (int k = 0; k < 32; k++) {
            // from dark blue-grey (low) to near white (high): the paths stay readable on top
            float t = k / 31f;
            scale.add(k / 32.0, new Color(0.28f + 0.68f * t, 0.33f + 0.64f * t, 0.42f + 0.56f * t));
        }
        shade.setPaintScale(scale);
        NumberAxis x = new NumberAxis("x");
        x.setRange(window[0], window[1]);
        NumberAxis y = new NumberAxis("y");
        y.setRange(window[2], window[3]);
        XYPlot plot = new XYPlot(map, x, y, shade);
        XYSeriesCollection paths = new XYSeriesCollection();
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        for (int p = 0; p < labels.size(); p++) {
            XYSeries s = new XYSeries(labels.get(p), false, true);
            int n = upTo < 0 ? xs.get(p).length : Math.min(upTo + 1, xs.get(p).length);
            for (int t = 0; t < n; t++) {
                double px = xs.get(p)[t];
                double py = ys.get(p)[t];
                // a point far outside the window is drawn at its edge: a diverging path leaves it visibly
                s.add(clamp(px, window[0] - dx, window[1] + dx), clamp(py, window[2] - dy, window[3] + dy));
            }
            paths.addSeries(s);
            lines.setSeriesPaint(p, Palette.category(p));
            lines.setSeriesStroke(p, new BasicStroke(1.6f));
        }
        plot.setDataset(1, paths);
        plot.setRenderer(1, lines);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        XYTextAnnotation start = new XYTextAnnotation("\u25A0 start", xs.get(0)[0], ys.get(0)[0]);
        start.setTextAnchor(TextAnchor.BOTTOM_LEFT);
        start.setFont(new Font("DejaVu Sans", Font.BOLD, 12));
        plot.addAnnotation(start);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.addSubtitle(new TextTitle("the loss shaded by rank (darker is lower); a dot marks where each path is "
                + (upTo < 0 ? "at the end" : "after " + upTo + " steps"), new Font("DejaVu Sans", Font.PLAIN, 12)));
        chart.removeLegend();
        Theme.apply(chart);
        // the theme sets its own series colours: the paths' are set after it
        for (int p = 0; p < labels.size(); p++) {
            lines.setSeriesPaint(p, Palette.category(p));
            lines.setSeriesStroke(p, new BasicStroke(1.6f));
        }
        for (int p = 0; p < labels.size(); p++) {
            int n = upTo < 0 ? xs.get(p).length : Math.min(upTo + 1, xs.get(p).length);
            double ex = clamp(xs.get(p)[n - 1], window[0], window[1]);
            double ey = clamp(ys.get(p)[n - 1], window[2], window[3]);
            XYTextAnnotation end = new XYTextAnnotation("\u25CF", ex, ey);
            end.setPaint(Palette.category(p));
            end.setFont(new Font("DejaVu Sans", Font.PLAIN, 15));
            plot.addAnnotation(end);
        }
        org.jfree.chart.title.LegendTitle legend = new org.jfree.chart.title.LegendTitle(() -> {
            org.jfree.chart.LegendItemCollection items = new org.jfree.chart.LegendItemCollection();
            for (int p = 0; p < labels.size(); p++) {
                org.jfree.chart.LegendItem item = new org.jfree.chart.LegendItem(labels.get(p), Palette.category(p));
                item.setLine(new java.awt.geom.Line2D.Double(-10, 0, 10, 0));
                item.setLinePaint(Palette.category(p));
                item.setLineStroke(new BasicStroke(2f));
                item.setLineVisible(true);
                item.setShapeVisible(false);
                items.add(item);
            }
            return items;
        });
        legend.setPosition(RectangleEdge.BOTTOM);
        chart.addSubtitle(legend);
        return new Figure(name, caption, chart::draw, 720, 620);
    }

    /** Loss against step, one line per descent; a log axis when every loss is positive. */
    public static Figure loss(String title, List<String> labels, List<double[]> losses, List<Boolean> diverged) {
        XYSeriesCollection data = new XYSeriesCollection();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < labels.size(); p++) {
            XYSeries s = new XYSeries(labels.get(p) + (diverged.get(p) ? " (diverged)" : ""), false, true);
            double[] l = losses.get(p);
            for (int t = 0; t < l.length; t++) {
                s.add(t, l[t]);
                lo = Math.min(lo, l[t]);
                hi = Math.max(hi, l[t]);
            }
            data.addSeries(s);
        }
        ValueAxis y;
        if (lo > 0) {
            LogAxis log = new LogAxis("loss (log scale)");
            log.setSmallestValue(Math.max(lo / 2, 1e-300));
            log.setRange(Math.max(lo / 2, 1e-300), hi * 2);
            y = log;
        } else {
            NumberAxis linear = new NumberAxis("loss");
            linear.setAutoRangeIncludesZero(false);
            y = linear;
        }
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        for (int p = 0; p < labels.size(); p++) {
            lines.setSeriesPaint(p, Palette.category(p));
            lines.setSeriesStroke(p, Palette.stroke(p, 1.6f));
        }
        NumberAxis x = new NumberAxis("step");
        XYPlot plot = new XYPlot(data, x, y, lines);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        Theme.apply(chart);
        for (int p = 0; p < labels.size(); p++) {
            lines.setSeriesPaint(p, Palette.category(p));
            lines.setSeriesStroke(p, Palette.stroke(p, 1.6f));
        }
        return new Figure("loss", "The loss at each step of each descent; a diverged one ends where it left the "
                + "landscape.", chart::draw, 720, 400);
    }

    /**
     * The final loss against the learning rate on a log axis, with gradient descent's 1/L
     * (oscillation begins) and 2/L (divergence) marked when L is known; a diverged descent is an x
     * at the top.
     */
    public static Figure finalLoss(String title, double[] rates, double[] finals, double smoothness) {
        XYSeries finite = new XYSeries("final loss", false, true);
        XYSeries diverged = new XYSeries("diverged", false, true);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < rates.length; i++) {
            if (Double.isFinite(finals[i]) && finals[i] > 0) {
                lo = Math.min(lo, finals[i]);
                hi = Math.max(hi, finals[i]);
            }
        }
        if (!(lo <= hi)) {
            lo = 1e-12;
            hi = 1;
        }
        double top = hi * 100;
        for (int i = 0; i < rates.length; i++) {
            if (Double.isFinite(finals[i]) && finals[i] > 0) {
                finite.add(rates[i], finals[i]);
            } else if (!Double.isFinite(finals[i])) {
                diverged.add(rates[i], top);
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(finite);
        data.addSeries(diverged);
        LogAxis x = new LogAxis("learning rate (log scale)");
        x.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.######",
                java.text.DecimalFormatSymbols.getInstance(Locale.ROOT)));
        double rlo = Arrays.stream(rates).min().orElse(1e-3);
        double rhi = Arrays.stream(rates).max().orElse(1);
        x.setRange(rlo / 1.5, rhi * 1.5);
        if (rhi / rlo >= 10) {
            x.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1.0)); // a label per decade
        }
        LogAxis y = new LogAxis("final loss (log scale)");
        y.setSmallestValue(lo / 10);
        y.setRange(lo / 10, top * 10);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, Palette.category(0));
        renderer.setSeriesLinesVisible(1, false);
        renderer.setSeriesPaint(1, new Color(0xD55E00));
        renderer.setSeriesShape(1, new java.awt.geom.Rectangle2D.Double(-4, -4, 8, 8));
        XYPlot plot = new XYPlot(data, x, y, renderer);
        if (Double.isFinite(smoothness)) {
            for (double[] m : new double[][] {{1 / smoothness, 1}, {2 / smoothness, 2}}) {
                ValueMarker marker = new ValueMarker(m[0], new Color(0x555555), new BasicStroke(1.2f,
                        BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {5f, 4f}, 0f));
                marker.setLabel(m[1] == 1 ? "1/L: oscillation" : "2/L: divergence");
                marker.setLabelFont(new Font("DejaVu Sans", Font.PLAIN, 11));
                marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
                marker.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
                plot.addDomainMarker(marker);
            }
        }
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        Theme.apply(chart);
        renderer.setSeriesPaint(0, Palette.category(0));
        renderer.setSeriesPaint(1, new Color(0xD55E00));
        return new Figure("final-loss", "The loss after the last step against the learning rate"
                + (Double.isFinite(smoothness) ? "; dashed: 1/L, past which gradient descent overshoots the "
                + "minimum and oscillates, and 2/L, past which it diverges (L = " + smoothness + ")" : "")
                + "; squares at the top: descents that diverged.", chart::draw, 720, 420);
    }

    private static double clamp(double v, double lo, double hi) {
        return Double.isNaN(v) ? hi : Math.max(lo, Math.min(hi, v));
    }
}
