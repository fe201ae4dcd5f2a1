package dev.lrlab.agents.schedule;

/**
 * PyTorch's PolynomialLR with optax's end value:
 * {@code (base - end) * (1 - min(t, T) / T)^power + end}.
 */
public record Polynomial(double base, long totalIters, double power, double endValue)
        implements StepSizeSchedule {

    public Polynomial {
        Check.nonNegative("base rate", base);
        Check.positive("total-iters", totalIters);
        Check.nonNegative("power", power);
        Check.nonNegative("end-value", endValue);
    }

    public static Polynomial of(double base, long totalIters, double power, double endValue) {
        return new Polynomial(base, totalIters, power, endValue);
    }

    @Override
    public double rate(long t) {
        double left = 1 - (double) Math.min(t, totalIters) / totalIters;
        return (base - endValue) * Math.pow(left, power) + endValue;
    }
}
