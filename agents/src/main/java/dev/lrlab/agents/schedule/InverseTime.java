package dev.lrlab.agents.schedule;

/**
 * {@code base / (1 + decay * t)^power}. With power in (0.5, 1] the Robbins-Monro conditions
 * hold; on the {@link Clock#VISITS} clock with decay 1 it is base / N(s, a)^power.
 */
public record InverseTime(double base, double decay, double power) implements StepSizeSchedule {

    public InverseTime {
        Check.nonNegative("base rate", base);
        Check.nonNegative("decay", decay);
        Check.nonNegative("power", power);
    }

    public static InverseTime of(double base, double decay, double power) {
        return new InverseTime(base, decay, power);
    }

    @Override
    public double rate(long t) {
        return base / Math.pow(1 + decay * t, power);
    }
}
