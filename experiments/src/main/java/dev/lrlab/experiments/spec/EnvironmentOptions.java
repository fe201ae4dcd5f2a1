package dev.lrlab.experiments.spec;

import dev.lrlab.agents.config.Parameters;
import dev.lrlab.agents.config.Parameters.Range;
import dev.lrlab.env.Environment;
import dev.lrlab.env.EnvironmentPreset;
import dev.lrlab.env.TimeLimit;
import dev.lrlab.env.breakout.Breakout;
import dev.lrlab.env.breakout.BreakoutConfig;
import java.util.List;
import java.util.function.Supplier;

/**
 * The options a spec may set on an environment ({@code environment: {id: breakout, sticky: 0},
 * ...}): for Breakout the action set, sticky probability, board size and a time limit; for every
 * environment a time limit.
 */
final class EnvironmentOptions {

    private EnvironmentOptions() {
    }

    /** A factory for the preset with the options in {@code p} (null when there are no options). */
    static Supplier<Environment> read(EnvironmentPreset preset, Parameters p) {
        if (p == null) {
            return preset::create;
        }
        int timeLimit = (int) p.integer("time-limit", 0, 1);
        Supplier<Environment> base = preset::create;
        if (preset == EnvironmentPreset.BREAKOUT) {
            BreakoutConfig d = BreakoutConfig.MINATAR;
            String actions = p.choice("actions", "minimal", List.of("minimal", "full"));
            double sticky = p.number("sticky", d.stickyProbability(), Range.UNIT);
            int width = (int) p.integer("width", d.width(), 3);
            int height = (int) p.integer("height", d.height(), 3);
            int rows = (int) p.integer("brick-rows", d.brickRows(), 1);
            BreakoutConfig config;
            try {
                config = new BreakoutConfig(width, height, rows, "full".equals(actions),
                        Double.isNaN(sticky) ? d.stickyProbability() : sticky);
            } catch (IllegalArgumentException e) {
                p.problems().add(p.path(), e.getMessage());
                return preset::create;
            }
            base = () -> Breakout.of(config);
        }
        p.reportUnknownKeys();
        Supplier<Environment> made = base;
        return timeLimit > 0 ? () -> TimeLimit.of(made.get(), timeLimit) : made;
    }
}
