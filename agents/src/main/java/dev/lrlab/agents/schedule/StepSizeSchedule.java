package dev.lrlab.agents.schedule;

import java.util.function.Consumer;

/**
 * A step size (or any scalar hyperparameter, such as an exploration epsilon) as a pure function
 * of a clock: {@code rate(t)} for t = 0, 1, 2, ... The clock (environment steps, episodes,
 * updates, or visits of a state-action pair) is chosen by whoever evaluates the schedule; see
 * {@link Clock}.
 *
 * <p>Schedules are small immutable values, so that a run resumes exactly and a value at t never
 * depends on how long the run will be unless the user said so. Each validates its arguments where
 * it is constructed. They compose: {@link #then} hands over to another schedule at a boundary,
 * restarting its clock there.
 */
@FunctionalInterface
public interface StepSizeSchedule {

    /** The value at clock t (t >= 0). Never negative, never NaN. */
    double rate(long t);

    /** This schedule until {@code boundary}, then {@code next} with its clock restarted at 0. */
    default StepSizeSchedule then(long boundary, StepSizeSchedule next) {
        return Sequence.of(java.util.List.of(this, next), new long[] {boundary});
    }

    /** This schedule's values multiplied by {@code factor} (finite, >= 0). */
    default StepSizeSchedule scaled(double factor) {
        Check.nonNegative("factor", factor);
        StepSizeSchedule self = this;
        return new StepSizeSchedule() {
            @Override
            public double rate(long t) {
                return factor * self.rate(t);
            }

            @Override
            public void forEachPart(Consumer<StepSizeSchedule> visitor) {
                visitor.accept(this);
                self.forEachPart(visitor);
            }
        };
    }

    /**
     * Visits this schedule and every schedule nested in it (a warm-up's successor, a sequence's
     * parts), so that the runner can find the parts that react to metrics, such as
     * {@link ReduceOnPlateau}, wherever they are nested.
     */
    default void forEachPart(Consumer<StepSizeSchedule> visitor) {
        visitor.accept(this);
    }
}
