package dev.lrlab.env.gridworld;

import dev.lrlab.env.Environment;
import dev.lrlab.env.GridLayout;
import dev.lrlab.env.ObservationSpace;
import dev.lrlab.env.Renderable;
import dev.lrlab.env.TimeLimit;
import dev.lrlab.env.Traceable;
import dev.lrlab.env.metrics.MetricSink;
import dev.lrlab.env.metrics.PublishesMetrics;
import dev.lrlab.env.metrics.Reduction;
import dev.lrlab.env.render.PixelRenderable;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * A gridworld built from a {@link GridworldSpec}: walls, starts, goals, holes, cliffs, per-cell
 * rewards, wind per column and slip. The state index of cell (row, col) is
 * {@code row * width + col}, as in Gymnasium's toy-text environments; features are one-hot over
 * the same cells.
 *
 * <p>All rules are compiled into flat tables at construction, so that {@link #step(int)} is a few
 * array reads and allocates nothing.
 */
public final class Gridworld implements Environment, Renderable, PixelRenderable, Traceable, GridLayout,
        PublishesMetrics {

    private static final byte FLOOR = 0;
    private static final byte WALL = 1;
    private static final byte GOAL = 2;
    private static final byte HOLE = 3;
    private static final byte CLIFF = 4;

    private final GridworldSpec spec;
    private final int width;
    private final int cellCount;
    private final int moveCount;
    private final byte[] kind;
    private final double[] enterReward;
    private final int[] starts;
    /** Cell reached from cell c by move index m of {@link Move#values()}: {@code target[c * 8 + m]}. */
    private final int[] target;
    /** Action a as an index of {@link Move#values()}, and its two quarter-turn slips. */
    private final int[] moveOf;
    private final int[] slipA;
    private final int[] slipB;
    private final int[] windByCell;
    private final int[] up;
    private final double halfSlip;
    private final double slip;
    private final boolean stochasticWind;

    private UniformRandomProvider rng;
    private MetricSink metrics = MetricSink.NONE;
    private int cliffFalls;
    private int position;
    private int episodeStart;
    private int steps;
    private boolean terminated;
    private boolean running;

    private Gridworld(GridworldSpec spec) {
        this.spec = spec;
        this.width = spec.width();
        int height = spec.height();
        this.cellCount = width * height;
        this.kind = new byte[cellCount];
        this.enterReward = new double[cellCount];
        int startCount = 0;
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                int cell = r * width + c;
                char ch = spec.cell(r, c);
                kind[cell] = switch (ch) {
                    case '#' -> WALL;
                    case 'G' -> GOAL;
                    case 'H' -> HOLE;
                    case 'C' -> CLIFF;
                    default -> FLOOR;
                };
                enterReward[cell] = switch (kind[cell]) {
                    case GOAL -> spec.goalReward();
                    case HOLE -> spec.holeReward();
                    case CLIFF -> spec.cliffReward();
                    default -> spec.stepReward();
                };
                if (ch == 'S') {
                    startCount++;
                }
            }
        }
        spec.cellRewards().forEach((cell, reward) -> enterReward[cell] = reward);
        this.starts = new int[startCount];
        for (int cell = 0, i = 0; cell < cellCount; cell++) {
            if (spec.cell(cell / width, cell % width) == 'S') {
                starts[i++] = cell;
            }
        }
        Move[] all = Move.values();
        this.target = new int[cellCount * all.length];
        this.up = new int[cellCount];
        for (int cell = 0; cell < cellCount; cell++) {
            for (Move m : all) {
                target[cell * all.length + m.ordinal()] = moveFrom(cell, m, height);
            }
            up[cell] = moveFrom(cell, Move.UP, height);
        }
        List<Move> moves = spec.moves();
        this.moveCount = moves.size();
        this.moveOf = new int[moveCount];
        this.slipA = new int[moveCount];
        this.slipB = new int[moveCount];
        for (int a = 0; a < moveCount; a++) {
            moveOf[a] = moves.get(a).ordinal();
            slipA[a] = moves.get(a).counterClockwise().ordinal();
            slipB[a] = moves.get(a).clockwise().ordinal();
        }
        int[] wind = spec.wind();
        this.windByCell = new int[cellCount];
        if (wind.length > 0) {
            for (int cell = 0; cell < cellCount; cell++) {
                windByCell[cell] = wind[cell % width];
            }
        }
        this.slip = spec.slip();
        this.halfSlip = spec.slip() / 2;
        this.stochasticWind = spec.stochasticWind();
    }

    /** The gridworld of a spec, without its time limit. */
    public static Gridworld of(GridworldSpec spec) {
        return new Gridworld(spec);
    }

    /** The gridworld of a spec, wrapped in its time limit when it has one. */
    public static Environment environment(GridworldSpec spec) {
        Gridworld world = new Gridworld(spec);
        return spec.timeLimit() > 0 ? TimeLimit.of(world, spec.timeLimit()) : world;
    }

    private int moveFrom(int cell, Move m, int height) {
        int r = cell / width + m.dRow();
        int c = cell % width + m.dCol();
        if (r < 0 || r >= height || c < 0 || c >= width || kind[r * width + c] == WALL) {
            return cell;
        }
        return r * width + c;
    }

    public GridworldSpec spec() {
        return spec;
    }

    @Override
    public String id() {
        return spec.id();
    }

    @Override
    public int actionCount() {
        return moveCount;
    }

    @Override
    public ObservationSpace observationSpace() {
        // one-hot over the cells, laid out as a one-channel grid so tile coders know the shape
        return new ObservationSpace(cellCount, cellCount, 1, spec.height(), width);
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
        episodeStart = starts.length == 1 ? starts[0] : starts[rng.nextInt(starts.length)];
        position = episodeStart;
        steps = 0;
        terminated = false;
        running = true;
    }

    @Override
    public double step(int action) {
        if (!running) {
            throw new IllegalStateException(id() + (rng == null
                    ? ": step() before reset(); call reset(seed) first"
                    : ": the episode has terminated; call reset() before step()"));
        }
        if (action < 0 || action >= moveCount) {
            throw new IllegalArgumentException(id() + ": action " + action + " is outside 0.."
                    + (moveCount - 1));
        }
        int move = moveOf[action];
        if (slip > 0) {
            double u = rng.nextDouble();
            if (u < halfSlip) {
                move = slipA[action];
            } else if (u < slip) {
                move = slipB[action];
            }
        }
        int next = target[position * 8 + move];
        int push = windByCell[position];
        if (push > 0 && stochasticWind) {
            push += rng.nextInt(3) - 1;
        }
        for (; push > 0; push--) {
            next = up[next];
        }
        steps++;
        double reward = enterReward[next];
        switch (kind[next]) {
            case GOAL, HOLE -> {
                terminated = true;
                running = false;
            }
            case CLIFF -> {
                next = episodeStart;
                metrics.add(cliffFalls, 1);
            }
            default -> { }
        }
        position = next;
        return reward;
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

    @Override
    public int state() {
        return position;
    }

    @Override
    public int activeFeatures(int[] out) {
        out[0] = position;
        return 1;
    }

    /** Counts falls into the cliff as {@code cliff_falls}, per episode, on maps that have a cliff. */
    @Override
    public void publishTo(MetricSink sink) {
        metrics = sink;
        for (int cell = 0; cell < cellCount; cell++) {
            if (kind[cell] == CLIFF) {
                cliffFalls = sink.register("cliff_falls", Reduction.PER_EPISODE);
                return;
            }
        }
    }

    @Override
    public Map<String, Object> traceObservation() {
        Map<String, Object> o = new java.util.LinkedHashMap<>();
        o.put("state", position);
        o.put("cell", List.of(row(), col()));
        return o;
    }

    @Override
    public List<String> mapRows() {
        return spec.rows();
    }

    @Override
    public String actionName(int action) {
        if (action < 0 || action >= spec.moves().size()) {
            return Integer.toString(action);
        }
        return spec.moves().get(action).name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    @Override
    public String actionGlyph(int action) {
        return spec.moves().get(action).glyph();
    }

    /** The agent's row. */
    public int row() {
        return position / width;
    }

    /** The agent's column. */
    public int col() {
        return position % width;
    }

    /** Puts the agent on a cell, for tests and for drawing what-if states. */
    public void placeAgent(int row, int col) {
        int cell = row * width + col;
        if (cell < 0 || cell >= cellCount || kind[cell] == WALL) {
            throw new IllegalArgumentException(id() + ": cannot place the agent on (" + row + ", "
                    + col + ")");
        }
        position = cell;
    }

    /** Whether the cell is a wall. */
    public boolean isWall(int cell) {
        return kind[cell] == WALL;
    }

    /** Whether entering the cell ends the episode. */
    public boolean isTerminal(int cell) {
        return kind[cell] == GOAL || kind[cell] == HOLE;
    }

    @Override
    public String render() {
        return GridRendering.state(this);
    }

    @Override
    public int boardWidth() {
        return width;
    }

    @Override
    public int boardHeight() {
        return spec.height();
    }

    /** Walls dark, floor light, goals green, holes and cliffs red, the agent a blue disc. */
    @Override
    public void paint(java.awt.Graphics2D g, int cell) {
        for (int i = 0; i < cellCount; i++) {
            int r = i / width;
            int c = i % width;
            g.setColor(switch (kind[i]) {
                case WALL -> new java.awt.Color(0x444444);
                case GOAL -> new java.awt.Color(0x009E73);
                case HOLE, CLIFF -> new java.awt.Color(0xD55E00);
                default -> spec.cell(r, c) == 'S' ? new java.awt.Color(0xBBBBBB) : new java.awt.Color(0xEEEEEE);
            });
            g.fillRect(c * cell + 1, r * cell + 1, cell - 2, cell - 2);
        }
        g.setColor(new java.awt.Color(0x0072B2));
        g.fillOval(col() * cell + cell / 5, row() * cell + cell / 5, cell * 3 / 5, cell * 3 / 5);
    }
}
