package dev.lrlab.env.corridor;

import dev.lrlab.env.Environment;
import dev.lrlab.env.ObservationSpace;
import dev.lrlab.env.Renderable;
import dev.lrlab.env.Traceable;
import dev.lrlab.env.render.PixelRenderable;

/**
 * Sutton &amp; Barto's short corridor with switched actions (Example 13.1): three non-terminal
 * states and a goal, -1 per step, and in the middle state the actions are reversed. Every state
 * looks the same to the agent (one state index, one constant feature), so a policy can only pick
 * a probability of going right: the best is 2 - sqrt(2) (about 0.586), worth -2(3 + 2 sqrt 2)
 * (about -11.66) from the start, which no epsilon-greedy policy gets near.
 *
 * <p>Actions: 0 left, 1 right. The dynamics are deterministic.
 */
public final class ShortCorridor implements Environment, Renderable, PixelRenderable, Traceable {

    /** Action 0. */
    public static final int LEFT = 0;
    /** Action 1. */
    public static final int RIGHT = 1;
    /** The position of the goal; positions 0..2 are the non-terminal states. */
    public static final int GOAL = 3;

    private int position;
    private int steps;
    private boolean seeded;
    private boolean running;

    private ShortCorridor() {
    }

    public static ShortCorridor of() {
        return new ShortCorridor();
    }

    /**
     * The value of the start state under the policy that goes right with probability p, solved
     * from the three Bellman equations.
     */
    public static double startValue(double p) {
        // v0 = -1 + p v1 + (1-p) v0; v1 = -1 + p v0 + (1-p) v2; v2 = -1 + (1-p) v1.
        // Eliminating gives v0 = -(2 - p) / (p (1 - p)) ... kept general to stay checkable:
        double q = 1 - p;
        // From v0: p(v0 - v1) = -1  => v1 = v0 + 1/p.
        // From v2: v2 = -1 + q v1.
        // From v1: v1 = -1 + p v0 + q(-1 + q v1) => v1 (1 - q^2) = -1 - q + p v0.
        // Substitute v1 = v0 + 1/p: (v0 + 1/p)(1 - q^2) = -(1 + q) + p v0.
        double a = 1 - q * q - p;
        double b = -(1 + q) - (1 - q * q) / p;
        return b / a;
    }

    @Override
    public java.util.Map<String, Object> traceObservation() {
        java.util.Map<String, Object> o = new java.util.LinkedHashMap<>();
        o.put("state", state());
        o.put("position", position());
        return o;
    }

    @Override
    public String id() {
        return "short-corridor";
    }

    @Override
    public int actionCount() {
        return 2;
    }

    @Override
    public ObservationSpace observationSpace() {
        return ObservationSpace.discrete(1);
    }

    /** The dynamics draw no random numbers; the seed only starts the episode. */
    @Override
    public void reset(long seed) {
        seeded = true;
        reset();
    }

    @Override
    public void reset() {
        if (!seeded) {
            throw new IllegalStateException(id() + ": call reset(seed) once before reset()");
        }
        position = 0;
        steps = 0;
        running = true;
    }

    @Override
    public String actionName(int action) {
        return action == LEFT ? "left" : action == RIGHT ? "right" : Integer.toString(action);
    }

    @Override
    public double step(int action) {
        if (!running) {
            throw new IllegalStateException(id() + (seeded
                    ? ": the episode has terminated; call reset() before step()"
                    : ": step() before reset(); call reset(seed) first"));
        }
        if (action != LEFT && action != RIGHT) {
            throw new IllegalArgumentException(id() + ": action " + action + " is outside 0..1");
        }
        boolean right = action == RIGHT;
        if (position == 1) {
            right = !right; // the switched state
        }
        position = right ? position + 1 : Math.max(0, position - 1);
        steps++;
        if (position == GOAL) {
            running = false;
        }
        return -1.0;
    }

    @Override
    public boolean terminated() {
        return position == GOAL;
    }

    @Override
    public boolean truncated() {
        return false;
    }

    @Override
    public int episodeSteps() {
        return steps;
    }

    /** Always 0: the states are indistinguishable to the agent. */
    @Override
    public int state() {
        return 0;
    }

    @Override
    public int activeFeatures(int[] out) {
        out[0] = 0;
        return 1;
    }

    /** The true position (0, 1, 2, or {@link #GOAL}), hidden from the agent. */
    public int position() {
        return position;
    }

    @Override
    public int boardWidth() {
        return GOAL + 1;
    }

    @Override
    public int boardHeight() {
        return 1;
    }

    /** Three grey states (the switched one darker), the goal green, the agent a blue disc. */
    @Override
    public void paint(java.awt.Graphics2D g, int cell) {
        for (int i = 0; i <= GOAL; i++) {
            g.setColor(i == GOAL ? new java.awt.Color(0x009E73) : i == 1 ? new java.awt.Color(0xAAAAAA)
                    : new java.awt.Color(0xEEEEEE));
            g.fillRect(i * cell + 1, 1, cell - 2, cell - 2);
        }
        g.setColor(new java.awt.Color(0x0072B2));
        g.fillOval(position * cell + cell / 5, cell / 5, cell * 3 / 5, cell * 3 / 5);
    }

    @Override
    public String render() {
        StringBuilder out = new StringBuilder("S");
        for (int i = 0; i <= GOAL; i++) {
            out.append(i == position ? "[A]" : i == GOAL ? "[G]" : i == 1 ? "[x]" : "[ ]");
        }
        return out.append('\n').toString();
    }
}
