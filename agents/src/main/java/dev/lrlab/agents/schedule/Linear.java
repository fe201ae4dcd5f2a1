package dev.lrlab.agents.schedule;

/**
 * PyTorch's LinearLR: the factor goes linearly from {@code startFactor} to {@code endFactor}
 * over {@code totalIters}, then stays; the rate is base times the factor.
 */
public record Linear(double base, double startFactor, double endFactor, long totalIters)
        implements StepSizeSchedule {

    public static final double DEFAULT_START_FACTOR = 1.0 / 3;
    public static final double DEFAULT_END_FACTOR = 1.0;

    public Linear {
        Check.nonNegative("base rate", base);
        Check.nonNegative("start-factor", startFactor);
        Check.nonNegative("end-factor", endFactor);
        Check.positive("total-iters", totalIters);
    }

    public static Linear of(double base, double startFactor, double endFactor, long totalIters) {
        return new Linear(base, startFactor, endFactor, totalIters);
    }

    @Override
    public double rate(long t) {
        double progress = (double) Math.min(t, totalIters) / totalIters;
        return base * (startFactor + (endFactor - startFactor) * progress);
    }
}
