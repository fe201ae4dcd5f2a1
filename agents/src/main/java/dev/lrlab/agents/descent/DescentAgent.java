package dev.lrlab.agents.descent;

import dev.lrlab.agents.Agent;
import dev.lrlab.agents.DivergedException;
import dev.lrlab.agents.optim.Optimizer;
import dev.lrlab.agents.schedule.ClockedSchedule;
import dev.lrlab.env.Environment;
import dev.lrlab.env.landscape.LandscapeEnvironment;
import dev.lrlab.env.metrics.MetricSink;
import dev.lrlab.env.metrics.Reduction;

/**
 * The optimizer playground's agent: its parameters are the landscape's point, and each episode it
 * takes one step of its optimizer at the scheduled rate along the (possibly noisy) gradient, exactly
 * as a network's parameters are updated. It has one action, which does nothing; the move is made
 * when the episode starts, and the episode's reward is minus the loss where it landed. A point
 * beyond the divergence bound ends the trial as diverged. Metrics: {@code step_size},
 * {@code gradient_norm}.
 */
public final class DescentAgent implements Agent {

    private final Optimizer optimizer;
    private final ClockedSchedule stepSize;
    private final double bound;
    private final double[] point = new double[2];
    private final double[] gradient = new double[2];
    private final int rateMetric;
    private final int gradientMetric;
    private final MetricSink metrics;
    private long updates;

    private DescentAgent(Optimizer optimizer, ClockedSchedule stepSize, double bound, MetricSink metrics) {
        this.optimizer = optimizer;
        this.stepSize = stepSize;
        this.bound = bound;
        this.metrics = metrics;
        this.rateMetric = metrics.register("step_size", Reduction.MEAN);
        this.gradientMetric = metrics.register("gradient_norm", Reduction.MEAN);
    }

    public static DescentAgent of(Optimizer optimizer, ClockedSchedule stepSize, double bound, MetricSink metrics) {
        return new DescentAgent(optimizer, stepSize, bound, metrics);
    }

    /** Takes the optimizer step: this episode's move. */
    @Override
    public int start(Environment env) {
        LandscapeEnvironment land = (LandscapeEnvironment) env.unwrapped();
        point[0] = land.x();
        point[1] = land.y();
        land.gradient(gradient);
        double rate = stepSize.rate(updates, updates, updates, 0);
        optimizer.update(point, gradient, rate);
        updates++;
        double far = Math.hypot(point[0], point[1]);
        if (DivergedException.beyond(far, bound)) {
            throw DivergedException.of(far, bound, updates, "the point's distance from the origin");
        }
        land.moveTo(point[0], point[1]);
        metrics.add(rateMetric, rate);
        metrics.add(gradientMetric, Math.hypot(gradient[0], gradient[1]));
        return 0;
    }

    @Override
    public int step(double reward, Environment env) {
        return 0;
    }

    @Override
    public int greedyAction(Environment env) {
        return 0;
    }
}
