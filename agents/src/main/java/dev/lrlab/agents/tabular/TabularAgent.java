package dev.lrlab.agents.tabular;

import dev.lrlab.agents.Agent;
import dev.lrlab.agents.AgentDiagnostics;
import dev.lrlab.agents.DiagnosticsAccumulator;
import dev.lrlab.agents.DivergedException;
import dev.lrlab.agents.explore.ActionSelection;
import dev.lrlab.agents.explore.Exploration;
import dev.lrlab.agents.schedule.Clock;
import dev.lrlab.agents.schedule.ReduceOnPlateau;
import dev.lrlab.env.Environment;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Tabular Q-learning, Sarsa, Expected Sarsa and Double Q-learning (Sutton &amp; Barto chapter 6),
 * with epsilon-greedy or softmax exploration. The update rule is {@link #step(double, Environment)};
 * it bootstraps past a truncation but not past a termination.
 */
public final class TabularAgent implements Agent {

    private final TabularConfig config;
    private final UniformRandomProvider rng;
    private final int actions;
    private final double[] q;
    /** Double Q-learning's second table; the behaviour policy then acts on q + q2. */
    private final double[] q2;
    private final double[] behaviour;
    private final int[] visits;
    private final double[] scratch;
    private final DiagnosticsAccumulator diagnostics = new DiagnosticsAccumulator();

    private int state;
    private int action;
    private long steps;
    private long episodes;
    private long updates;

    private TabularAgent(TabularConfig config, int states, int actions, UniformRandomProvider rng) {
        this.config = config;
        this.rng = rng;
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
    }

    /** An agent for {@code env}'s discrete states and actions, drawing from its own generator. */
    public static TabularAgent of(TabularConfig config, Environment env, UniformRandomProvider rng) {
        if (!env.observationSpace().isDiscrete()) {
            throw new IllegalArgumentException(env.id() + " has no discrete states for a tabular agent");
        }
        return new TabularAgent(config, env.observationSpace().stateCount(), env.actionCount(), rng);
    }

    @Override
    public int start(Environment env) {
        state = env.state();
        action = explore(state);
        return action;
    }

    @Override
    public int step(double reward, Environment env) {
        steps++;
        int next = env.state();
        int nextAction = explore(next);
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
                case EXPECTED_SARSA -> ActionSelection.expectedValue(config.exploration(),
                        explorationParameter(), q, row, actions, scratch);
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
        diagnostics.tdError(delta);
        diagnostics.update(alpha, Math.abs(change));

        state = next;
        action = nextAction;
        return nextAction;
    }

    @Override
    public void end(Environment env) {
        episodes++;
    }

    private int explore(int s) {
        double parameter = explorationParameter();
        int row = s * actions;
        return config.exploration() instanceof Exploration.Softmax
                ? ActionSelection.softmax(behaviour, row, actions, parameter, scratch, rng)
                : ActionSelection.epsilonGreedy(behaviour, row, actions, parameter, rng);
    }

    private double explorationParameter() {
        return config.exploration().parameter().rate(steps, episodes, updates, 0);
    }

    @Override
    public int greedyAction(Environment env) {
        return ActionSelection.greedy(behaviour, env.state() * actions, actions, rng);
    }

    @Override
    public AgentDiagnostics takeDiagnostics() {
        return diagnostics.take(null);
    }

    @Override
    public void observeMetric(double metric) {
        if (config.stepSize().schedule() instanceof ReduceOnPlateau plateau) {
            plateau.observe(metric);
        }
    }

    /** Q(s, a) (for Double Q-learning, the mean of the two tables). */
    public double value(int s, int a) {
        int i = s * actions + a;
        return q2 == null ? q[i] : (q[i] + q2[i]) / 2;
    }

    /** The greedy action in every state (lowest index among ties, so drawings are stable). */
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

    /** max_a Q(s, a) for every state. */
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
