package dev.lrlab.env.gridworld;

import dev.lrlab.env.EnvironmentKind;
import dev.lrlab.env.registry.Key;
import dev.lrlab.env.registry.KindProvider;
import dev.lrlab.env.registry.Parameters.Range;
import java.util.List;

/** The gridworld presets of {@link GridworldPresets} as environments a spec can name. */
public final class GridworldEnvironments implements KindProvider {

    static final Key SLIP = Key.number("slip", 0, Range.UNIT,
            "probability that a move turns a quarter to either side instead (half each)");

    @Override
    public List<EnvironmentKind> kinds() {
        return List.of(
                preset(GridworldPresets.cliffWalking(),
                        "4x12 cliff walk (S&B Ex. 6.6): -1 per step, -100 and back to start for the cliff"),
                preset(GridworldPresets.frozenLake4x4(),
                        "Gymnasium FrozenLake 4x4, slippery, +1 at the goal, holes end, 100-step limit"),
                preset(GridworldPresets.frozenLake8x8(),
                        "Gymnasium FrozenLake 8x8, slippery, +1 at the goal, holes end, 200-step limit"),
                preset(GridworldPresets.windy(),
                        "7x10 windy gridworld (S&B Ex. 6.5): wind 0001112210 pushes up, -1 per step"),
                preset(GridworldPresets.fourRooms(),
                        "four rooms (Sutton, Precup & Singh 1999): (1,1) to (11,11), -1 per step, 1000-step limit"),
                preset(GridworldPresets.openRoom(),
                        "5x5 empty room, corner to corner, -1 per step, 100-step limit (sanity check)"));
    }

    /** A preset whose slip and time limit a spec may change; their defaults are the preset's. */
    private static EnvironmentKind preset(GridworldSpec spec, String summary) {
        Key slip = SLIP.withDefault(spec.slip());
        Key limit = spec.timeLimit() > 0
                ? EnvironmentKind.TIME_LIMIT.withDefault((long) spec.timeLimit())
                : EnvironmentKind.TIME_LIMIT.withDoc("truncate episodes after this many steps (unset: no limit)");
        return EnvironmentKind.of(spec.id(), summary, List.of(slip, limit), p -> {
            double s = p.number(slip);
            long steps = p.integer(limit);
            if (steps > Integer.MAX_VALUE) {
                p.problem(limit.name(), "must be at most " + Integer.MAX_VALUE + ", was " + steps);
                return null;
            }
            if (Double.isNaN(s)) {
                return null;
            }
            GridworldSpec tuned = spec.withSlip(s).withTimeLimit(steps == Long.MIN_VALUE ? 0 : (int) steps);
            return () -> Gridworld.environment(tuned);
        });
    }
}
