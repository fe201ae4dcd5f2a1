package dev.lrlab.experiments.spec;

import dev.lrlab.agents.schedule.Clock;
import dev.lrlab.agents.schedule.ClockedSchedule;
import dev.lrlab.agents.schedule.ScheduleBlueprint;
import java.util.Map;

/**
 * One step-size schedule of a sweep, read and validated: a label for figures, its resolved
 * settings (part of each trial's key), the blueprint that builds it and the clock it reads.
 *
 * @param ownRate the base rate this schedule fixes for itself ({@code schedules: [{..., value: 1}]}),
 *     whatever the spec's learning rate; NaN when it takes the spec's
 */
public record ScheduleChoice(String label, Map<String, Object> settings, ScheduleBlueprint blueprint, Clock clock,
        double ownRate) {

    public ScheduleChoice(String label, Map<String, Object> settings, ScheduleBlueprint blueprint, Clock clock) {
        this(label, settings, blueprint, clock, Double.NaN);
    }

    /** Whether the schedule runs at its own base rate (sample averages: 1/N at rate 1). */
    public boolean hasOwnRate() {
        return !Double.isNaN(ownRate);
    }

    /** The base rate its trials run at when the spec's is {@code specRate}. */
    public double rateFor(double specRate) {
        return hasOwnRate() ? ownRate : specRate;
    }

    /** A fresh schedule for base rate {@code rate} (each trial needs its own: reduce-on-plateau keeps state). */
    public ClockedSchedule create(double rate) {
        return ClockedSchedule.of(blueprint.at(rate), clock);
    }
}
