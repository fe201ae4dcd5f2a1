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
import javax.imageio.ImageIO;
import org.jfree.svg.SVGGraphics2D;

/** Writes a figure as SVG (text kept as text), PNG (at twice its size, for print) and PDF. */
public final class FigureWriter {

    private FigureWriter() {
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
        ImageIO.write(image, "png", file.toFile());
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
