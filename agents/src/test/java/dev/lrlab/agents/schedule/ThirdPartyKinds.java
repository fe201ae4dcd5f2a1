package dev.lrlab.agents.schedule;

import dev.lrlab.env.registry.Key;
import dev.lrlab.env.registry.KindProvider;
import dev.lrlab.env.registry.Parameters.Range;
import java.util.List;

/**
 * A schedule kind from outside lrlab, registered only through this test's
 * META-INF/services file, to show that a third party can add kinds without editing lrlab.
 */
public final class ThirdPartyKinds implements KindProvider {

    private static final Key PERIOD = Key.integer("period", 1, "clock ticks per half-wave");
    private static final Key LOW = Key.number("low", 0.5, Range.NON_NEGATIVE, "factor in the low half");

    @Override
    public List<ScheduleKind> kinds() {
        return List.of(ScheduleKind.of("square-wave", "base, then base * low, alternating every period",
                List.of(PERIOD, LOW), (p, kinds) -> {
                    long period = p.integer(PERIOD);
                    double low = p.number(LOW);
                    return base -> t -> (t / period) % 2 == 0 ? base : base * low;
                }));
    }
}
