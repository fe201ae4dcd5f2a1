package dev.lrlab.agents.schedule;

/**
 * Cosine annealing: {@code etaMin + (base - etaMin)(1 + cos(pi min(t, T) / T)) / 2}. Unlike
 * PyTorch's closed form it stays at etaMin after T instead of rising again (optax's way).
 */
public record Cosine(double base, long tMax, double etaMin) implements StepSizeSchedule {

    public Cosine {
        Check.nonNegative("base rate", base);
        Check.positive("t-max", tMax);
        Check.nonNegative("eta-min", etaMin);
    }

    public static Cosine of(double base, long tMax, double etaMin) {
        return new Cosine(base, tMax, etaMin);
    }

    @Override
    public double rate(long t) {
        double progress = (double) Math.min(t, tMax) / tMax;
        return etaMin + (base - etaMin) * (1 + Math.cos(Math.PI * progress)) / 2;
    }
}
