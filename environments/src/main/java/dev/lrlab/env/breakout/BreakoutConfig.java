package dev.lrlab.env.breakout;

/**
 * The options of a Breakout board. The defaults are MinAtar's: 10x10, three rows of bricks, the
 * minimal action set, sticky actions with probability 0.1. Other sizes are lrlab's extension and
 * keep the same rules.
 *
 * @param width columns
 * @param height rows; the paddle moves in the last one
 * @param brickRows rows of bricks, from row 1 down
 * @param fullActionSet the six actions (no-op, left, up, right, down, fire) instead of (no-op, left, right)
 * @param stickyProbability chance that the previous executed action is repeated instead of the chosen one
 */
public record BreakoutConfig(int width, int height, int brickRows, boolean fullActionSet, double stickyProbability) {

    /** MinAtar's Breakout. */
    public static final BreakoutConfig MINATAR = new BreakoutConfig(10, 10, 3, false, 0.1);

    public BreakoutConfig {
        if (width < 3 || width > 64) {
            throw new IllegalArgumentException("width must be in 3..64, was " + width);
        }
        if (brickRows < 1) {
            throw new IllegalArgumentException("brick-rows must be >= 1, was " + brickRows);
        }
        if (height < brickRows + 4 || height > 64) {
            throw new IllegalArgumentException("height must be in brick-rows + 4 (" + (brickRows + 4)
                    + ") .. 64, was " + height);
        }
        if (!(stickyProbability >= 0 && stickyProbability <= 1)) {
            throw new IllegalArgumentException("sticky must be in [0, 1], was " + stickyProbability);
        }
    }

    public BreakoutConfig withFullActionSet(boolean full) {
        return new BreakoutConfig(width, height, brickRows, full, stickyProbability);
    }

    public BreakoutConfig withSticky(double p) {
        return new BreakoutConfig(width, height, brickRows, fullActionSet, p);
    }

    public BreakoutConfig withSize(int w, int h, int rows) {
        return new BreakoutConfig(w, h, rows, fullActionSet, stickyProbability);
    }
}
