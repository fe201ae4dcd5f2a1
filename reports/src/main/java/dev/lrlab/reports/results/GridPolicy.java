package dev.lrlab.reports.results;

/**
 * A tabular agent's final greedy policy and state values on a gridworld, for drawing on the map.
 *
 * @param map the gridworld's text map, one string per row
 * @param glyphs the glyph of the greedy action in each cell (row-major), drawn as arrows
 * @param values max_a Q(s, a) in each cell (row-major)
 */
public record GridPolicy(String[] map, String[] glyphs, double[] values) {
}
