package dev.lrlab.agents.schedule;

import dev.lrlab.env.registry.Key;
import dev.lrlab.env.registry.Parameters;
import dev.lrlab.env.registry.Registry;
import java.util.List;
import java.util.Map;

/**
 * A scalar setting that may follow a schedule, such as an exploration epsilon: a number
 * ({@code epsilon: 0.1}), or a value with a schedule on a clock ({@code epsilon: {value: 1.0,
 * schedule: {type: exponential, gamma: 0.99}, clock: episodes}}), with the same schedule kinds
 * as step sizes.
 *
 * @param value the constant, or the schedule's base value
 * @param schedule the schedule, or null for a constant
 * @param clock what the schedule's t counts
 */
public record ScheduledValue(double value, ScheduleBlueprint schedule, Clock clock) {

    public static ScheduledValue constant(double value) {
        return new ScheduledValue(value, null, Clock.STEPS);
    }

    /** A fresh schedule of this value (each trial needs its own: some schedules keep state). */
    public ClockedSchedule build() {
        return ClockedSchedule.of(schedule == null ? Constant.of(value) : schedule.at(value), clock);
    }

    /** Reads a {@link Key.Type#SCHEDULED} key; null with the mistakes recorded when it is wrong. */
    public static ScheduledValue read(Parameters p, Key key, Registry<ScheduleKind> kinds) {
        Object raw = p.raw(key);
        if (!(raw instanceof Map<?, ?>)) {
            double v = p.number(key);
            return Double.isNaN(v) ? null : constant(v);
        }
        Parameters s = p.child(key.name(), true);
        double value = s.requiredNumber("value", key.range());
        String clockName = s.choice("clock", "steps", List.of("steps", "episodes", "updates"));
        Parameters schedule = s.child("schedule", true);
        ScheduleBlueprint blueprint = schedule == null ? null : ScheduleKind.read(schedule, kinds);
        s.reportUnknownKeys();
        if (Double.isNaN(value) || blueprint == null) {
            return null;
        }
        try {
            blueprint.at(value);
        } catch (IllegalArgumentException e) {
            s.problem("value", e.getMessage());
            return null;
        }
        return new ScheduledValue(value, blueprint, Clock.byId(clockName).orElse(Clock.STEPS));
    }
}
