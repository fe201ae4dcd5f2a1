package dev.lrlab.agents.schedule;

/**
 * SGDR (PyTorch's CosineAnnealingWarmRestarts): cosine annealing within each cycle; the first
 * cycle lasts {@code t0}, and each restart multiplies the cycle length by {@code tMult}.
 */
public record CosineWarmRestarts(double base, long t0, long tMult, double etaMin)
        implements StepSizeSchedule {

    public CosineWarmRestarts {
        Check.nonNegative("base rate", base);
        Check.positive("t-0", t0);
        Check.positive("t-mult", tMult);
        Check.nonNegative("eta-min", etaMin);
    }

    public static CosineWarmRestarts of(double base, long t0, long tMult, double etaMin) {
        return new CosineWarmRestarts(base, t0, tMult, etaMin);
    }

    @Override
    public double rate(long t) {
        long cycleStart = 0;
        long length = t0;
        if (tMult == 1) {
            cycleStart = t - t % t0;
        } else {
            // cycles grow geometrically, so this loop runs O(log t) times; the arithmetic saturates
            // instead of overflowing when a cycle outgrows a long
            while (t - cycleStart >= length) {
                cycleStart += length;
                length = length > Long.MAX_VALUE / tMult ? Long.MAX_VALUE : length * tMult;
            }
        }
        double progress = (double) (t - cycleStart) / length;
        return etaMin + (base - etaMin) * (1 + Math.cos(Math.PI * progress)) / 2;
    }
}
