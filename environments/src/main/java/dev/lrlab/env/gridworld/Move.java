package dev.lrlab.env.gridworld;

/** A move on the grid: a change of row and column, with the glyph that draws it in a policy. */
public enum Move {
    UP(-1, 0, "^"),
    UP_RIGHT(-1, 1, "↗"),
    RIGHT(0, 1, ">"),
    DOWN_RIGHT(1, 1, "↘"),
    DOWN(1, 0, "v"),
    DOWN_LEFT(1, -1, "↙"),
    LEFT(0, -1, "<"),
    UP_LEFT(-1, -1, "↖");

    /** The four compass moves in the order Sutton & Barto and Gymnasium's CliffWalking use. */
    public static final Move[] COMPASS = {UP, RIGHT, DOWN, LEFT};
    /** Gymnasium FrozenLake's action order. */
    public static final Move[] FROZEN_LAKE = {LEFT, DOWN, RIGHT, UP};
    /** King's moves (Sutton & Barto Exercise 6.9), clockwise from up. */
    public static final Move[] KING = {UP, UP_RIGHT, RIGHT, DOWN_RIGHT, DOWN, DOWN_LEFT, LEFT, UP_LEFT};

    private final int dRow;
    private final int dCol;
    private final String glyph;

    Move(int dRow, int dCol, String glyph) {
        this.dRow = dRow;
        this.dCol = dCol;
        this.glyph = glyph;
    }

    public int dRow() {
        return dRow;
    }

    public int dCol() {
        return dCol;
    }

    /** The glyph that draws this move in a rendered policy: ASCII for the compass moves, arrows for diagonals. */
    public String glyph() {
        return glyph;
    }

    /** This move turned a quarter clockwise (the slip to one side). */
    public Move clockwise() {
        return values()[(ordinal() + 2) % 8];
    }

    /** This move turned a quarter counter-clockwise (the slip to the other side). */
    public Move counterClockwise() {
        return values()[(ordinal() + 6) % 8];
    }
}
