package dev.lrlab.agents.schedule;

import dev.lrlab.agents.config.Parameters;

/**
 * A named kind of schedule that a spec can use ({@code schedule: {type: cosine, t-max: 1000}}),
 * with the factory that builds it from the swept base rate and the spec's parameters.
 *
 * @param name the {@code type} a spec uses
 * @param summary one line for help and listings
 * @param factory builds the schedule, recording problems in the parameters rather than throwing
 */
public record ScheduleKind(String name, String summary, Factory factory) {

    /** Builds a schedule of one kind. */
    @FunctionalInterface
    public interface Factory {
        /**
         * The schedule for base rate {@code base}; mistakes in {@code parameters} are recorded there
         * (the returned value is then ignored and may be null).
         */
        StepSizeSchedule create(double base, Parameters parameters);
    }

    public static ScheduleKind of(String name, String summary, Factory factory) {
        return new ScheduleKind(name, summary, factory);
    }
}
