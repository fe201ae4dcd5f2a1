package dev.lrlab.experiments.spec;

import dev.lrlab.agents.schedule.Clock;
import dev.lrlab.agents.schedule.ClockedSchedule;
import dev.lrlab.agents.schedule.ScheduleBlueprint;
import java.util.Map;

/**
 * One step-size schedule of a sweep, read and validated: a label for figures, its resolved
 * settings (part of each trial's key), the blueprint that builds it and the clock it reads.
 */
public record ScheduleChoice(String label, Map<String, Object> settings, ScheduleBlueprint blueprint, Clock clock) {

    /** A fresh schedule for base rate {@code rate} (each trial needs its own: reduce-on-plateau keeps state). */
    public ClockedSchedule create(double rate) {
        return ClockedSchedule.of(blueprint.at(rate), clock);
    }
}
