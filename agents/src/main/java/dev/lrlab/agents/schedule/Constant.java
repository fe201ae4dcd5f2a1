package dev.lrlab.agents.schedule;

/** The base rate at every t. */
public record Constant(double base) implements StepSizeSchedule {

    public Constant {
        Check.nonNegative("base rate", base);
    }

    public static Constant of(double base) {
        return new Constant(base);
    }

    @Override
    public double rate(long t) {
        return base;
    }
}
