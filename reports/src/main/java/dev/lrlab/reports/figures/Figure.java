package dev.lrlab.reports.figures;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

/**
 * One figure of a report: a file name, a caption, and how to draw it at its natural size.
 *
 * @param name file name without extension
 * @param caption one or two sentences saying what the figure shows
 * @param drawing draws the figure into an area
 * @param width natural width in points
 * @param height natural height in points
 */
public record Figure(String name, String caption, Drawing drawing, int width, int height) {

    /** Draws into a Graphics2D; a JFreeChart's {@code draw} method is one. */
    @FunctionalInterface
    public interface Drawing {
        void draw(Graphics2D g, Rectangle2D area);
    }
}
