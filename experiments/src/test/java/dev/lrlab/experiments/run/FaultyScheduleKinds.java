package dev.lrlab.experiments.run;

import dev.lrlab.agents.schedule.ScheduleKind;
import dev.lrlab.agents.schedule.ScheduleKindProvider;
import java.util.List;

/** A plugin schedule with a bug (it throws after a while), to show that a bug fails one trial only. */
public final class FaultyScheduleKinds implements ScheduleKindProvider {

    @Override
    public List<ScheduleKind> kinds() {
        return List.of(ScheduleKind.of("test-faulty", "throws from step 'after' on", (base, p) -> {
            long after = p.requiredInteger("after", 0);
            return t -> {
                if (t >= after && base > 0.4) {
                    throw new ArithmeticException("test-faulty schedule broke at t = " + t);
                }
                return base;
            };
        }));
    }
}
