package dev.lrlab.agents.linear;

import dev.lrlab.agents.Agent;
import dev.lrlab.agents.AgentDiagnostics;
import dev.lrlab.agents.DiagnosticsAccumulator;
import dev.lrlab.agents.DivergedException;
import dev.lrlab.agents.explore.ActionSelection;
import dev.lrlab.agents.explore.Exploration;
import dev.lrlab.agents.features.FeatureMap;
import dev.lrlab.agents.optim.Optimizer;
import dev.lrlab.agents.optim.StepSizeStats;
import dev.lrlab.agents.schedule.ReduceOnPlateau;
import dev.lrlab.env.Environment;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Semi-gradient Q-learning, Sarsa and Expected Sarsa with {@code q(s, a) = w_a . x(s)} over binary
 * features (Sutton &amp; Barto section 10.1). The gradient of the squared TD error goes through
 * an {@link Optimizer}, so Adam or RMSprop can drive it; with SGD the update is the book's
 * {@code w_a += alpha delta x(s)}.
 */
public final class LinearQAgent implements Agent {

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
    private final double[] stepSizeScratch;
    private final int[] active;
    private final int[] nextActive;
    private final int[] touched;
    private final DiagnosticsAccumulator diagnostics = new DiagnosticsAccumulator();

    private int activeCount;
    private int action;
    private long steps;
    private long episodes;

    private LinearQAgent(LinearConfig config, FeatureMap features, int actions, UniformRandomProvider rng) {
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
        this.stepSizeScratch = new double[w.length];
        this.active = new int[featureCount];
        this.nextActive = new int[featureCount];
        this.touched = new int[featureCount];
    }

    public static LinearQAgent of(LinearConfig config, FeatureMap features, Environment env,
            UniformRandomProvider rng) {
        return new LinearQAgent(config, features, env.actionCount(), rng);
    }

    @Override
    public int start(Environment env) {
        activeCount = features.encode(env, active);
        action = explore(active, activeCount);
        return action;
    }

    @Override
    public int step(double reward, Environment env) {
        steps++;
        int nextCount = features.encode(env, nextActive);
        int nextAction = explore(nextActive, nextCount); // also leaves q(s', .) in qRow

        // semi-gradient TD: the target is treated as a constant
        double target = reward;
        if (!env.terminated()) {
            target += config.gamma() * switch (config.rule()) {
                case Q_LEARNING -> ActionSelection.max(qRow, 0, actions);
                case SARSA -> qRow[nextAction];
                case EXPECTED_SARSA -> ActionSelection.expectedValue(config.exploration(),
                        explorationParameter(), qRow, 0, actions, scratch);
                case DOUBLE_Q_LEARNING -> throw new IllegalStateException("tabular only");
            };
        }
        double delta = target - value(action, active, activeCount);
        if (DivergedException.beyond(delta, config.divergenceBound())) {
            throw DivergedException.of(delta, config.divergenceBound(), steps, "TD error");
        }

        // loss 1/2 delta^2 has gradient -delta x(s) on the chosen action's weights
        int base = action * featureCount;
        for (int i = 0; i < activeCount; i++) {
            touched[i] = base + active[i];
            gradient[touched[i]] = -delta;
        }
        double rate = config.stepSize().rate(steps - 1, episodes, optimizer.updates(), 0);
        optimizer.update(w, gradient, touched, activeCount, rate);
        for (int i = 0; i < activeCount; i++) {
            gradient[touched[i]] = 0;
            if (DivergedException.beyond(w[touched[i]], config.divergenceBound())) {
                throw DivergedException.of(w[touched[i]], config.divergenceBound(), steps,
                        "weight w[a=" + action + ", f=" + active[i] + "]");
            }
        }
        diagnostics.tdError(delta);
        diagnostics.update(rate, optimizer.lastUpdateNorm());

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

    private int explore(int[] x, int n) {
        actionValues(x, n);
        double parameter = explorationParameter();
        return config.exploration() instanceof Exploration.Softmax
                ? ActionSelection.softmax(qRow, 0, actions, parameter, scratch, rng)
                : ActionSelection.epsilonGreedy(qRow, 0, actions, parameter, rng);
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

    @Override
    public AgentDiagnostics takeDiagnostics() {
        return diagnostics.take(optimizer.updates() == 0 ? null : StepSizeStats.of(optimizer, stepSizeScratch));
    }

    @Override
    public void observeMetric(double metric) {
        if (config.stepSize().schedule() instanceof ReduceOnPlateau plateau) {
            plateau.observe(metric);
        }
    }

    /** q(s, a) for the environment's current observation. */
    public double value(Environment env, int a) {
        int n = features.encode(env, nextActive);
        return value(a, nextActive, n);
    }
}
