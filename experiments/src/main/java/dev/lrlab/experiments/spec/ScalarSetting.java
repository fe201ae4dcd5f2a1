package dev.lrlab.experiments.spec;

import dev.lrlab.agents.config.Parameters;
import dev.lrlab.agents.config.Parameters.Range;
import dev.lrlab.agents.config.Problems;
import dev.lrlab.agents.schedule.Clock;
import dev.lrlab.agents.schedule.ClockedSchedule;
import dev.lrlab.agents.schedule.ScheduleKinds;
import java.util.List;
import java.util.Map;

/**
 * A scalar hyperparameter such as epsilon, given as a number ({@code epsilon: 0.1}) or as a
 * schedule on a clock ({@code epsilon: {value: 1.0, schedule: {type: exponential, gamma: 0.99},
 * clock: episodes}}), using the same schedule kinds as step sizes.
 */
record ScalarSetting(double value, Map<String, Object> schedule, Clock clock) {

    static ScalarSetting read(Parameters p, String key, double defaultValue, Range range, ScheduleKinds kinds) {
        Object raw = p.raw(key);
        if (!(raw instanceof Map<?, ?>)) {
            return new ScalarSetting(p.number(key, defaultValue, range), null, Clock.STEPS);
        }
        Parameters s = p.child(key, true);
        double value = s.requiredNumber("value", range);
        String clockName = s.choice("clock", "steps", List.of("steps", "episodes", "updates"));
        Parameters schedule = s.child("schedule", true);
        if (schedule != null && !Double.isNaN(value)) {
            kinds.create(value, schedule);
        }
        s.reportUnknownKeys();
        return new ScalarSetting(value, schedule == null ? null : schedule.asMap(),
                Clock.byId(clockName).orElse(Clock.STEPS));
    }

    ClockedSchedule create(ScheduleKinds kinds) {
        if (schedule == null) {
            return ClockedSchedule.constant(value);
        }
        Problems problems = new Problems();
        var built = kinds.create(value, Parameters.of("schedule", schedule, problems));
        problems.throwIfAny();
        return ClockedSchedule.of(built, clock);
    }
}
