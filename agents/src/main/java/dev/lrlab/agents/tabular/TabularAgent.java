package dev.lrlab.agents.tabular;

import dev.lrlab.agents.Agent;
import dev.lrlab.agents.DivergedException;
import dev.lrlab.agents.TabularValues;
import dev.lrlab.agents.explore.ActionSelection;
import dev.lrlab.agents.schedule.Clock;
import dev.lrlab.env.Environment;
import dev.lrlab.env.metrics.MeanBuffer;
import dev.lrlab.env.metrics.MetricSink;
import dev.lrlab.env.metrics.Reduction;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Tabular Q-learning, Sarsa, Expected Sarsa and Double Q-learning (Sutton &amp; Barto chapter 6),
 * with any {@link dev.lrlab.agents.explore.Exploration}. The update rule is
 * {@link #step(double, Environment)}; it bootstraps past a truncation but not past a termination.
 * Each step follows the book's boxes (6.5, 6.6, 6.7): Sarsa chooses A' before the update, because
 * its target needs it; the others choose the next action from the updated values.
 *
 * <p>Metrics: {@code abs_td_error}, {@code step_size}, {@code update_size} (|alpha delta|), and
 * at the end of each interval {@code max_abs_q} (the largest |Q(s, a)| in the table) and the
 * exploration parameter ({@code epsilon} or {@code temperature}).
 */
public final class TabularAgent implements Agent, TabularValues, dev.lrlab.agents.HeldOutLoss {

    private final TabularConfig config;
    private final UniformRandomProvider rng;
    private final int actions;
    private final double[] q;
    /** Double Q-learning's second table; the behaviour policy then acts on q + q2. */
    private final double[] q2;
    private final double[] behaviour;
    private final int[] visits;
    private final double[] scratch;
    // summed here and flushed at each episode's end: a sink call per value would cost ~10% of a step
    private final MeanBuffer tdMetric;
    private final MeanBuffer rateMetric;
    private final MeanBuffer updateMetric;

    private int state;
    private int action;
    private long steps;
    private long episodes;
    private long updates;

    private TabularAgent(TabularConfig config, int states, int actions, UniformRandomProvider rng,
            MetricSink metrics) {
        this.config = config;
        this.rng = rng;
        this.tdMetric = new MeanBuffer(metrics, "abs_td_error");
        this.rateMetric = new MeanBuffer(metrics, "step_size");
        this.updateMetric = new MeanBuffer(metrics, "update_size");
        int maxQMetric = metrics.register("max_abs_q", Reduction.LAST);
        int parameterMetric = metrics.register(config.exploration().parameterName(), Reduction.LAST);
        metrics.sampleAtIntervalEnd(() -> {
            flushMetrics();
            metrics.add(maxQMetric, largestAbsoluteValue());
            metrics.add(parameterMetric, explorationParameter());
        });
        this.actions = actions;
        this.q = new double[states * actions];
        Arrays.fill(q, config.initialValue());
        boolean twoTables = config.rule() == TdRule.DOUBLE_Q_LEARNING;
        this.q2 = twoTables ? q.clone() : null;
        this.behaviour = twoTables ? new double[q.length] : q;
        if (twoTables) {
            Arrays.fill(behaviour, 2 * config.initialValue());
        }
        this.visits = config.stepSize().clock() == Clock.VISITS ? new int[q.length] : null;
        this.scratch = new double[actions];
        config.exploration().prepare(states, actions);
    }

    /** An agent for {@code env}'s discrete states and actions, drawing from its own generator. */
    public static TabularAgent of(TabularConfig config, Environment env, UniformRandomProvider rng) {
        return of(config, env, rng, MetricSink.NONE);
    }

    /** As {@link #of(TabularConfig, Environment, UniformRandomProvider)}, publishing into {@code metrics}. */
    public static TabularAgent of(TabularConfig config, Environment env, UniformRandomProvider rng,
            MetricSink metrics) {
        if (!env.observationSpace().isDiscrete()) {
            throw new IllegalArgumentException(env.id() + " has no discrete states for a tabular agent");
        }
        return new TabularAgent(config, env.observationSpace().stateCount(), env.actionCount(), rng, metrics);
    }

    @Override
    public int start(Environment env) {
        state = env.state();
        action = explore(state);
        config.exploration().taken(state * actions, action);
        return action;
    }

    @Override
    public int step(double reward, Environment env) {
        steps++;
        int next = env.state();
        boolean sarsa = config.rule() == TdRule.SARSA;
        // Sarsa's target needs A', so it is chosen first; the others choose after the update
        int nextAction = sarsa ? explore(next) : -1;
        int sa = state * actions + action;
        double[] table = q;
        double[] other = q;
        if (q2 != null && rng.nextBoolean()) {
            table = q2;
            other = q;
        } else if (q2 != null) {
            other = q2;
        }

        // the TD target: no bootstrap from a terminal state, but bootstrap past a time limit
        double target = reward;
        if (!env.terminated()) {
            int row = next * actions;
            target += config.gamma() * switch (config.rule()) {
                case Q_LEARNING -> ActionSelection.max(q, row, actions);
                case SARSA -> q[row + nextAction];
                case EXPECTED_SARSA -> config.exploration().expectedValue(q, row, actions,
                        explorationParameter(), scratch);
                case DOUBLE_Q_LEARNING -> other[row + ActionSelection.greedy(table, row, actions, rng)];
            };
        }
        double alpha = config.stepSize().rate(steps - 1, episodes, updates,
                visits == null ? 0 : visits[sa]++);
        double delta = target - table[sa];
        double change = alpha * delta;
        table[sa] += change;
        if (q2 != null) {
            behaviour[sa] = q[sa] + q2[sa];
        }
        updates++;
        if (DivergedException.beyond(table[sa], config.divergenceBound())) {
            throw DivergedException.of(table[sa], config.divergenceBound(), steps,
                    "Q(s=" + state + ", a=" + action + ")");
        }
        tdMetric.add(Math.abs(delta));
        rateMetric.add(alpha);
        updateMetric.add(Math.abs(change));

        if (!sarsa) {
            nextAction = explore(next);
        }
        if (!env.episodeOver()) {
            config.exploration().taken(next * actions, nextAction);
        }
        state = next;
        action = nextAction;
        return nextAction;
    }

    @Override
    public void end(Environment env) {
        episodes++;
        flushMetrics();
    }

    private void flushMetrics() {
        tdMetric.flush();
        rateMetric.flush();
        updateMetric.flush();
    }

    private int explore(int s) {
        return config.exploration().choose(behaviour, s * actions, actions, explorationParameter(), scratch, rng);
    }

    private double explorationParameter() {
        return config.exploration().parameter().rate(steps, episodes, updates, 0);
    }

    @Override
    public int greedyAction(Environment env) {
        return ActionSelection.greedy(behaviour, env.state() * actions, actions, rng);
    }

    /** max |Q(s, a)| over the table (both tables for Double Q-learning). */
    private double largestAbsoluteValue() {
        double largest = 0;
        for (int i = 0; i < q.length; i++) {
            largest = Math.max(largest, Math.abs(q[i]));
            if (q2 != null) {
                largest = Math.max(largest, Math.abs(q2[i]));
            }
        }
        return largest;
    }

    /**
     * The mean squared TD error on held-out transitions, each target bootstrapped from the current
     * values by the agent's own rule (Sarsa's by its expectation under the current policy, since a
     * held-out transition has no A' of this agent's choosing; Double Q-learning's from the mean of
     * its tables): the Bellman residual of the values, which learning drives down and too large a
     * step size drives up.
     */
    @Override
    public HeldOut holdOut(Environment env, int steps, UniformRandomProvider rng) {
        var data = dev.lrlab.agents.heldout.RandomTransitions.record(env, steps, rng, Environment::state);
        double[] row = new double[actions];
        return () -> {
            double sum = 0;
            for (int t = 0; t < data.size(); t++) {
                double target = data.rewards()[t];
                if (!data.terminal()[t]) {
                    int s2 = data.next().get(t);
                    for (int a = 0; a < actions; a++) {
                        row[a] = value(s2, a);
                    }
                    target += config.gamma() * (config.rule() == TdRule.Q_LEARNING
                            || config.rule() == TdRule.DOUBLE_Q_LEARNING ? ActionSelection.max(row, 0, actions)
                            : config.exploration().expectedValue(row, 0, actions, explorationParameter(), scratch));
                }
                double delta = target - value(data.states().get(t), data.actions()[t]);
                sum += delta * delta;
            }
            return sum / data.size();
        };
    }

    @Override
    public String lossName() {
        return "mean squared TD error on held-out random-policy transitions";
    }

    /** Q(s, a) (for Double Q-learning, the mean of the two tables). */
    public double value(int s, int a) {
        int i = s * actions + a;
        return q2 == null ? q[i] : (q[i] + q2[i]) / 2;
    }

    @Override
    public int[] greedyPolicy() {
        int states = q.length / actions;
        int[] policy = new int[states];
        for (int s = 0; s < states; s++) {
            int best = 0;
            for (int a = 1; a < actions; a++) {
                if (value(s, a) > value(s, best)) {
                    best = a;
                }
            }
            policy[s] = best;
        }
        return policy;
    }

    @Override
    public double[] stateValues() {
        int states = q.length / actions;
        double[] values = new double[states];
        for (int s = 0; s < states; s++) {
            double best = value(s, 0);
            for (int a = 1; a < actions; a++) {
                best = Math.max(best, value(s, a));
            }
            values[s] = best;
        }
        return values;
    }
}
