package dev.lrlab.agents.schedule;

import dev.lrlab.agents.config.Parameters.Range;
import java.util.List;

/**
 * A schedule kind from outside lrlab, registered only through this test's
 * META-INF/services file, to show that a third party can add kinds without editing lrlab.
 */
public final class ThirdPartyKinds implements ScheduleKindProvider {

    @Override
    public List<ScheduleKind> kinds() {
        return List.of(ScheduleKind.of("square-wave", "base, then base * low, alternating every period",
                (base, p) -> {
                    long period = p.requiredInteger("period", 1);
                    double low = p.number("low", 0.5, Range.NON_NEGATIVE);
                    return t -> (t / period) % 2 == 0 ? base : base * low;
                }));
    }
}
