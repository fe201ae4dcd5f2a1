package dev.lrlab.agents.schedule;

/** PyTorch's StepLR: {@code base * gamma^floor(t / stepSize)}. */
public record StepDecay(double base, long stepSize, double gamma) implements StepSizeSchedule {

    /** PyTorch's default gamma. */
    public static final double DEFAULT_GAMMA = 0.1;

    /** Gamma is at most 1: a growing step schedule would overflow (use exponential with an end value). */
    public StepDecay {
        Check.nonNegative("base rate", base);
        Check.positive("step-size", stepSize);
        Check.inUnitInterval("gamma", gamma, false);
    }

    public static StepDecay of(double base, long stepSize, double gamma) {
        return new StepDecay(base, stepSize, gamma);
    }

    @Override
    public double rate(long t) {
        return base * Math.pow(gamma, t / stepSize);
    }
}
