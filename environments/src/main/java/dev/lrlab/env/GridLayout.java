package dev.lrlab.env;

import java.util.List;

/**
 * An optional ability: an environment whose states are the cells of a text map, so that a report
 * can draw a tabular agent's greedy policy and values on it.
 */
public interface GridLayout {

    /** The map, one string per row; state {@code row * width + col} is cell (row, col). */
    List<String> mapRows();

    /** A short glyph for an action, such as an arrow. */
    String actionGlyph(int action);
}
