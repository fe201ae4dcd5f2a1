package dev.lrlab.reports.figures;

import com.orsonpdf.PDFDocument;
import com.orsonpdf.PDFGraphics2D;
import com.orsonpdf.Page;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.svg.SVGGraphics2D;

/** Writes a figure as SVG (text kept as text), PNG (at twice its size, for print) and PDF. */
public final class FigureWriter {

    private FigureWriter() {
    }

    /**
     * Draws a small chart of the report's kinds (log axis, bands, lines, legend, the theme's fonts)
     * as SVG, PNG and PDF into memory and throws the result away. Called on a thread of its own
     * while a report reads its trials: the first figure of a report otherwise spends a few hundred
     * milliseconds loading and initialising the chart, font, image and PDF classes on one core
     * while the other waits on the same class initialisations; done early, that work overlaps the
     * reading. Any failure here is ignored: the report's own figures meet it again and say what it
     * is.
     *
     * @return whether all three were drawn
     */
    public static boolean warmUp() {
        try {
            org.jfree.data.xy.YIntervalSeries band = new org.jfree.data.xy.YIntervalSeries("warm-up");
            for (int i = 1; i <= 64; i++) {
                band.add(i, Math.log(i), Math.log(i) - 0.5, Math.log(i) + 0.5);
            }
            org.jfree.data.xy.YIntervalSeriesCollection data = new org.jfree.data.xy.YIntervalSeriesCollection();
            data.addSeries(band);
            org.jfree.chart.plot.XYPlot plot = new org.jfree.chart.plot.XYPlot(data,
                    new org.jfree.chart.axis.LogAxis("x"), new org.jfree.chart.axis.NumberAxis("y"),
                    new org.jfree.chart.renderer.xy.DeviationRenderer(true, true));
            org.jfree.chart.JFreeChart chart = new org.jfree.chart.JFreeChart("warm-up",
                    org.jfree.chart.JFreeChart.DEFAULT_TITLE_FONT, plot, true);
            Theme.apply(chart);
            Figure figure = new Figure("warm-up", "", chart::draw, 320, 200);
            svg(figure);
            BufferedImage image = render(figure, 1);
            PngWriter.write(image, java.io.OutputStream.nullOutputStream());
            PDFDocument document = new PDFDocument();
            Page page = document.createPage(new Rectangle2D.Double(0, 0, figure.width(), figure.height()));
            figure.drawing().draw(page.getGraphics2D(), new Rectangle2D.Double(0, 0, figure.width(), figure.height()));
            return document.getPDFBytes().length > 0;
        } catch (RuntimeException | IOException | LinkageError ignored) {
            // only a head start; the report's own figures meet the same failure and report it
            return false;
        }
    }

    /** The SVG element of a figure, for inlining in HTML. */
    public static String svg(Figure figure) {
        SVGGraphics2D g = new SVGGraphics2D(figure.width(), figure.height());
        figure.drawing().draw(g, new Rectangle2D.Double(0, 0, figure.width(), figure.height()));
        return g.getSVGElement();
    }

    /** Writes NAME.svg, NAME.png and NAME.pdf into {@code dir}; returns the SVG element. */
    public static String writeAll(Figure figure, Path dir) throws IOException {
        String svg = svg(figure);
        Files.writeString(dir.resolve(figure.name() + ".svg"),
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg + "\n", StandardCharsets.UTF_8);
        png(figure, dir.resolve(figure.name() + ".png"), 2);
        pdf(figure, dir.resolve(figure.name() + ".pdf"));
        return svg;
    }

    public static void png(Figure figure, Path file, int scale) throws IOException {
        try (java.io.OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
            PngWriter.write(render(figure, scale), out);
        }
    }

    private static BufferedImage render(Figure figure, int scale) {
        BufferedImage image = new BufferedImage(figure.width() * scale, figure.height() * scale,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.scale(scale, scale);
        figure.drawing().draw(g, new Rectangle2D.Double(0, 0, figure.width(), figure.height()));
        g.dispose();
        return image;
    }

    public static void pdf(Figure figure, Path file) {
        PDFDocument document = new PDFDocument();
        document.setTitle(figure.name());
        Page page = document.createPage(new Rectangle2D.Double(0, 0, figure.width(), figure.height()));
        PDFGraphics2D g = page.getGraphics2D();
        figure.drawing().draw(g, new Rectangle2D.Double(0, 0, figure.width(), figure.height()));
        document.writeToFile(file.toFile());
    }
}
