package dev.lrlab.reports.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/**
 * Colours, dash patterns and marker shapes that stay distinguishable in black-and-white print:
 * series differ by line style and marker as well as by colour. Configurations use the Okabe-Ito
 * palette (safe for colour-blind readers); learning rates, being ordered, use a viridis ramp.
 */
public final class Palette {

    private static final Color[] CATEGORICAL = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442)};

    private static final float[][] DASHES = {
        null, {6f, 3f}, {1.5f, 2.5f}, {8f, 3f, 1.5f, 3f}, {3f, 3f}, {10f, 4f}, {1.5f, 2.5f, 6f, 2.5f}};

    /** Viridis at 9 points, interpolated for any number of rates. */
    private static final int[] VIRIDIS = {0x440154, 0x472D7B, 0x3B528B, 0x2C728E, 0x21918C, 0x28AE80,
        0x5EC962, 0xADDC30, 0xFDE725};

    private Palette() {
    }

    public static Color category(int i) {
        return CATEGORICAL[i % CATEGORICAL.length];
    }

    /** Colour i of n along the viridis ramp (stopping short of its palest yellow, which prints badly). */
    public static Color ramp(int i, int n) {
        double x = n <= 1 ? 0 : 0.9 * i / (n - 1);
        double pos = x * (VIRIDIS.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(VIRIDIS.length - 1, lo + 1);
        double f = pos - lo;
        Color a = new Color(VIRIDIS[lo]);
        Color b = new Color(VIRIDIS[hi]);
        return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }

    /** Line i's stroke: solid, dashed, dotted, dash-dot, ... */
    public static Stroke stroke(int i, float width) {
        float[] dash = DASHES[i % DASHES.length];
        return dash == null
                ? new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND)
                : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, dash, 0f);
    }

    /** Marker i: circle, square, triangle, diamond, cross, ... */
    public static Shape shape(int i) {
        double s = 3.5;
        return switch (i % 6) {
            case 0 -> new Ellipse2D.Double(-s, -s, 2 * s, 2 * s);
            case 1 -> new Rectangle2D.Double(-s, -s, 2 * s, 2 * s);
            case 2 -> polygon(0, -s - 1, s + 1, s, -s - 1, s);
            case 3 -> polygon(0, -s - 1, s + 1, 0, 0, s + 1, -s - 1, 0);
            case 4 -> polygon(-s - 1, s, 0, -s - 1, s + 1, s, 0, 0);
            default -> polygon(-s, -s, s, -s, 0, s + 1);
        };
    }

    private static Shape polygon(double... xy) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            p.lineTo(xy[i], xy[i + 1]);
        }
        p.closePath();
        return p;
    }
}
