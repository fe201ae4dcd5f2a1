package dev.lrlab.env.gridworld;

import java.util.Locale;

/** ASCII drawings of a gridworld: its state, a policy as arrows, a value table as numbers. */
public final class GridRendering {

    private GridRendering() {
    }

    /** The map with the agent drawn as {@code A}. */
    public static String state(Gridworld world) {
        GridworldSpec spec = world.spec();
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < spec.height(); r++) {
            for (int c = 0; c < spec.width(); c++) {
                char ch = r == world.row() && c == world.col() ? 'A' : spec.cell(r, c);
                out.append(ch == 'F' ? '.' : ch);
            }
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * A policy on the map: the glyph of each cell's action (walls, goals, holes and cliffs drawn as
     * on the map).
     *
     * @param actions the action chosen in each state, indexed by state
     */
    public static String policy(Gridworld world, int[] actions) {
        GridworldSpec spec = world.spec();
        requireLength(actions.length, spec);
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < spec.height(); r++) {
            for (int c = 0; c < spec.width(); c++) {
                int cell = r * spec.width() + c;
                char ch = spec.cell(r, c);
                if (ch == '#' || ch == 'G' || ch == 'H' || ch == 'C') {
                    out.append(ch);
                } else {
                    out.append(spec.moves().get(actions[cell]).glyph());
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** A value table on the map, one number per cell; walls drawn as {@code #}. */
    public static String values(Gridworld world, double[] values) {
        GridworldSpec spec = world.spec();
        requireLength(values.length, spec);
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < spec.height(); r++) {
            for (int c = 0; c < spec.width(); c++) {
                int cell = r * spec.width() + c;
                if (c > 0) {
                    out.append(' ');
                }
                out.append(spec.cell(r, c) == '#'
                        ? "     #"
                        : String.format(Locale.ROOT, "%6.1f", values[cell]));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static void requireLength(int length, GridworldSpec spec) {
        int cells = spec.height() * spec.width();
        if (length != cells) {
            throw new IllegalArgumentException(spec.id() + ": expected one entry per cell (" + cells
                    + "), got " + length);
        }
    }
}
