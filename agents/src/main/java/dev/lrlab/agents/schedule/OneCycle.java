package dev.lrlab.agents.schedule;

/**
 * PyTorch's OneCycleLR (two phases, cosine annealing): from {@code maxRate / divFactor} up to
 * {@code maxRate} over the first {@code pctStart} of {@code totalSteps}, then down to
 * {@code maxRate / (divFactor * finalDivFactor)}, where it stays. Here the swept base rate is
 * the peak, as in fast.ai's {@code lr_max}.
 */
public record OneCycle(double maxRate, long totalSteps, double pctStart, double divFactor,
        double finalDivFactor) implements StepSizeSchedule {

    public static final double DEFAULT_PCT_START = 0.3;
    public static final double DEFAULT_DIV_FACTOR = 25;
    public static final double DEFAULT_FINAL_DIV_FACTOR = 1e4;

    public OneCycle {
        Check.nonNegative("base rate", maxRate);
        if (totalSteps < 2) {
            throw new IllegalArgumentException("total-steps must be >= 2, was " + totalSteps);
        }
        if (!(pctStart > 0 && pctStart < 1)) {
            throw new IllegalArgumentException("pct-start must be in (0, 1), was " + pctStart);
        }
        Check.positive("div-factor", divFactor);
        Check.positive("final-div-factor", finalDivFactor);
    }

    public static OneCycle of(double maxRate, long totalSteps, double pctStart, double divFactor,
            double finalDivFactor) {
        return new OneCycle(maxRate, totalSteps, pctStart, divFactor, finalDivFactor);
    }

    @Override
    public double rate(long t) {
        double initial = maxRate / divFactor;
        double minimum = initial / finalDivFactor;
        double peakAt = pctStart * totalSteps - 1;
        double endAt = totalSteps - 1;
        if (t <= peakAt) {
            return anneal(initial, maxRate, peakAt <= 0 ? 1 : t / peakAt);
        }
        double progress = Math.min(1, (t - peakAt) / (endAt - peakAt));
        return anneal(maxRate, minimum, progress);
    }

    private static double anneal(double from, double to, double progress) {
        return to + (from - to) / 2 * (Math.cos(Math.PI * progress) + 1);
    }
}
