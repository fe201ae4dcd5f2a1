package dev.lrlab.agents.schedule;

/**
 * A schedule together with the clock it reads: what an agent needs to know to evaluate a step
 * size or an exploration rate.
 */
public record ClockedSchedule(StepSizeSchedule schedule, Clock clock) {

    public static ClockedSchedule of(StepSizeSchedule schedule, Clock clock) {
        return new ClockedSchedule(schedule, clock);
    }

    /** A constant value, on any clock. */
    public static ClockedSchedule constant(double value) {
        return new ClockedSchedule(Constant.of(value), Clock.STEPS);
    }

    /** The value at the given clock readings; {@code visits} is used only by {@link Clock#VISITS}. */
    public double rate(long steps, long episodes, long updates, long visits) {
        return schedule.rate(switch (clock) {
            case STEPS -> steps;
            case EPISODES -> episodes;
            case UPDATES -> updates;
            case VISITS -> visits;
        });
    }
}
