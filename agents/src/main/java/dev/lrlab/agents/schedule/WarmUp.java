package dev.lrlab.agents.schedule;

/**
 * Linear warm-up from {@code base * startFactor} to {@code base} over {@code length} clock
 * ticks, then {@code after} with its clock restarted at 0 (so warm-up followed by cosine is
 * {@code WarmUp.of(a, 100, 0, Cosine.of(a, 900, 0))}).
 */
public record WarmUp(double base, long length, double startFactor, StepSizeSchedule after)
        implements StepSizeSchedule {

    public WarmUp {
        Check.nonNegative("base rate", base);
        Check.positive("length", length);
        Check.nonNegative("start-factor", startFactor);
        java.util.Objects.requireNonNull(after, "after");
    }

    public static WarmUp of(double base, long length, double startFactor, StepSizeSchedule after) {
        return new WarmUp(base, length, startFactor, after);
    }

    @Override
    public void forEachPart(java.util.function.Consumer<StepSizeSchedule> visitor) {
        visitor.accept(this);
        after.forEachPart(visitor);
    }

    @Override
    public double rate(long t) {
        if (t >= length) {
            return after.rate(t - length);
        }
        return base * (startFactor + (1 - startFactor) * t / length);
    }
}
