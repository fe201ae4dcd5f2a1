package dev.lrlab.env.render;

import java.awt.Graphics2D;

/** An environment that can paint its current state as coloured squares, for GIFs and frames. */
public interface PixelRenderable {

    /** Columns of the board. */
    int boardWidth();

    /** Rows of the board. */
    int boardHeight();

    /** Paints the board at the origin, {@code cell} pixels per square. */
    void paint(Graphics2D g, int cell);
}
