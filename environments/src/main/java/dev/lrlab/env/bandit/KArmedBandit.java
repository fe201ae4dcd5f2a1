package dev.lrlab.env.bandit;

import dev.lrlab.env.OneStepEpisodes;
import dev.lrlab.env.metrics.MetricSink;
import dev.lrlab.env.metrics.PublishesMetrics;
import dev.lrlab.env.metrics.Reduction;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * Sutton &amp; Barto's k-armed testbed (section 2.3): each arm's true value q*(a) is drawn once
 * per trial from N(mean, arm-sd²), and pulling arm a pays N(q*(a), reward-sd²). With walk-sd
 * &gt; 0 it is the nonstationary testbed of Exercise 2.5: after every pull each q*(a) takes an
 * independent step N(0, walk-sd²) (the book: all q*(a) equal at the start, arm-sd 0, walk-sd 0.01).
 *
 * <p>Each pull is an episode of one step that terminates, so a trial's return curve is the
 * reward of each step, as the book's figures plot it, and the episode budget is the number of
 * steps. There is one state. The arms' values are drawn at {@link #reset(long)} (once per trial)
 * and kept (or walked) across {@link #reset()}. Metric {@code optimal_action_fraction}: whether the arm
 * pulled had the largest true value at that moment (its interval mean is the book's "% optimal
 * action").
 */
public final class KArmedBandit extends OneStepEpisodes implements PublishesMetrics {

    private final int arms;
    private final double mean;
    private final double armSd;
    private final double rewardSd;
    private final double walkSd;
    private final double[] values;

    private MetricSink metrics = MetricSink.NONE;
    private int optimalMetric;

    private KArmedBandit(int arms, double mean, double armSd, double rewardSd, double walkSd) {
        super(arms);
        this.arms = arms;
        this.mean = mean;
        this.armSd = armSd;
        this.rewardSd = rewardSd;
        this.walkSd = walkSd;
        this.values = new double[arms];
    }

    /**
     * A testbed of {@code arms} arms.
     *
     * @param mean the mean of the arms' true values
     * @param armSd their spread (0: all equal)
     * @param rewardSd the noise of a pull around the arm's value
     * @param walkSd the step of each arm's random walk after every pull (0: stationary)
     */
    public static KArmedBandit of(int arms, double mean, double armSd, double rewardSd, double walkSd) {
        if (arms < 1) {
            throw new IllegalArgumentException("a bandit needs at least one arm, was " + arms);
        }
        if (!(armSd >= 0 && rewardSd >= 0 && walkSd >= 0) || !Double.isFinite(mean)) {
            throw new IllegalArgumentException("the spreads must be >= 0 and the mean finite");
        }
        return new KArmedBandit(arms, mean, armSd, rewardSd, walkSd);
    }

    /** The book's stationary 10-armed testbed: q*(a) ~ N(0, 1), rewards ~ N(q*(a), 1). */
    public static KArmedBandit testbed() {
        return of(10, 0, 1, 1, 0);
    }

    @Override
    public String id() {
        return "k-armed-bandit";
    }

    @Override
    public void publishTo(MetricSink sink) {
        metrics = sink;
        optimalMetric = sink.register("optimal_action_fraction", Reduction.MEAN);
    }

    /** Draws the arms' true values. */
    @Override
    protected void seeded(ContinuousSampler gaussian) {
        for (int a = 0; a < arms; a++) {
            values[a] = mean + armSd * gaussian.sample();
        }
    }

    /** The pull's reward; then the arms walk. */
    @Override
    protected double act(int action) {
        ContinuousSampler gaussian = gaussian();
        double reward = values[action] + rewardSd * gaussian.sample();
        metrics.add(optimalMetric, isOptimal(action) ? 1 : 0);
        if (walkSd > 0) {
            for (int a = 0; a < arms; a++) {
                values[a] += walkSd * gaussian.sample();
            }
        }
        return reward;
    }

    /** Whether no arm's true value is larger than this one's (ties count as optimal). */
    public boolean isOptimal(int action) {
        double v = values[action];
        for (int a = 0; a < arms; a++) {
            if (values[a] > v) {
                return false;
            }
        }
        return true;
    }

    /** The arm's true value now. */
    public double trueValue(int action) {
        return values[action];
    }

    @Override
    public String actionName(int action) {
        return "arm " + action;
    }
}
