package dev.lrlab.agents.schedule;

/**
 * Exponential decay, with optax's options: {@code base * gamma^p} where
 * {@code p = (t - begin) / transitionSteps} (floored when {@code staircase}), held at base
 * before {@code begin}, and clipped at {@code endValue} when one is given (from below when
 * decaying, from above when growing). With gamma = e^(-lambda) this is base * e^(-lambda t).
 */
public record Exponential(double base, double gamma, long transitionSteps, boolean staircase,
        long begin, double endValue) implements StepSizeSchedule {

    /** PyTorch's ExponentialLR: base * gamma^t. */
    public static Exponential of(double base, double gamma) {
        return of(base, gamma, 1, false, 0, Double.NaN);
    }

    /** The continuous form base * e^(-lambda t). */
    public static Exponential ofDecayRate(double base, double lambda) {
        Check.nonNegative("lambda", lambda);
        return of(base, Math.exp(-lambda));
    }

    /** All of optax's options; {@code endValue} NaN means no clipping. */
    public static Exponential of(double base, double gamma, long transitionSteps, boolean staircase,
            long begin, double endValue) {
        return new Exponential(base, gamma, transitionSteps, staircase, begin, endValue);
    }

    /** A growing schedule (gamma > 1) needs an end value, or it would overflow. */
    public Exponential {
        Check.nonNegative("base rate", base);
        Check.positive("gamma", gamma);
        Check.positive("transition-steps", transitionSteps);
        if (begin < 0) {
            throw new IllegalArgumentException("begin must be >= 0, was " + begin);
        }
        if (!Double.isNaN(endValue)) {
            Check.nonNegative("end-value", endValue);
        } else if (gamma > 1) {
            throw new IllegalArgumentException("a growing exponential (gamma " + gamma
                    + " > 1) needs an end-value to stop at");
        }
    }

    @Override
    public double rate(long t) {
        long count = t - begin;
        if (count <= 0) {
            return base;
        }
        double p = staircase ? (double) (count / transitionSteps) : (double) count / transitionSteps;
        // a zero base stays zero (0 times an overflowed power would be NaN)
        double value = base == 0 ? 0 : base * Math.pow(gamma, p);
        if (!Double.isNaN(endValue)) {
            value = gamma < 1 ? Math.max(value, endValue) : Math.min(value, endValue);
        }
        return value;
    }
}
