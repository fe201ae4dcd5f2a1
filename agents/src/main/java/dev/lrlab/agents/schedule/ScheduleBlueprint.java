package dev.lrlab.agents.schedule;

/**
 * A schedule read from a spec, ready to be built for any base rate: what a spec's
 * {@code schedule: {type: cosine, t-max: 1000}} becomes once it has been validated. Each trial
 * builds its own instance, because some schedules (reduce-on-plateau) keep state.
 */
@FunctionalInterface
public interface ScheduleBlueprint {

    /** A fresh schedule for base rate {@code base}. */
    StepSizeSchedule at(double base);
}
