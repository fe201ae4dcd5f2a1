package dev.lrlab.experiments.findlr;

/**
 * How a learning-rate range test runs.
 *
 * @param start the first learning rate (fast.ai's default 1e-7)
 * @param end the last (fast.ai's 10)
 * @param updates parameter updates over which the rate grows from start to end, exponentially
 * @param points losses recorded along the way (one every updates / points updates)
 * @param heldOutSteps random-policy steps recorded as the held-out data
 * @param beta the smoothing of the loss (fast.ai's 0.98): a debiased exponential moving average
 * @param divergeFactor stop once the smoothed loss exceeds this many times its minimum (fast.ai's 4)
 * @param stepCap the most environment steps per test, for agents that update rarely
 */
public record RangeTestOptions(double start, double end, long updates, int points, int heldOutSteps, double beta,
        double divergeFactor, long stepCap) {

    public static final RangeTestOptions DEFAULTS = new RangeTestOptions(1e-7, 10, 10_000, 200, 2_000, 0.98, 4,
            5_000_000);

    public RangeTestOptions {
        if (!(start > 0) || !(end > start)) {
            throw new IllegalArgumentException("the rates must grow: 0 < start < end, was " + start + " .. " + end);
        }
        if (updates < 10 || points < 10 || points > updates) {
            throw new IllegalArgumentException("need at least 10 updates and 10 points, and no more points than "
                    + "updates (was " + updates + " updates, " + points + " points)");
        }
    }

    /** The rate at update t (0-based): start (end / start)^(t / updates), held at end past the last. */
    public double rateAt(long t) {
        return start * Math.pow(end / start, Math.min(t, updates) / (double) updates);
    }
}
