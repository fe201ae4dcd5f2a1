package dev.lrlab.env.breakout;

import dev.lrlab.env.BitBoardObservation;
import dev.lrlab.env.Environment;
import dev.lrlab.env.ObservationSpace;
import dev.lrlab.env.Renderable;
import dev.lrlab.env.Traceable;
import dev.lrlab.env.render.PixelRenderable;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * MinAtar's Breakout (Young &amp; Tian 2019), rule for rule at the default size (see
 * shared/reference/breakout.md in the design notes): a paddle on the bottom row, a ball moving
 * diagonally, rows of bricks worth +1 each, the episode ending when the ball passes the paddle.
 *
 * <p>Observations are four binary channels (paddle, ball, trail, brick) over the board, as
 * features in channel-major order, or in compact form through {@link #paddleColumn()},
 * {@link #ballRow()}, ... and {@link #brickWord(int)} (the bricks as a bit board, cell
 * {@code row * width + col}), which costs nothing to read.
 *
 * <p>One deliberate difference from MinAtar: stepping after the episode has ended is refused (the
 * {@link Environment} contract) rather than returning 0.
 */
public final class Breakout implements Environment, Renderable, BitBoardObservation, PixelRenderable, Traceable {

    /** Actions of the full set; the minimal set is {no-op, left, right}. */
    public static final int NOOP = 0;
    public static final int LEFT = 1;
    public static final int UP = 2;
    public static final int RIGHT = 3;
    public static final int DOWN = 4;
    public static final int FIRE = 5;

    /** Channels of the observation, in MinAtar's order. */
    public static final int PADDLE_CHANNEL = 0;
    public static final int BALL_CHANNEL = 1;
    public static final int TRAIL_CHANNEL = 2;
    public static final int BRICK_CHANNEL = 3;

    private static final int[] MINIMAL = {NOOP, LEFT, RIGHT};
    private static final int[] FULL = {NOOP, LEFT, UP, RIGHT, DOWN, FIRE};
    private static final int[] DX = {-1, 1, 1, -1};
    private static final int[] DY = {-1, -1, 1, 1};
    private static final int[] FLIP_HORIZONTAL = {1, 0, 3, 2};
    private static final int[] FLIP_VERTICAL = {3, 2, 1, 0};
    private static final int[] REVERSE = {2, 3, 0, 1};

    private final BreakoutConfig config;
    private final double sticky;
    private final int width;
    private final int height;
    private final int cells;
    private final int[] actionMap;
    private final int[] paddleDelta;
    private final long[] bricks;
    private final long[] fullWall;
    private final int fullWallCount;

    private UniformRandomProvider rng;
    private int paddle;
    private int ballX;
    private int ballY;
    private int lastX;
    private int lastY;
    private int direction;
    private boolean strike;
    private boolean terminated;
    private boolean running;
    private int brickCount;
    private int previousAction;
    private int lastExecuted;
    private int steps;

    private Breakout(BreakoutConfig config) {
        this.config = config;
        this.sticky = config.stickyProbability();
        this.width = config.width();
        this.height = config.height();
        this.cells = width * height;
        this.actionMap = config.fullActionSet() ? FULL : MINIMAL;
        this.paddleDelta = new int[actionMap.length];
        for (int a = 0; a < actionMap.length; a++) {
            paddleDelta[a] = actionMap[a] == LEFT ? -1 : actionMap[a] == RIGHT ? 1 : 0;
        }
        this.bricks = new long[(cells + 63) / 64];
        this.fullWall = new long[bricks.length];
        for (int r = 1; r <= config.brickRows(); r++) {
            for (int c = 0; c < width; c++) {
                int cell = r * width + c;
                fullWall[cell >>> 6] |= 1L << cell;
            }
        }
        this.fullWallCount = config.brickRows() * width;
    }

    public static Breakout of(BreakoutConfig config) {
        return new Breakout(config);
    }

    private static final String[] NAMES = {"no-op", "left", "up", "right", "down", "fire"};

    @Override
    public String actionName(int action) {
        return action >= 0 && action < actionMap.length ? NAMES[actionMap[action]] : Integer.toString(action);
    }

    /** MinAtar's Breakout: 10x10, minimal actions, sticky 0.1. */
    public static Breakout minatar() {
        return new Breakout(BreakoutConfig.MINATAR);
    }

    public BreakoutConfig config() {
        return config;
    }

    @Override
    public String id() {
        return "breakout";
    }

    @Override
    public int actionCount() {
        return actionMap.length;
    }

    @Override
    public ObservationSpace observationSpace() {
        return ObservationSpace.grid(4, height, width);
    }

    @Override
    public void reset(long seed) {
        rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        reset();
    }

    @Override
    public void reset() {
        if (rng == null) {
            throw new IllegalStateException(id() + ": call reset(seed) once before reset()");
        }
        ballY = config.brickRows();
        if (rng.nextBoolean()) {
            ballX = 0;
            direction = 2;
        } else {
            ballX = width - 1;
            direction = 3;
        }
        paddle = width / 2 - 1;
        System.arraycopy(fullWall, 0, bricks, 0, bricks.length);
        brickCount = fullWallCount;
        strike = false;
        lastX = ballX;
        lastY = ballY;
        terminated = false;
        running = true;
        previousAction = 0;
        lastExecuted = 0;
        steps = 0;
    }

    @Override
    public double step(int action) {
        if (!running) {
            throw new IllegalStateException(id() + (rng == null
                    ? ": step() before reset(); call reset(seed) first"
                    : ": the episode has terminated; call reset() before step()"));
        }
        if (action < 0 || action >= actionMap.length) {
            throw new IllegalArgumentException(id() + ": action " + action + " is outside 0.."
                    + (actionMap.length - 1));
        }
        // sticky actions: with probability p the previous executed action is repeated
        if (sticky > 0 && rng.nextDouble() < sticky) {
            action = previousAction;
        }
        previousAction = action;
        lastExecuted = action;
        steps++;

        // branch-free: random actions would make a branch here mispredict on most steps
        paddle = Math.min(width - 1, Math.max(0, paddle + paddleDelta[action]));
        lastX = ballX;
        lastY = ballY;
        int newX = ballX + DX[direction];
        int newY = ballY + DY[direction];
        double reward = 0;
        boolean struck = false;
        if (newX < 0 || newX >= width) {
            newX = newX < 0 ? 0 : width - 1;
            direction = FLIP_HORIZONTAL[direction];
        }
        if (newY < 0) {
            newY = 0;
            direction = FLIP_VERTICAL[direction];
        } else if (isBrick(newY * width + newX)) {
            struck = true;
            if (!strike) {
                reward = 1;
                strike = true;
                removeBrick(newY * width + newX);
                newY = lastY;
                direction = FLIP_VERTICAL[direction];
            }
        } else if (newY == height - 1) {
            if (brickCount == 0) {
                System.arraycopy(fullWall, 0, bricks, 0, bricks.length);
                brickCount = fullWallCount;
            }
            if (ballX == paddle) {
                direction = FLIP_VERTICAL[direction];
                newY = lastY;
            } else if (newX == paddle) {
                direction = REVERSE[direction];
                newY = lastY;
            } else {
                terminated = true;
                running = false;
            }
        }
        if (!struck) {
            strike = false;
        }
        ballX = newX;
        ballY = newY;
        return reward;
    }

    private boolean isBrick(int cell) {
        return (bricks[cell >>> 6] & (1L << cell)) != 0;
    }

    private void removeBrick(int cell) {
        bricks[cell >>> 6] &= ~(1L << cell);
        brickCount--;
    }

    @Override
    public boolean terminated() {
        return terminated;
    }

    @Override
    public boolean truncated() {
        return false;
    }

    @Override
    public int episodeSteps() {
        return steps;
    }

    /** Breakout has no state index; tabular agents cannot run on it. */
    @Override
    public int state() {
        throw new UnsupportedOperationException("breakout has no discrete state index; use features");
    }

    @Override
    public int activeFeatures(int[] out) {
        int n = 0;
        out[n++] = PADDLE_CHANNEL * cells + (height - 1) * width + paddle;
        out[n++] = BALL_CHANNEL * cells + ballY * width + ballX;
        out[n++] = TRAIL_CHANNEL * cells + lastY * width + lastX;
        int base = BRICK_CHANNEL * cells;
        for (int w = 0; w < bricks.length; w++) {
            long word = bricks[w];
            while (word != 0) {
                out[n++] = base + (w << 6) + Long.numberOfTrailingZeros(word);
                word &= word - 1;
            }
        }
        return n;
    }

    @Override
    public int wordsPerChannel() {
        return bricks.length;
    }

    @Override
    public void bitBoards(long[] out) {
        // one pass over the words, each written once (no separate clearing pass)
        int words = bricks.length;
        int paddleCell = (height - 1) * width + paddle;
        int ballCell = ballY * width + ballX;
        int trailCell = lastY * width + lastX;
        if (words == 2) {
            // MinAtar's 10x10 board: straight-line code (a shift by n uses n mod 64, so each bit
            // lands in its word's place whichever word holds it)
            long paddleBit = 1L << paddleCell;
            long ballBit = 1L << ballCell;
            long trailBit = 1L << trailCell;
            boolean paddleHigh = paddleCell >= 64;
            boolean ballHigh = ballCell >= 64;
            boolean trailHigh = trailCell >= 64;
            out[0] = paddleHigh ? 0L : paddleBit;
            out[1] = paddleHigh ? paddleBit : 0L;
            out[2] = ballHigh ? 0L : ballBit;
            out[3] = ballHigh ? ballBit : 0L;
            out[4] = trailHigh ? 0L : trailBit;
            out[5] = trailHigh ? trailBit : 0L;
            out[6] = bricks[0];
            out[7] = bricks[1];
            return;
        }
        for (int w = 0; w < words; w++) {
            out[w] = (paddleCell >>> 6) == w ? 1L << paddleCell : 0L;
            out[words + w] = (ballCell >>> 6) == w ? 1L << ballCell : 0L;
            out[2 * words + w] = (trailCell >>> 6) == w ? 1L << trailCell : 0L;
            out[3 * words + w] = bricks[w];
        }
    }

    /** Each channel's set cells as [row, col]. */
    @Override
    public java.util.Map<String, Object> traceObservation() {
        java.util.Map<String, Object> o = new java.util.LinkedHashMap<>();
        o.put("paddle", java.util.List.of(java.util.List.of(height - 1, paddleColumn())));
        o.put("ball", java.util.List.of(java.util.List.of(ballRow(), ballColumn())));
        o.put("trail", java.util.List.of(java.util.List.of(trailRow(), trailColumn())));
        java.util.List<java.util.List<Integer>> cells = new java.util.ArrayList<>();
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                if (brickAt(r, c)) {
                    cells.add(java.util.List.of(r, c));
                }
            }
        }
        o.put("brick", cells);
        return o;
    }

    @Override
    public int executedAction(int chosen) {
        return lastExecuted;
    }

    /** The action actually executed by the last step, after stickiness (an index into this action set). */
    public int lastExecutedAction() {
        return lastExecuted;
    }

    public int paddleColumn() {
        return paddle;
    }

    public int ballRow() {
        return ballY;
    }

    public int ballColumn() {
        return ballX;
    }

    /** The ball's direction: 0 up-left, 1 up-right, 2 down-right, 3 down-left. */
    public int ballDirection() {
        return direction;
    }

    public int trailRow() {
        return lastY;
    }

    public int trailColumn() {
        return lastX;
    }

    /** Whether a brick was struck on the last step (a second strike then passes through). */
    public boolean strike() {
        return strike;
    }

    public int brickCount() {
        return brickCount;
    }

    public boolean brickAt(int row, int col) {
        return isBrick(row * width + col);
    }

    /** Word i of the brick bit board: bit b is cell {@code 64 i + b} ({@code row * width + col}). */
    public long brickWord(int i) {
        return bricks[i];
    }

    /** Number of words in the brick bit board. */
    public int brickWords() {
        return bricks.length;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /**
     * Sets the game state directly, for tests of single rules and for replaying situations. The
     * bricks are given as a predicate over cells.
     */
    public void setState(int paddleColumn, int ballRow, int ballColumn, int ballDirection, boolean struck,
            java.util.function.IntPredicate brickAtCell) {
        if (rng == null) {
            reset(0);
        }
        paddle = paddleColumn;
        ballY = ballRow;
        ballX = ballColumn;
        lastX = ballColumn;
        lastY = ballRow;
        direction = ballDirection;
        strike = struck;
        java.util.Arrays.fill(bricks, 0);
        brickCount = 0;
        for (int cell = 0; cell < cells; cell++) {
            if (brickAtCell.test(cell)) {
                bricks[cell >>> 6] |= 1L << cell;
                brickCount++;
            }
        }
        terminated = false;
        running = true;
    }

    @Override
    public int boardWidth() {
        return width;
    }

    @Override
    public int boardHeight() {
        return height;
    }

    /** Bricks in orange, the paddle in white, the ball in cyan with its trail in dark cyan. */
    @Override
    public void paint(java.awt.Graphics2D g, int cell) {
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                java.awt.Color color = null;
                if (isBrick(r * width + c)) {
                    color = new java.awt.Color(0xE69F00);
                }
                if (r == lastY && c == lastX) {
                    color = new java.awt.Color(0x1F6F8B);
                }
                if (r == ballY && c == ballX) {
                    color = new java.awt.Color(0x56E0F0);
                }
                if (r == height - 1 && c == paddle) {
                    color = java.awt.Color.WHITE;
                }
                if (color != null) {
                    g.setColor(color);
                    g.fillRect(c * cell + 1, r * cell + 1, cell - 2, cell - 2);
                }
            }
        }
    }

    @Override
    public String render() {
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                char ch = '.';
                if (isBrick(r * width + c)) {
                    ch = '#';
                }
                if (r == lastY && c == lastX) {
                    ch = 'o';
                }
                if (r == ballY && c == ballX) {
                    ch = 'O';
                }
                if (r == height - 1 && c == paddle) {
                    ch = ch == 'O' ? '@' : '=';
                }
                out.append(ch);
            }
            out.append('\n');
        }
        return out.toString();
    }
}
