package dev.lrlab.reports.figures;

import dev.lrlab.reports.results.GridPolicy;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Locale;

/**
 * Figure 6: a tabular agent's greedy policy and state values on the gridworld's map: cells shaded
 * by value (darker is lower, so it prints in grey), an arrow for the greedy action, the value as a
 * number, and walls, goals, holes and cliffs marked.
 */
public final class GridPolicyDrawing {

    private static final int CELL = 46;
    private static final int MARGIN = 16;
    private static final int TITLE = 34;

    private GridPolicyDrawing() {
    }

    /**
     * The figure of one policy.
     *
     * @param seed the seed whose greedy actions are drawn
     * @param seeds how many seeds the values are averaged over
     */
    public static Figure of(String name, String title, GridPolicy policy, long seed, int seeds) {
        int rows = policy.map().length;
        int cols = policy.map()[0].length();
        // as wide as the title needs: small grids (frozen lake's 4x4) would cut it off
        java.awt.image.BufferedImage probe = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB);
        Graphics2D measure = probe.createGraphics();
        int titleWidth = measure.getFontMetrics(new Font("DejaVu Sans", Font.BOLD, 13)).stringWidth(title);
        measure.dispose();
        int width = Math.max(Math.max(2 * MARGIN + cols * CELL, 360), 2 * MARGIN + titleWidth + 4);
        int height = TITLE + 2 * MARGIN + rows * CELL + 26;
        return new Figure(name, title + ": greedy action (arrow) of seed " + seed + ", the seed with the median "
                + "asymptotic return, and value max_a Q(s, a) (number, shade) in each cell, averaged over "
                + (seeds == 1 ? "its one seed." : "all " + seeds + " seeds."),
                (g, area) -> draw(g, area, title, policy), width, height);
    }

    private static void draw(Graphics2D g0, Rectangle2D area, String title, GridPolicy p) {
        Graphics2D g = (Graphics2D) g0.create();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.translate(area.getX(), area.getY());
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, area.getWidth(), area.getHeight()));
        g.setColor(Color.BLACK);
        g.setFont(new Font("DejaVu Sans", Font.BOLD, 13));
        g.drawString(title, MARGIN, 22);
        int rows = p.map().length;
        int cols = p.map()[0].length();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < p.values().length; s++) {
            char ch = p.map()[s / cols].charAt(s % cols);
            if (ch != '#' && ch != 'G' && ch != 'H' && ch != 'C' && Double.isFinite(p.values()[s])) {
                lo = Math.min(lo, p.values()[s]);
                hi = Math.max(hi, p.values()[s]);
            }
        }
        Font small = new Font("DejaVu Sans", Font.PLAIN, 9);
        Font label = new Font("DejaVu Sans", Font.BOLD, 10);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int s = r * cols + c;
                char ch = p.map()[r].charAt(c);
                double x = MARGIN + c * CELL;
                double y = TITLE + MARGIN + r * CELL;
                Rectangle2D cell = new Rectangle2D.Double(x, y, CELL, CELL);
                if (ch == '#') {
                    g.setColor(new Color(0x333333));
                    g.fill(cell);
                    continue;
                }
                boolean special = ch == 'G' || ch == 'H' || ch == 'C';
                double f = hi > lo ? (p.values()[s] - lo) / (hi - lo) : 1;
                g.setColor(!special ? shade(f) : ch == 'G' ? new Color(0xD5EFE3) : new Color(0xF6DDD2));
                g.fill(cell);
                g.setColor(new Color(0x888888));
                g.setStroke(new BasicStroke(0.6f));
                g.draw(cell);
                if (special) {
                    g.setColor(ch == 'G' ? new Color(0x006B4F) : new Color(0xA33F00));
                    g.setFont(label);
                    centre(g, ch == 'G' ? "goal" : ch == 'H' ? "hole" : "cliff", x, y + CELL / 2.0 + 5, CELL);
                    continue;
                }
                Color ink = f < 0.45 ? Color.WHITE : Color.BLACK;
                g.setColor(ink);
                arrow(g, p.glyphs()[s], x + CELL / 2.0, y + CELL / 2.0 - 5);
                g.setFont(small);
                centre(g, String.format(Locale.ROOT, Math.abs(p.values()[s]) >= 100 ? "%.0f" : "%.1f",
                        p.values()[s]), x, y + CELL - 3, CELL);
                if (ch == 'S') {
                    g.setFont(new Font("DejaVu Sans", Font.BOLD, 9));
                    g.drawString("S", (float) x + 3, (float) y + 11);
                }
            }
        }
        g.setColor(Color.BLACK);
        g.setFont(small);
        g.drawString(String.format(Locale.ROOT, "shade: value from %.1f (dark) to %.1f (light)", lo, hi),
                MARGIN, TITLE + 2 * MARGIN + rows * CELL + 6);
        g.dispose();
    }

    /** Grey-friendly ramp: dark blue for low values to pale yellow for high ones. */
    private static Color shade(double f) {
        return Palette.ramp((int) Math.round(f * 100), 112);
    }

    private static void centre(Graphics2D g, String text, double x, double baseline, double width) {
        FontMetrics m = g.getFontMetrics();
        g.drawString(text, (float) (x + (width - m.stringWidth(text)) / 2), (float) baseline);
    }

    /** An arrow for a move glyph (^ > v < and the diagonals). */
    private static void arrow(Graphics2D g, String glyph, double cx, double cy) {
        double angle = switch (glyph) {
            case ">" -> 0;
            case "v" -> Math.PI / 2;
            case "<" -> Math.PI;
            case "^" -> -Math.PI / 2;
            case "↗" -> -Math.PI / 4;
            case "↘" -> Math.PI / 4;
            case "↙" -> 3 * Math.PI / 4;
            default -> -3 * Math.PI / 4;
        };
        Path2D.Double shape = new Path2D.Double();
        shape.moveTo(-11, 0);
        shape.lineTo(7, 0);
        shape.moveTo(11, 0);
        shape.lineTo(3, -5);
        shape.lineTo(3, 5);
        shape.closePath();
        AffineTransform at = AffineTransform.getTranslateInstance(cx, cy);
        at.rotate(angle);
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        var path = at.createTransformedShape(shape);
        g.draw(path);
        Path2D.Double head = new Path2D.Double();
        head.moveTo(11, 0);
        head.lineTo(3, -5);
        head.lineTo(3, 5);
        head.closePath();
        g.fill(at.createTransformedShape(head));
    }
}
