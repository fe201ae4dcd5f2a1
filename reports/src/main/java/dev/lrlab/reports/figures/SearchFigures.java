package dev.lrlab.reports.figures;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A search's figures, from its {@code search.json}: the best objective found against the
 * environment steps spent, and the configurations tried on the searched axis, by the rung each
 * reached.
 */
public final class SearchFigures {

    private SearchFigures() {
    }

    /** One evaluation: a configuration at a rung, with its budget, steps and objective. */
    private record Event(int configuration, int bracket, int rung, long budget, long steps, double objective,
            double x) {
    }

    public static List<Figure> of(JsonObject search) {
        List<Event> events = new ArrayList<>();
        long whole = search.get("whole_budget").getAsLong();
        JsonArray space = search.getAsJsonArray("space");
        String xPath = space.get(0).getAsJsonObject().get("path").getAsString();
        boolean logX = space.get(0).getAsJsonObject().get("kind").getAsString().equals("log-uniform");
        boolean numericX = !space.get(0).getAsJsonObject().get("kind").getAsString().equals("categorical");
        int maxRung = 0;
        for (JsonElement e : search.getAsJsonArray("configurations")) {
            JsonObject c = e.getAsJsonObject();
            if (!c.has("objective_by_rung")) {
                continue;
            }
            JsonArray objectives = c.getAsJsonArray("objective_by_rung");
            JsonElement value = c.getAsJsonObject("values").get(xPath);
            double x = numericX && value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()
                    ? value.getAsDouble() : Double.NaN;
            for (int k = 0; k < objectives.size(); k++) {
                double v = objectives.get(k).isJsonNull() ? Double.NaN : objectives.get(k).getAsDouble();
                events.add(new Event(c.get("configuration").getAsInt(), c.has("bracket") ? c.get("bracket").getAsInt() : 0,
                        k, c.getAsJsonArray("budget_by_rung").get(k).getAsLong(),
                        c.getAsJsonArray("steps_by_rung").get(k).getAsLong(), v, x));
                maxRung = Math.max(maxRung, k);
            }
        }
        // the search's own order: bracket, rung, configuration (the order its decisions were made in)
        events.sort((a, b) -> a.bracket() != b.bracket() ? Integer.compare(a.bracket(), b.bracket())
                : a.rung() != b.rung() ? Integer.compare(a.rung(), b.rung())
                : Integer.compare(a.configuration(), b.configuration()));
        List<Figure> out = new ArrayList<>();
        out.add(progress(search, events, whole));
        if (numericX) {
            out.add(space(search, events, xPath, logX, maxRung));
        }
        if (maxRung > 0) {
            out.add(rungs(search, events));
        }
        return out;
    }

    /** Each configuration's objective at each rung it reached, joined: who went on, and from where. */
    private static Figure rungs(JsonObject search, List<Event> events) {
        java.util.Map<Integer, XYSeries> byConfiguration = new java.util.TreeMap<>();
        for (Event e : events) {
            if (Double.isFinite(e.objective())) {
                byConfiguration.computeIfAbsent(e.configuration(), c -> new XYSeries("configuration " + c))
                        .add(e.budget(), e.objective());
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        byConfiguration.values().forEach(data::addSeries);
        LogAxis x = new LogAxis("rung budget (log scale)");
        x.setNumberFormatOverride(new java.text.DecimalFormat("#,##0", java.text.DecimalFormatSymbols.getInstance(
                Locale.ROOT)));
        double low = events.stream().mapToLong(Event::budget).min().orElse(1);
        double high = events.stream().mapToLong(Event::budget).max().orElse(10);
        // rungs span a decade or two: a labelled tick every quarter decade, not only at powers of ten
        x.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(Math.log10(high / low) < 3 ? 0.25 : 1.0));
        x.setRange(low / 1.3, high * 1.3);
        NumberAxis y = new NumberAxis("objective at that budget");
        y.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        JFreeChart chart = new JFreeChart("Rungs", JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        Theme.apply(chart);
        int longest = 0;
        for (int i = 0; i < data.getSeriesCount(); i++) {
            longest = Math.max(longest, data.getSeries(i).getItemCount());
        }
        for (int i = 0; i < data.getSeriesCount(); i++) {
            boolean far = data.getSeries(i).getItemCount() == longest;
            renderer.setSeriesPaint(i, far ? Palette.category(0) : new Color(120, 120, 120, 110));
            renderer.setSeriesStroke(i, new BasicStroke(far ? 2f : 0.8f));
            renderer.setSeriesShape(i, Palette.shape(0));
        }
        return new Figure("search-rungs", "Each configuration's objective at each rung it reached, " + "joined across "
                + "rungs (grey; blue: those that reached the last rung): which configurations went on, and how their "
                + "rank held as the budget grew.", chart::draw, 720, 400);
    }

    private static Figure progress(JsonObject search, List<Event> events, long whole) {
        XYSeries all = new XYSeries("each evaluation (any rung)");
        XYSeries best = new XYSeries("best on the whole budget so far");
        long spent = 0;
        double bestSoFar = Double.NaN;
        boolean max = !search.has("mode") || search.get("mode").getAsString().equals("max");
        for (Event e : events) {
            spent += e.steps();
            if (Double.isFinite(e.objective())) {
                all.add(spent, e.objective());
                if (e.budget() == whole && (Double.isNaN(bestSoFar)
                        || (max ? e.objective() > bestSoFar : e.objective() < bestSoFar))) {
                    bestSoFar = e.objective();
                }
            }
            if (Double.isFinite(bestSoFar)) {
                best.add(spent, bestSoFar);
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(all);
        data.addSeries(best);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        NumberAxis x = new NumberAxis("environment steps spent");
        NumberAxis y = new NumberAxis("objective (" + search.get("objective").getAsString() + ")");
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        JFreeChart chart = new JFreeChart("Search progress (" + search.get("method").getAsString() + ")",
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        Theme.apply(chart);
        renderer.setSeriesLinesVisible(0, false);
        renderer.setSeriesShapesVisible(0, true);
        renderer.setSeriesPaint(0, new Color(120, 120, 120, 150));
        renderer.setSeriesShape(0, Palette.shape(0));
        renderer.setSeriesLinesVisible(1, true);
        // marked too: successive halving reaches the whole budget only at its end, a single point
        renderer.setSeriesShapesVisible(1, true);
        renderer.setSeriesShape(1, Palette.shape(3));
        renderer.setSeriesPaint(1, Palette.category(0));
        renderer.setSeriesStroke(1, new BasicStroke(2f));
        return new Figure("search-progress", "Each configuration's objective at each rung it reached (grey; a lower "
                + "rung's budget is shorter, so its value is not comparable with the whole budget's), and the best "
                + "found on the whole budget so far (line), against the environment steps spent, in the order the "
                + "search decided.", chart::draw, 720, 380);
    }

    private static Figure space(JsonObject search, List<Event> events, String xPath, boolean logX, int maxRung) {
        // each configuration once, at the last rung it reached
        java.util.Map<Integer, Event> last = new java.util.LinkedHashMap<>();
        for (Event e : events) {
            Event before = last.get(e.configuration());
            if (before == null || e.rung() >= before.rung() || e.budget() > before.budget()) {
                last.put(e.configuration(), e);
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        List<Long> budgets = last.values().stream().map(Event::budget).distinct().sorted().toList();
        for (long budget : budgets) {
            XYSeries s = new XYSeries("stopped at " + budget + (budget == budgets.get(budgets.size() - 1) ? " (whole)" : ""));
            for (Event e : last.values()) {
                if (e.budget() == budget && Double.isFinite(e.objective()) && Double.isFinite(e.x())) {
                    s.add(e.x(), e.objective());
                }
            }
            data.addSeries(s);
        }
        ValueAxis x = logX ? new LogAxis(xPath + " (log scale)") : new NumberAxis(xPath);
        if (x instanceof LogAxis log) {
            log.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.######",
                    java.text.DecimalFormatSymbols.getInstance(Locale.ROOT)));
            log.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1.0));
        }
        NumberAxis y = new NumberAxis("objective at that budget");
        y.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        JFreeChart chart = new JFreeChart("Configurations tried", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        Theme.apply(chart);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, Palette.ramp(i, Math.max(2, data.getSeriesCount())));
            renderer.setSeriesShape(i, Palette.shape(i));
        }
        chart.addSubtitle(new TextTitle("each configuration at the last rung it reached; colour: that rung's budget",
                new Font("DejaVu Sans", Font.PLAIN, 12)));
        return new Figure("search-space", "Every configuration the search tried, on its first searched axis ("
                + xPath + "), with its objective at the last rung it reached, coloured by that rung's budget: the "
                + "configurations stopped early and where the search spent its whole budgets.", chart::draw, 720, 420);
    }
}
