package dev.lrlab.env.corridor;

import dev.lrlab.env.EnvironmentKind;
import dev.lrlab.env.TimeLimit;
import dev.lrlab.env.registry.Key;
import dev.lrlab.env.registry.KindProvider;
import java.util.List;

/**
 * Sutton &amp; Barto Example 13.1 as an environment a spec can name; a 1000-step limit by default,
 * so that deterministic policies (which may never reach the goal) end.
 */
public final class ShortCorridorEnvironment implements KindProvider {

    private static final Key TIME_LIMIT = EnvironmentKind.TIME_LIMIT.withDefault(1000L);

    @Override
    public List<EnvironmentKind> kinds() {
        return List.of(EnvironmentKind.of("short-corridor",
                "short corridor with switched actions (S&B Ex. 13.1): states look alike, -1 per step, 1000-step limit",
                List.of(TIME_LIMIT), p -> {
                    long steps = p.integer(TIME_LIMIT);
                    if (steps > Integer.MAX_VALUE) {
                        p.problem(TIME_LIMIT.name(), "must be at most " + Integer.MAX_VALUE + ", was " + steps);
                        return null;
                    }
                    return () -> TimeLimit.of(ShortCorridor.of(), (int) steps);
                }));
    }
}
