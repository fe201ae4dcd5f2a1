package dev.lrlab.experiments.cli;

import dev.lrlab.env.Environment;
import dev.lrlab.env.TimeLimit;
import dev.lrlab.env.breakout.Breakout;
import dev.lrlab.env.corridor.ShortCorridor;
import dev.lrlab.env.gridworld.Gridworld;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An environment's current observation as JSON-ready values, for traces. */
final class Observations {

    private Observations() {
    }

    static Environment unwrap(Environment env) {
        return env instanceof TimeLimit t ? unwrap(t.inner()) : env;
    }

    /** Breakout: each channel's set cells as [row, col]; gridworlds: the state and its cell. */
    static Map<String, Object> of(Environment env) {
        Environment inner = unwrap(env);
        Map<String, Object> o = new LinkedHashMap<>();
        if (inner instanceof Breakout b) {
            o.put("paddle", List.of(List.of(b.height() - 1, b.paddleColumn())));
            o.put("ball", List.of(List.of(b.ballRow(), b.ballColumn())));
            o.put("trail", List.of(List.of(b.trailRow(), b.trailColumn())));
            List<List<Integer>> bricks = new ArrayList<>();
            for (int r = 0; r < b.height(); r++) {
                for (int c = 0; c < b.width(); c++) {
                    if (b.brickAt(r, c)) {
                        bricks.add(List.of(r, c));
                    }
                }
            }
            o.put("brick", bricks);
        } else if (inner instanceof Gridworld g) {
            o.put("state", g.state());
            o.put("cell", List.of(g.row(), g.col()));
        } else if (inner instanceof ShortCorridor c) {
            o.put("state", c.state());
            o.put("position", c.position());
        } else if (env.observationSpace().isDiscrete()) {
            o.put("state", env.state());
        } else {
            int[] f = new int[env.observationSpace().featureCount()];
            int n = env.activeFeatures(f);
            o.put("features", java.util.Arrays.copyOf(f, n));
        }
        return o;
    }

    /** The action the environment executed for the chosen one (they differ under sticky actions). */
    static int executed(Environment env, int chosen) {
        return unwrap(env) instanceof Breakout b ? b.lastExecutedAction() : chosen;
    }
}
