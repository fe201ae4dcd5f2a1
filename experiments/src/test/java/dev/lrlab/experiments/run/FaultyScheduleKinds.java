package dev.lrlab.experiments.run;

import dev.lrlab.agents.schedule.ScheduleKind;
import dev.lrlab.env.registry.Key;
import dev.lrlab.env.registry.KindProvider;
import java.util.List;

/** A plugin schedule with a bug (it throws after a while), to show that a bug fails one trial only. */
public final class FaultyScheduleKinds implements KindProvider {

    private static final Key AFTER = Key.integer("after", 0, "the step from which it throws");

    @Override
    public List<ScheduleKind> kinds() {
        return List.of(ScheduleKind.of("test-faulty", "throws from step 'after' on", List.of(AFTER), (p, kinds) -> {
            long after = p.integer(AFTER);
            return base -> t -> {
                if (t >= after && base > 0.4) {
                    throw new ArithmeticException("test-faulty schedule broke at t = " + t);
                }
                return base;
            };
        }));
    }
}
