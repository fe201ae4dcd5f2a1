package dev.lrlab.reports.figures;

import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleInsets;

/**
 * lrlab's one look for every chart: white ground, light grid, one sans-serif family, no shadows.
 * Apply it before styling series, since it clears series colours and strokes.
 */
public final class Theme {

    private static final String FAMILY = "DejaVu Sans";

    private Theme() {
    }

    public static void apply(JFreeChart chart) {
        StandardChartTheme theme = new StandardChartTheme("lrlab");
        theme.setExtraLargeFont(new Font(FAMILY, Font.BOLD, 15));
        theme.setLargeFont(new Font(FAMILY, Font.BOLD, 12));
        theme.setRegularFont(new Font(FAMILY, Font.PLAIN, 11));
        theme.setSmallFont(new Font(FAMILY, Font.PLAIN, 10));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(new Color(0xDDDDDD));
        theme.setRangeGridlinePaint(new Color(0xDDDDDD));
        theme.setAxisLabelPaint(Color.BLACK);
        theme.setTickLabelPaint(new Color(0x333333));
        theme.setLegendBackgroundPaint(Color.WHITE);
        theme.setShadowVisible(false);
        // apply before styling series: the theme clears series colours and strokes
        theme.apply(chart);
        chart.setPadding(new RectangleInsets(6, 6, 6, 10));
        if (chart.getPlot() instanceof CombinedDomainXYPlot combined) {
            for (Object sub : combined.getSubplots()) {
                style((XYPlot) sub);
            }
        } else if (chart.getPlot() instanceof XYPlot plot) {
            style(plot);
        }
    }

    private static void style(XYPlot plot) {
        plot.setOutlinePaint(new Color(0x999999));
        plot.setDomainGridlinesVisible(true);
        plot.setRangeGridlinesVisible(true);
    }
}
