package dev.lrlab.agents.linear;

import dev.lrlab.agents.Agent;
import dev.lrlab.agents.DivergedException;
import dev.lrlab.agents.explore.ActionSelection;
import dev.lrlab.agents.features.FeatureMap;
import dev.lrlab.agents.optim.Optimizer;
import dev.lrlab.agents.tabular.TdRule;
import dev.lrlab.env.Environment;
import dev.lrlab.env.metrics.MetricSink;
import dev.lrlab.env.metrics.Reduction;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Semi-gradient Q-learning, Sarsa and Expected Sarsa with {@code q(s, a) = w_a . x(s)} over binary
 * features (Sutton &amp; Barto section 10.1). The gradient of the squared TD error goes through
 * an {@link Optimizer}, so Adam or RMSprop can drive it; with SGD the update is the book's
 * {@code w_a += alpha delta x(s)} (alpha times the feature map's {@link FeatureMap#rateScale()}).
 * As in the tabular agents, only Sarsa chooses the next action before the update.
 *
 * <p>Metrics: {@code abs_td_error}, {@code step_size} (the rate given to the optimizer),
 * {@code max_abs_q} (the largest |q(s, a)| among the pairs updated in the interval: the table is
 * not at hand), the optimizer's, and the exploration parameter.
 */
public final class LinearQAgent implements Agent, dev.lrlab.agents.HeldOutLoss {

    private final LinearConfig config;
    private final FeatureMap features;
    private final UniformRandomProvider rng;
    private final int actions;
    private final int featureCount;
    /** Weights, action-major: w[a * featureCount + f]. */
    private final double[] w;
    private final double[] gradient;
    private final Optimizer optimizer;
    private final double[] qRow;
    private final double[] scratch;
    private final int[] active;
    private final int[] nextActive;
    private final int[] touched;
    private final double rateScale;
    private final MetricSink metrics;
    private final int tdMetric;
    private final int rateMetric;
    private final int maxQMetric;

    private int activeCount;
    private int action;
    private long steps;
    private long episodes;

    private LinearQAgent(LinearConfig config, FeatureMap features, int actions, UniformRandomProvider rng,
            MetricSink metrics) {
        this.config = config;
        this.features = features;
        this.rng = rng;
        this.actions = actions;
        this.featureCount = features.featureCount();
        this.w = new double[actions * featureCount];
        this.gradient = new double[w.length];
        this.optimizer = config.optimizer().create(w.length);
        this.qRow = new double[actions];
        this.scratch = new double[actions];
        this.active = new int[featureCount];
        this.nextActive = new int[featureCount];
        this.touched = new int[featureCount];
        this.rateScale = features.rateScale();
        this.metrics = metrics;
        this.tdMetric = metrics.register("abs_td_error", Reduction.MEAN);
        this.rateMetric = metrics.register("step_size", Reduction.MEAN);
        this.maxQMetric = metrics.register("max_abs_q", Reduction.MAX);
        optimizer.publishTo(metrics, "");
        int parameterMetric = metrics.register(config.exploration().parameterName(), Reduction.LAST);
        metrics.sampleAtIntervalEnd(() -> metrics.add(parameterMetric, explorationParameter()));
    }

    public static LinearQAgent of(LinearConfig config, FeatureMap features, Environment env,
            UniformRandomProvider rng) {
        return of(config, features, env, rng, MetricSink.NONE);
    }

    /** As {@link #of(LinearConfig, FeatureMap, Environment, UniformRandomProvider)}, publishing into {@code metrics}. */
    public static LinearQAgent of(LinearConfig config, FeatureMap features, Environment env,
            UniformRandomProvider rng, MetricSink metrics) {
        return new LinearQAgent(config, features, env.actionCount(), rng, metrics);
    }

    @Override
    public int start(Environment env) {
        activeCount = features.encode(env, active);
        actionValues(active, activeCount);
        action = choose();
        return action;
    }

    @Override
    public int step(double reward, Environment env) {
        steps++;
        int nextCount = features.encode(env, nextActive);
        actionValues(nextActive, nextCount); // q(s', .) before the update
        boolean sarsa = config.rule() == TdRule.SARSA;
        // Sarsa's target needs A', so it is chosen first; the others choose after the update
        int nextAction = sarsa ? choose() : -1;

        // semi-gradient TD: the target is treated as a constant
        double target = reward;
        if (!env.terminated()) {
            target += config.gamma() * switch (config.rule()) {
                case Q_LEARNING -> ActionSelection.max(qRow, 0, actions);
                case SARSA -> qRow[nextAction];
                case EXPECTED_SARSA -> config.exploration().expectedValue(qRow, 0, actions,
                        explorationParameter(), scratch);
                case DOUBLE_Q_LEARNING -> throw new IllegalStateException("tabular only");
            };
        }
        double current = value(action, active, activeCount);
        double delta = target - current;
        if (DivergedException.beyond(delta, config.divergenceBound())) {
            throw DivergedException.of(delta, config.divergenceBound(), steps, "TD error");
        }

        // loss 1/2 delta^2 has gradient -delta x(s) on the chosen action's weights
        int base = action * featureCount;
        for (int i = 0; i < activeCount; i++) {
            touched[i] = base + active[i];
            gradient[touched[i]] = -delta;
        }
        double rate = config.stepSize().rate(steps - 1, episodes, optimizer.updates(), 0) * rateScale;
        optimizer.update(w, gradient, touched, activeCount, rate);
        for (int i = 0; i < activeCount; i++) {
            gradient[touched[i]] = 0;
            if (DivergedException.beyond(w[touched[i]], config.divergenceBound())) {
                throw DivergedException.of(w[touched[i]], config.divergenceBound(), steps,
                        "weight w[a=" + action + ", f=" + active[i] + "]");
            }
        }
        metrics.add(tdMetric, Math.abs(delta));
        metrics.add(rateMetric, rate);
        metrics.add(maxQMetric, Math.abs(current));

        if (!sarsa) {
            // the next action is chosen from the updated values; plain SGD moved only this action's row
            if (optimizer.sparse()) {
                qRow[action] = value(action, nextActive, nextCount);
            } else {
                actionValues(nextActive, nextCount);
            }
            nextAction = choose();
        }
        System.arraycopy(nextActive, 0, active, 0, nextCount);
        activeCount = nextCount;
        action = nextAction;
        return nextAction;
    }

    @Override
    public void end(Environment env) {
        episodes++;
    }

    private double value(int a, int[] x, int n) {
        double sum = 0;
        int base = a * featureCount;
        for (int i = 0; i < n; i++) {
            sum += w[base + x[i]];
        }
        return sum;
    }

    private void actionValues(int[] x, int n) {
        for (int a = 0; a < actions; a++) {
            qRow[a] = value(a, x, n);
        }
    }

    /** An action for the values in {@link #qRow}, by the exploration policy. */
    private int choose() {
        return config.exploration().choose(qRow, 0, actions, explorationParameter(), scratch, rng);
    }

    private double explorationParameter() {
        return config.exploration().parameter().rate(steps, episodes, optimizer.updates(), 0);
    }

    @Override
    public int greedyAction(Environment env) {
        int n = features.encode(env, nextActive);
        actionValues(nextActive, n);
        return ActionSelection.greedy(qRow, 0, actions, rng);
    }

    /**
     * The mean squared TD error on held-out transitions, targets bootstrapped from the current
     * weights by the agent's rule (Sarsa's by its expectation under the current policy), as the
     * tabular agents measure it.
     */
    @Override
    public HeldOut holdOut(Environment env, int steps, UniformRandomProvider rng) {
        int[] buffer = new int[featureCount];
        var data = dev.lrlab.agents.heldout.RandomTransitions.record(env, steps, rng, e -> {
            int n = features.encode(e, buffer);
            return java.util.Arrays.copyOf(buffer, n);
        });
        double[] row = new double[actions];
        double[] work = new double[actions];
        return () -> {
            double sum = 0;
            for (int t = 0; t < data.size(); t++) {
                double target = data.rewards()[t];
                if (!data.terminal()[t]) {
                    int[] x2 = data.next().get(t);
                    for (int a = 0; a < actions; a++) {
                        row[a] = value(a, x2, x2.length);
                    }
                    target += config.gamma() * (config.rule() == TdRule.Q_LEARNING ? ActionSelection.max(row, 0, actions)
                            : config.exploration().expectedValue(row, 0, actions, explorationParameter(), work));
                }
                int[] x = data.states().get(t);
                double delta = target - value(data.actions()[t], x, x.length);
                sum += delta * delta;
            }
            return sum / data.size();
        };
    }

    @Override
    public String lossName() {
        return "mean squared TD error on held-out random-policy transitions";
    }

    /** q(s, a) for the environment's current observation. */
    public double value(Environment env, int a) {
        int n = features.encode(env, nextActive);
        return value(a, nextActive, n);
    }
}
