package dev.lrlab.agents.bandit;

import dev.lrlab.agents.Agent;
import dev.lrlab.agents.DivergedException;
import dev.lrlab.agents.explore.ActionSelection;
import dev.lrlab.agents.schedule.ClockedSchedule;
import dev.lrlab.env.Environment;
import dev.lrlab.env.metrics.MeanBuffer;
import dev.lrlab.env.metrics.MetricSink;
import dev.lrlab.env.metrics.Reduction;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The gradient bandit algorithm (Sutton &amp; Barto 2.8): a preference H(a) per action, actions
 * drawn from softmax(H), and after each reward R every preference moves by
 * {@code alpha (R - baseline) (1[a = A] - pi(a))}, stochastic gradient ascent on the expected
 * reward. The baseline is the average of the earlier rewards (the book's R-bar: the first reward
 * is its own baseline), or 0 without one; without it the algorithm is REINFORCE on one-step
 * episodes, and slows badly when rewards are far from 0 (the book's Figure 2.5, mean 4).
 *
 * <p>Each state has its own preferences and the reward of a step is all that is learned from
 * (no bootstrapping), so on an environment with several states it is a contextual bandit. Metrics:
 * {@code step_size}, {@code update_size} (|alpha (R - baseline)|), and at the end of each interval
 * {@code baseline} and {@code entropy} (of the last state's policy, in nats).
 */
public final class GradientBanditAgent implements Agent {

    private final ClockedSchedule stepSize;
    private final boolean useBaseline;
    private final double bound;
    private final UniformRandomProvider rng;
    private final int actions;
    private final double[] preferences;
    private final double[] policy;
    private final MeanBuffer rateMetric;
    private final MeanBuffer updateMetric;

    private int state;
    private int action;
    private long steps;
    private long episodes;
    private long rewards;
    private double averageReward;

    private GradientBanditAgent(ClockedSchedule stepSize, boolean useBaseline, double bound, int states, int actions,
            UniformRandomProvider rng, MetricSink metrics) {
        this.stepSize = stepSize;
        this.useBaseline = useBaseline;
        this.bound = bound;
        this.rng = rng;
        this.actions = actions;
        this.preferences = new double[states * actions];
        this.policy = new double[actions];
        this.rateMetric = new MeanBuffer(metrics, "step_size");
        this.updateMetric = new MeanBuffer(metrics, "update_size");
        int baselineMetric = metrics.register("baseline", Reduction.LAST);
        int entropyMetric = metrics.register("entropy", Reduction.LAST);
        metrics.sampleAtIntervalEnd(() -> {
            rateMetric.flush();
            updateMetric.flush();
            metrics.add(baselineMetric, baseline());
            metrics.add(entropyMetric, entropy(state));
        });
    }

    /**
     * An agent for {@code env}'s discrete states and actions.
     *
     * @param useBaseline whether the average of the earlier rewards is subtracted
     * @param bound a preference beyond this in magnitude ends the trial as diverged
     */
    public static GradientBanditAgent of(ClockedSchedule stepSize, boolean useBaseline, double bound, Environment env,
            UniformRandomProvider rng, MetricSink metrics) {
        if (!env.observationSpace().isDiscrete()) {
            throw new IllegalArgumentException(env.id() + " has no discrete states for a gradient bandit");
        }
        return new GradientBanditAgent(stepSize, useBaseline, bound, env.observationSpace().stateCount(),
                env.actionCount(), rng, metrics);
    }

    @Override
    public int start(Environment env) {
        state = env.state();
        action = draw(state);
        return action;
    }

    @Override
    public int step(double reward, Environment env) {
        steps++;
        double alpha = stepSize.rate(steps - 1, episodes, rewards, 0);
        // R-bar_t: the mean of the rewards before this one; the first reward is its own baseline
        double baseline = !useBaseline ? 0 : rewards == 0 ? reward : averageReward;
        double advantage = alpha * (reward - baseline);
        int row = state * actions;
        probabilities(row);
        for (int a = 0; a < actions; a++) {
            preferences[row + a] += advantage * ((a == action ? 1 : 0) - policy[a]);
        }
        rewards++;
        averageReward += (reward - averageReward) / rewards;
        double moved = preferences[row + action];
        if (DivergedException.beyond(moved, bound)) {
            throw DivergedException.of(moved, bound, steps, "H(s=" + state + ", a=" + action + ")");
        }
        rateMetric.add(alpha);
        updateMetric.add(Math.abs(advantage));
        state = env.state();
        action = draw(state);
        return action;
    }

    @Override
    public void end(Environment env) {
        episodes++;
        rateMetric.flush();
        updateMetric.flush();
    }

    @Override
    public int greedyAction(Environment env) {
        return ActionSelection.greedy(preferences, env.state() * actions, actions, rng);
    }

    /** pi(a | s) for the row of state s, into {@link #policy}. */
    private void probabilities(int row) {
        double max = ActionSelection.max(preferences, row, actions);
        double total = 0;
        for (int a = 0; a < actions; a++) {
            policy[a] = Math.exp(preferences[row + a] - max);
            total += policy[a];
        }
        for (int a = 0; a < actions; a++) {
            policy[a] /= total;
        }
    }

    private int draw(int s) {
        probabilities(s * actions);
        double u = rng.nextDouble();
        for (int a = 0; a < actions - 1; a++) {
            u -= policy[a];
            if (u < 0) {
                return a;
            }
        }
        return actions - 1;
    }

    /** The reward average the next update subtracts (0 without a baseline). */
    public double baseline() {
        return useBaseline ? averageReward : 0;
    }

    /** pi(a | s). */
    public double probability(int s, int a) {
        probabilities(s * actions);
        return policy[a];
    }

    private double entropy(int s) {
        probabilities(s * actions);
        double h = 0;
        for (double p : policy) {
            if (p > 0) {
                h -= p * Math.log(p);
            }
        }
        return h;
    }
}
