package dev.lrlab.agents.schedule;

/**
 * A step size (or any scalar hyperparameter, such as an exploration epsilon) as a pure function
 * of a clock: {@code rate(t)} for t = 0, 1, 2, ... The clock (environment steps, episodes,
 * updates, or visits of a state-action pair) is chosen by whoever evaluates the schedule; see
 * {@link Clock}.
 *
 * <p>Schedules are small immutable values, so that a run resumes exactly and a value at t never
 * depends on how long the run will be unless the user said so. They compose: {@link #then}
 * hands over to another schedule at a boundary, restarting its clock there.
 */
@FunctionalInterface
public interface StepSizeSchedule {

    /** The value at clock t (t >= 0). Never negative, never NaN. */
    double rate(long t);

    /** This schedule until {@code boundary}, then {@code next} with its clock restarted at 0. */
    default StepSizeSchedule then(long boundary, StepSizeSchedule next) {
        return Sequence.of(java.util.List.of(this, next), new long[] {boundary});
    }

    /** This schedule's values multiplied by {@code factor}. */
    default StepSizeSchedule scaled(double factor) {
        StepSizeSchedule self = this;
        return t -> factor * self.rate(t);
    }
}
