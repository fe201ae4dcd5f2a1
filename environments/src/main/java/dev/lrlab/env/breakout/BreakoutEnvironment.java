package dev.lrlab.env.breakout;

import dev.lrlab.env.Environment;
import dev.lrlab.env.EnvironmentKind;
import dev.lrlab.env.TimeLimit;
import dev.lrlab.env.registry.Key;
import dev.lrlab.env.registry.KindProvider;
import dev.lrlab.env.registry.Parameters.Range;
import java.util.List;
import java.util.function.Supplier;

/**
 * MinAtar's Breakout as an environment a spec can name, with its board and action options; the
 * defaults are MinAtar's ({@link BreakoutConfig#MINATAR}).
 */
public final class BreakoutEnvironment implements KindProvider {

    private static final BreakoutConfig D = BreakoutConfig.MINATAR;
    private static final Key ACTIONS = Key.choice("actions", "minimal", List.of("minimal", "full"),
            "minimal: no-op, left, right; full: MinAtar's six actions (no-op, left, up, right, down, fire)");
    private static final Key STICKY = Key.number("sticky", D.stickyProbability(), Range.UNIT,
            "probability that the previous executed action is repeated instead of the chosen one");
    private static final Key WIDTH = Key.integer("width", D.width(), 3, "columns (at most 64)");
    private static final Key HEIGHT = Key.integer("height", D.height(), 3, "rows (brick-rows + 4 .. 64)");
    private static final Key BRICK_ROWS = Key.integer("brick-rows", D.brickRows(), 1, "rows of bricks, from row 1 down");
    private static final Key TIME_LIMIT = EnvironmentKind.TIME_LIMIT
            .withDoc("truncate episodes after this many steps (unset: none, as MinAtar)");

    @Override
    public List<EnvironmentKind> kinds() {
        return List.of(EnvironmentKind.of("breakout",
                "MinAtar Breakout 10x10: +1 per brick, actions no-op/left/right, sticky 0.1, no time limit",
                List.of(ACTIONS, STICKY, WIDTH, HEIGHT, BRICK_ROWS, TIME_LIMIT), BreakoutEnvironment::bind));
    }

    private static Supplier<Environment> bind(dev.lrlab.env.registry.Parameters p) {
        int before = p.problems().size();
        boolean full = "full".equals(p.text(ACTIONS));
        double sticky = p.number(STICKY);
        long width = p.integer(WIDTH);
        long height = p.integer(HEIGHT);
        long rows = p.integer(BRICK_ROWS);
        long limit = p.integer(TIME_LIMIT);
        if (p.problems().size() > before) {
            return null;
        }
        BreakoutConfig config;
        try {
            config = new BreakoutConfig((int) Math.min(width, 1000), (int) Math.min(height, 1000),
                    (int) Math.min(rows, 1000), full, sticky);
        } catch (IllegalArgumentException e) {
            p.problems().add(p.path(), e.getMessage());
            return null;
        }
        if (limit > Integer.MAX_VALUE) {
            p.problem(TIME_LIMIT.name(), "must be at most " + Integer.MAX_VALUE + ", was " + limit);
            return null;
        }
        return limit == Long.MIN_VALUE ? () -> Breakout.of(config) : () -> TimeLimit.of(Breakout.of(config), (int) limit);
    }
}
