package dev.lrlab.agents.neuralpolicy;

import dev.lrlab.agents.Agent;
import dev.lrlab.agents.DivergedException;
import dev.lrlab.agents.nn.Layer;
import dev.lrlab.agents.optim.Optimizer;
import dev.lrlab.agents.optim.OptimizerBlueprint;
import dev.lrlab.agents.schedule.ClockedSchedule;
import dev.lrlab.env.Environment;
import dev.lrlab.env.metrics.MetricSink;
import dev.lrlab.env.metrics.Reduction;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Online actor-critic with eligibility traces, AC(lambda), as MinAtar's {@code AC_lambda.py} runs
 * it: one network gives the policy pi (softmax) and the value V; after every step one trace
 * {@code z = gamma lambda z + grad(V(s) + w log(pi(a|s) + c))} (w = 1/2, c = 1e-4) carries both the
 * critic's and the actor's eligibility, and the parameters move along
 * {@code delta z + beta grad H(s')}, with {@code delta = r + gamma V(s') - V(s)} and H the entropy
 * {@code -sum pi log(pi + c)}; traces are cleared between episodes.
 *
 * <p>MinAtar's order is kept: at each step the next action is drawn, and the gradients at
 * (s', a') taken, with the parameters before the update; V(s) is re-evaluated with them too. The
 * update goes through an {@link Optimizer} fed with the negated ascent direction: SGD is MinAtar's
 * {@code AC_lambda.py}; the default, RMSprop with rho 0.999, eps 1e-4 inside the root and
 * debiasing, is the form of its step-size study. Deliberate differences: the debiasing counts
 * this optimizer's updates (MinAtar counts frames, one more at the first update); a time-limit
 * truncation bootstraps from V(s') (MinAtar has no time limits).
 *
 * <p>Metrics: {@code policy_entropy}, {@code abs_td_error}, {@code max_abs_value}, {@code step_size},
 * and per layer the optimizer's effective step sizes and update sizes.
 */
public final class ActorCriticLambdaAgent implements Agent {

    /**
     * Settings of AC(lambda).
     *
     * @param gamma discount
     * @param lambda trace decay
     * @param entropyCoefficient beta, the weight of the entropy's gradient in each update
     * @param policyWeight w, the weight of {@code log pi} against V in the trace
     * @param logFloor c, added to probabilities inside logarithms
     * @param stepSize the rate and its clock
     * @param optimizer how the update direction becomes a step
     * @param divergenceBound |V| or |delta| beyond this ends the trial as diverged
     */
    public record Config(double gamma, double lambda, double entropyCoefficient, double policyWeight, double logFloor,
            ClockedSchedule stepSize, OptimizerBlueprint optimizer, double divergenceBound) {
    }

    private final Config config;
    private final PolicyValueNetwork net;
    private final UniformRandomProvider rng;
    private final int actions;
    private final int features;
    private final List<Layer> layers;
    private final Optimizer[] optimizers;
    private final float[][] traces;
    private final float[][] potentialGradients;
    private final float[][] direction;
    private final int[] active;
    private final float[] input;
    private final float[] lastInput;
    private final float[] outputGradient;
    private final double[] pi;
    private final MetricSink metrics;
    private final int entropyMetric;
    private final int tdMetric;
    private final int valueMetric;
    private final int rateMetric;

    private int action;
    private long steps;
    private long episodes;
    private long updates;

    private ActorCriticLambdaAgent(Config config, PolicyValueNetwork net, Environment env, UniformRandomProvider rng,
            MetricSink metrics) {
        this.config = config;
        this.net = net;
        this.rng = rng;
        this.actions = env.actionCount();
        this.features = env.observationSpace().featureCount();
        this.layers = net.learnable();
        this.optimizers = net.optimizers(config.optimizer(), metrics);
        this.traces = new float[layers.size()][];
        this.potentialGradients = new float[layers.size()][];
        this.direction = new float[layers.size()][];
        for (int k = 0; k < layers.size(); k++) {
            int n = layers.get(k).parameters().length;
            traces[k] = new float[n];
            potentialGradients[k] = new float[n];
            direction[k] = new float[n];
        }
        this.active = new int[features];
        this.input = new float[features];
        this.lastInput = new float[features];
        this.outputGradient = new float[net.stride()];
        this.pi = new double[actions];
        this.metrics = metrics;
        this.entropyMetric = metrics.register("policy_entropy", Reduction.MEAN);
        this.tdMetric = metrics.register("abs_td_error", Reduction.MEAN);
        this.valueMetric = metrics.register("max_abs_value", Reduction.MAX);
        this.rateMetric = metrics.register("step_size", Reduction.MEAN);
    }

    /** A fresh agent with the network {@code net} (batch 1) in {@code env}. */
    public static ActorCriticLambdaAgent of(Config config, PolicyValueNetwork net, Environment env,
            UniformRandomProvider rng, MetricSink metrics) {
        net.checkActions(env);
        return new ActorCriticLambdaAgent(config, net, env, rng, metrics);
    }

    @Override
    public int start(Environment env) {
        for (float[] z : traces) {
            java.util.Arrays.fill(z, 0f);
        }
        Observations.encode(env, active, input, 0, features);
        float[] y = net.forward(input, 1);
        action = draw(y);
        takePotentialGradients(y);
        addToTraces();
        return action;
    }

    @Override
    public int step(double reward, Environment env) {
        steps++;
        System.arraycopy(input, 0, lastInput, 0, features);
        Observations.encode(env, active, input, 0, features);
        double lastValue = net.forward(lastInput, 1)[actions];
        float[] y = net.forward(input, 1);
        double value = y[actions];
        boolean over = env.episodeOver();
        if (!over) {
            action = draw(y);
        }
        double delta = reward + (env.terminated() ? 0 : config.gamma() * value) - lastValue;
        if (!Double.isFinite(delta) || DivergedException.beyond(delta, config.divergenceBound())
                || DivergedException.beyond(value, config.divergenceBound())) {
            throw DivergedException.of(Double.isFinite(delta) ? Math.max(Math.abs(delta), Math.abs(value)) : delta,
                    config.divergenceBound(), steps, "|V| or TD error");
        }
        if (!over) {
            takePotentialGradients(y); // at (s', a'), before the update, as MinAtar
        }
        update(y, delta);
        if (!over) {
            addToTraces();
        }
        metrics.add(tdMetric, Math.abs(delta));
        metrics.add(valueMetric, Math.abs(value));
        return action;
    }

    @Override
    public void end(Environment env) {
        episodes++;
    }

    /** Draws an action from the policy of the output row {@code y} (and records its entropy). */
    private int draw(float[] y) {
        Categorical.probabilities(y, 0, actions, pi);
        double entropy = 0;
        for (int a = 0; a < actions; a++) {
            entropy -= pi[a] * Math.log(pi[a] + config.logFloor());
        }
        metrics.add(entropyMetric, entropy);
        return Categorical.sample(pi, actions, rng);
    }

    /** grad(V + w log(pi(a) + c)) at the last forward, into {@code potentialGradients}; pi is that forward's. */
    private void takePotentialGradients(float[] y) {
        double c = config.logFloor();
        double scale = config.policyWeight() / (pi[action] + c);
        // d log(pi_a + c) / d logit_j = pi_a (1[j = a] - pi_j) / (pi_a + c)
        for (int j = 0; j < actions; j++) {
            outputGradient[j] = (float) (scale * pi[action] * ((j == action ? 1 : 0) - pi[j]));
        }
        outputGradient[actions] = 1f;
        net.backward(outputGradient, 1);
        for (int k = 0; k < layers.size(); k++) {
            System.arraycopy(layers.get(k).gradients(), 0, potentialGradients[k], 0, potentialGradients[k].length);
        }
    }

    /** theta += rate (delta z + beta grad H(s')), through the optimizers (which step against what they are given). */
    private void update(float[] y, double delta) {
        double beta = config.entropyCoefficient();
        if (beta != 0) {
            // the entropy -sum pi log(pi + c) at the last forward: dH/dpi_i = -log(pi_i + c) - pi_i / (pi_i + c)
            Categorical.probabilities(y, 0, actions, pi);
            double c = config.logFloor();
            double mean = 0;
            for (int i = 0; i < actions; i++) {
                mean += pi[i] * (-Math.log(pi[i] + c) - pi[i] / (pi[i] + c));
            }
            for (int j = 0; j < actions; j++) {
                double h = -Math.log(pi[j] + c) - pi[j] / (pi[j] + c);
                outputGradient[j] = (float) (pi[j] * (h - mean));
            }
            outputGradient[actions] = 0f;
            net.backward(outputGradient, 1);
        }
        float d = (float) delta;
        float b = (float) beta;
        double rate = config.stepSize().rate(steps - 1, episodes, updates, 0);
        for (int k = 0; k < layers.size(); k++) {
            float[] z = traces[k];
            float[] g = layers.get(k).gradients();
            float[] u = direction[k];
            if (beta != 0) {
                for (int i = 0; i < u.length; i++) {
                    u[i] = -(z[i] * d + b * g[i]);
                }
            } else {
                for (int i = 0; i < u.length; i++) {
                    u[i] = -(z[i] * d);
                }
            }
            optimizers[k].update(layers.get(k).parameters(), u, rate);
        }
        updates++;
        metrics.add(rateMetric, rate);
    }

    private void addToTraces() {
        float decay = (float) (config.gamma() * config.lambda());
        for (int k = 0; k < layers.size(); k++) {
            float[] z = traces[k];
            float[] g = potentialGradients[k];
            for (int i = 0; i < z.length; i++) {
                z[i] = decay * z[i] + g[i];
            }
        }
    }

    @Override
    public int greedyAction(Environment env) {
        Observations.encode(env, active, lastInput, 0, features);
        return Categorical.argMax(net.forward(lastInput, 1), 0, actions);
    }

    /** The network (for tests and tools). */
    public PolicyValueNetwork network() {
        return net;
    }

    /** A layer's eligibility trace (for tests). */
    public float[] trace(int layer) {
        return traces[layer];
    }

    /** Updates made so far. */
    public long updates() {
        return updates;
    }
}
