package dev.lrlab.agents.schedule;

/** PyTorch's StepLR: {@code base * gamma^floor(t / stepSize)}. */
public record StepDecay(double base, long stepSize, double gamma) implements StepSizeSchedule {

    /** PyTorch's default gamma. */
    public static final double DEFAULT_GAMMA = 0.1;

    public static StepDecay of(double base, long stepSize, double gamma) {
        Check.nonNegative("base rate", base);
        Check.positive("step-size", stepSize);
        Check.nonNegative("gamma", gamma);
        return new StepDecay(base, stepSize, gamma);
    }

    @Override
    public double rate(long t) {
        return base * Math.pow(gamma, t / stepSize);
    }
}
