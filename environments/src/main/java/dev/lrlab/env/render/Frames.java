package dev.lrlab.env.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** One picture of an environment: its board as coloured squares and a line of text beneath. */
public final class Frames {

    private static final int CAPTION = 22;

    private Frames() {
    }

    /** The board with {@code caption} (the score line) below it. */
    public static BufferedImage draw(PixelRenderable board, int cell, String caption) {
        int w = Math.max(board.boardWidth() * cell, 300);
        int h = board.boardHeight() * cell + CAPTION;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(0x202020));
        g.fillRect(0, 0, w, h);
        board.paint(g, cell);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(caption, 4, board.boardHeight() * cell + 15);
        g.dispose();
        return image;
    }
}
