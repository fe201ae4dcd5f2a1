package dev.lrlab.agents.schedule;

import java.util.Arrays;
import java.util.List;

/**
 * Schedules joined end to end (optax's {@code join_schedules}): schedule i runs from boundary i
 * (boundary 0 is t = 0) and its clock restarts there.
 */
public record Sequence(List<StepSizeSchedule> schedules, long[] boundaries) implements StepSizeSchedule {

    public Sequence {
        schedules = List.copyOf(schedules);
        boundaries = boundaries.clone();
        if (schedules.size() != boundaries.length + 1) {
            throw new IllegalArgumentException("a sequence of " + schedules.size()
                    + " schedules needs " + (schedules.size() - 1) + " boundaries, had "
                    + boundaries.length);
        }
        checkBoundaries(boundaries);
    }

    public static Sequence of(List<StepSizeSchedule> schedules, long[] boundaries) {
        return new Sequence(schedules, boundaries);
    }

    @Override
    public void forEachPart(java.util.function.Consumer<StepSizeSchedule> visitor) {
        visitor.accept(this);
        schedules.forEach(s -> s.forEachPart(visitor));
    }

    static void checkBoundaries(long[] boundaries) {
        for (int i = 0; i < boundaries.length; i++) {
            if (boundaries[i] < 1 || (i > 0 && boundaries[i] <= boundaries[i - 1])) {
                throw new IllegalArgumentException("boundaries must be increasing and >= 1, were "
                        + Arrays.toString(boundaries));
            }
        }
    }

    @Override
    public double rate(long t) {
        int piece = 0;
        while (piece < boundaries.length && boundaries[piece] <= t) {
            piece++;
        }
        long start = piece == 0 ? 0 : boundaries[piece - 1];
        return schedules.get(piece).rate(t - start);
    }

    @Override
    public long[] boundaries() {
        return boundaries.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sequence s && schedules.equals(s.schedules)
                && Arrays.equals(boundaries, s.boundaries);
    }

    @Override
    public int hashCode() {
        return schedules.hashCode() * 31 + Arrays.hashCode(boundaries);
    }

    @Override
    public String toString() {
        return "Sequence[" + schedules + ", boundaries=" + Arrays.toString(boundaries) + "]";
    }
}
