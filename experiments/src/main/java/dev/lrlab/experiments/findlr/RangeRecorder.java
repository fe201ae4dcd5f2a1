package dev.lrlab.experiments.findlr;

import java.util.Arrays;

/**
 * The points a range test records, whatever it trains: each loss with the rate it was measured at,
 * smoothed as fast.ai does (a debiased exponential moving average), and the stopping rule (the
 * smoothed loss not finite, or past the options' factor of its minimum).
 */
public final class RangeRecorder {

    private final RangeTestOptions options;
    private final double[] rates;
    private final double[] losses;
    private final double[] smoothed;
    private int n;
    private double average;
    private double best = Double.POSITIVE_INFINITY;

    /** Room for {@code options.points() + 1} points. */
    public RangeRecorder(RangeTestOptions options) {
        this.options = options;
        this.rates = new double[options.points() + 1];
        this.losses = new double[options.points() + 1];
        this.smoothed = new double[options.points() + 1];
    }

    /** Records a loss at a rate; true when the test must stop because the loss has blown up. */
    public boolean diverges(double rate, double loss) {
        average = options.beta() * average + (1 - options.beta()) * loss;
        double smooth = average / (1 - Math.pow(options.beta(), n + 1));
        rates[n] = rate;
        losses[n] = loss;
        smoothed[n] = smooth;
        n++;
        best = Math.min(best, smooth);
        return !Double.isFinite(smooth) || smooth > options.divergeFactor() * best;
    }

    /** Whether every point has been recorded. */
    public boolean full() {
        return n == rates.length;
    }

    /** The curve recorded so far, with the suggestions from its smoothed losses. */
    public RangeCurve curve(String agent, long seed, String stopped, long steps) {
        double[] r = Arrays.copyOf(rates, n);
        double[] s = Arrays.copyOf(smoothed, n);
        return new RangeCurve(agent, seed, r, Arrays.copyOf(losses, n), s, stopped, Suggestions.of(r, s), steps);
    }
}
