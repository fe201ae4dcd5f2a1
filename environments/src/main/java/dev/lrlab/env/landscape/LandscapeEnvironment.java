package dev.lrlab.env.landscape;

import dev.lrlab.env.OneStepEpisodes;
import dev.lrlab.env.metrics.MetricSink;
import dev.lrlab.env.metrics.PublishesMetrics;
import dev.lrlab.env.metrics.Reduction;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * A loss in two dimensions as an environment, so that the optimizer playground runs as specs and
 * sweeps through the runner and the report: the point (x, y) is what a {@code descent} agent
 * optimizes, each episode is one optimizer step (the agent moves the point when the episode
 * starts), and its reward is minus the loss where the step landed, so a return curve is minus the
 * loss per step. The seed jitters the start point and draws the gradient noise; the point is kept
 * across {@link #reset()}. Metrics at the end of each interval: {@code x}, {@code y}.
 */
public final class LandscapeEnvironment extends OneStepEpisodes implements PublishesMetrics {

    private final Landscape landscape;
    private final double noise;
    private final double jitter;
    private final double[] position = new double[2];

    private LandscapeEnvironment(Landscape landscape, double noise, double jitter) {
        super(1);
        this.landscape = landscape;
        this.noise = noise;
        this.jitter = jitter;
    }

    /** The landscape with gradient noise of standard deviation {@code noise} and a start jittered by {@code jitter}. */
    public static LandscapeEnvironment of(Landscape landscape, double noise, double jitter) {
        if (!(noise >= 0) || !(jitter >= 0)) {
            throw new IllegalArgumentException("noise and jitter must be >= 0");
        }
        return new LandscapeEnvironment(landscape, noise, jitter);
    }

    public Landscape landscape() {
        return landscape;
    }

    @Override
    public String id() {
        return "landscape";
    }

    @Override
    public void publishTo(MetricSink sink) {
        int x = sink.register("x", Reduction.LAST);
        int y = sink.register("y", Reduction.LAST);
        sink.sampleAtIntervalEnd(() -> {
            sink.add(x, position[0]);
            sink.add(y, position[1]);
        });
    }

    /** Starts at the landscape's start, jittered by the seed (whose generator also draws the gradient noise). */
    @Override
    protected void seeded(ContinuousSampler gaussian) {
        position[0] = landscape.start()[0] + jitter * gaussian.sample();
        position[1] = landscape.start()[1] + jitter * gaussian.sample();
    }

    /** The point now. */
    public double x() {
        return position[0];
    }

    public double y() {
        return position[1];
    }

    /** The gradient at the point, with the environment's noise, into {@code out[0..1]}. */
    public void gradient(double[] out) {
        landscape.loss().gradient(position[0], position[1], out);
        if (noise > 0) {
            out[0] += noise * gaussian().sample();
            out[1] += noise * gaussian().sample();
        }
    }

    /** Moves the point (what the optimizer decided). */
    public void moveTo(double x, double y) {
        position[0] = x;
        position[1] = y;
    }

    /** Ends the step: the reward is minus the loss at the point. */
    @Override
    protected double act(int action) {
        return -landscape.loss().value(position[0], position[1]);
    }
}
