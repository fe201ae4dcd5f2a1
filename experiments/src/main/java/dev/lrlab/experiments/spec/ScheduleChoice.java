package dev.lrlab.experiments.spec;

import dev.lrlab.agents.config.Parameters;
import dev.lrlab.agents.config.Problems;
import dev.lrlab.agents.schedule.Clock;
import dev.lrlab.agents.schedule.ClockedSchedule;
import dev.lrlab.agents.schedule.ScheduleKinds;
import dev.lrlab.agents.schedule.StepSizeSchedule;
import java.util.Map;

/**
 * One step-size schedule of a sweep, as the spec gave it: a label for figures, the schedule's
 * settings (its {@code type} and parameters) and the clock it reads. A fresh schedule is built for
 * every trial, because reduce-on-plateau keeps state.
 */
public record ScheduleChoice(String label, Map<String, Object> settings, Clock clock) {

    /** The schedule for base rate {@code rate}; the settings were validated when the spec was read. */
    public ClockedSchedule create(ScheduleKinds kinds, double rate) {
        Problems problems = new Problems();
        StepSizeSchedule schedule = kinds.create(rate, Parameters.of("schedule", settings, problems));
        problems.throwIfAny();
        return ClockedSchedule.of(schedule, clock);
    }
}
