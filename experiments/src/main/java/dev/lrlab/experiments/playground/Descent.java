package dev.lrlab.experiments.playground;

import dev.lrlab.agents.optim.Optimizer;
import dev.lrlab.agents.optim.OptimizerBlueprint;
import dev.lrlab.agents.schedule.StepSizeSchedule;
import dev.lrlab.env.landscape.Landscape;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Gradient-based descent on a landscape through the project's optimizers and schedules, exactly as
 * an agent's parameters are updated: the point (x, y) is the parameter vector, the landscape's
 * gradient (plus Gaussian noise of a chosen scale, for the stochastic variant) the gradient.
 */
public final class Descent {

    /** Past this distance from the origin a descent has diverged and stops. */
    public static final double BOUND = 1e6;

    private Descent() {
    }

    /**
     * One descent.
     *
     * @param x positions, from the start, one per step taken
     * @param y likewise
     * @param loss the loss at each position
     * @param diverged whether it left the bound (or became non-finite) and stopped early
     */
    public record Path(double[] x, double[] y, double[] loss, boolean diverged) {

        /** The last loss (infinite for a diverged descent). */
        public double finalLoss() {
            return diverged ? Double.POSITIVE_INFINITY : loss[loss.length - 1];
        }
    }

    /** Runs {@code steps} updates from the landscape's start; the seed draws the gradient noise. */
    public static Path run(Landscape landscape, OptimizerBlueprint optimizer, StepSizeSchedule schedule, int steps,
            double noise, long seed) {
        Optimizer opt = optimizer.create(2);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        var gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] p = landscape.start().clone();
        double[] g = new double[2];
        double[] xs = new double[steps + 1];
        double[] ys = new double[steps + 1];
        double[] loss = new double[steps + 1];
        xs[0] = p[0];
        ys[0] = p[1];
        loss[0] = landscape.loss().value(p[0], p[1]);
        int n = 1;
        boolean diverged = false;
        for (int t = 0; t < steps; t++) {
            landscape.loss().gradient(p[0], p[1], g);
            if (noise > 0) {
                g[0] += noise * gaussian.sample();
                g[1] += noise * gaussian.sample();
            }
            opt.update(p, g, schedule.rate(t));
            double f = landscape.loss().value(p[0], p[1]);
            if (!Double.isFinite(f) || Math.hypot(p[0], p[1]) > BOUND) {
                diverged = true;
                break;
            }
            xs[n] = p[0];
            ys[n] = p[1];
            loss[n] = f;
            n++;
        }
        return new Path(java.util.Arrays.copyOf(xs, n), java.util.Arrays.copyOf(ys, n), java.util.Arrays.copyOf(loss, n),
                diverged);
    }
}
