package dev.lrlab.agents.schedule;

/** The base rate at every t. */
public record Constant(double base) implements StepSizeSchedule {

    public static Constant of(double base) {
        Check.nonNegative("base rate", base);
        return new Constant(base);
    }

    @Override
    public double rate(long t) {
        return base;
    }
}
