package dev.lrlab.agents.neuralpolicy;

import dev.lrlab.agents.DivergedException;
import dev.lrlab.agents.LockStepAgent;
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
 * The policy-gradient methods that learn from rollouts, with a {@link PolicyValueNetwork}:
 *
 * <ul>
 * <li>PPO (CleanRL's {@code ppo.py}): {@code copies} environments stepped together for
 * {@code rollout-steps} steps, generalised advantage estimation, then {@code epochs} passes over the
 * rollout in shuffled minibatches of the clipped surrogate ({@link PolicyLosses}), advantages
 * normalised per minibatch, the global gradient norm clipped.
 * <li>A2C (Mnih et al. 2016, synchronous, as Stable-Baselines3): the same rollouts, n-step returns
 * (lambda 1), one step of the plain policy gradient per rollout.
 * <li>REINFORCE, with or without a learned baseline: one whole episode per rollout, Monte Carlo
 * returns (minus V(s) with the baseline), one step per episode.
 * </ul>
 *
 * <p>The step size, PPO's clip coefficient and the entropy coefficient are schedules; their clock's
 * {@code updates} counts optimizer steps (minibatches). Deliberate differences from CleanRL: an
 * episode cut by a time limit bootstraps from the value of its last observation (CleanRL treats it as
 * terminal); the learning rate anneals per optimizer step rather than per rollout.
 *
 * <p>Metrics (per optimizer step): {@code policy_loss}, {@code value_loss}, {@code policy_entropy},
 * {@code approx_kl} and {@code clip_fraction} (PPO), {@code grad_norm} (before clipping),
 * {@code step_size}; per rollout {@code explained_variance} of the value targets; per layer the
 * optimizer's effective step sizes and update sizes.
 */
public final class RolloutAgent implements LockStepAgent {

    /** Which method. */
    public enum Algorithm {
        PPO, A2C, REINFORCE
    }

    /**
     * Settings of a rollout agent.
     *
     * @param algorithm which method
     * @param copies environments stepped together (1 for REINFORCE)
     * @param rolloutSteps steps per copy between updates; 0: whole episodes (REINFORCE)
     * @param gamma discount
     * @param gaeLambda GAE's lambda (1: n-step and Monte Carlo returns)
     * @param epochs passes over each rollout
     * @param minibatches minibatches per pass
     * @param normalizeAdvantages whether advantages are normalised per minibatch
     * @param clip PPO's clip coefficient
     * @param clipValues whether PPO clips the value error too
     * @param entropyCoefficient the entropy bonus's weight
     * @param valueCoefficient the value loss's weight
     * @param baseline whether advantages subtract V(s) (always, but for plain REINFORCE)
     * @param maxGradNorm the global gradient norm is clipped to this (infinite: no clipping)
     * @param stepSize the rate and its clock
     * @param optimizer how gradients become steps
     * @param divergenceBound |V| beyond this, or a non-finite loss, ends the trial as diverged
     */
    public record Config(Algorithm algorithm, int copies, int rolloutSteps, double gamma, double gaeLambda, int epochs,
            int minibatches, boolean normalizeAdvantages, ClockedSchedule clip, boolean clipValues,
            ClockedSchedule entropyCoefficient, double valueCoefficient, boolean baseline, double maxGradNorm,
            ClockedSchedule stepSize, OptimizerBlueprint optimizer, double divergenceBound) {

        public Config {
            if (copies < 1 || rolloutSteps < 0 || epochs < 1 || minibatches < 1) {
                throw new IllegalArgumentException("copies, epochs and minibatches must be positive");
            }
            if (rolloutSteps > 0 && (rolloutSteps * copies) % minibatches != 0) {
                throw new IllegalArgumentException("a rollout of " + rolloutSteps * copies
                        + " steps does not split into " + minibatches + " equal minibatches");
            }
            if (rolloutSteps == 0 && (copies != 1 || minibatches != 1)) {
                throw new IllegalArgumentException("whole-episode rollouts take one copy and one minibatch");
            }
        }

        /** Examples per minibatch (0 for whole episodes, whose length varies). */
        public int minibatchSize() {
            return rolloutSteps * copies / minibatches;
        }
    }

    /** Examples one forward pass takes when a minibatch is larger. */
    private static final int CHUNK = 256;

    private final Config config;
    private final PolicyValueNetwork net;
    private final UniformRandomProvider rng;
    private final int actions;
    private final int features;
    private final int copies;
    private final List<Layer> layers;
    private final Optimizer[] optimizers;
    private final PolicyLosses.Kind kind;
    private final int[] active;
    private final float[] current;
    private final float[] single;
    private final float[] bootstrap;
    private final double[] logp;
    private final double[] pi;
    private final float[][] accumulated;
    private final PolicyLosses.Parts parts = new PolicyLosses.Parts();
    private final Environment[] one = new Environment[1];
    private final int[] oneAction = new int[1];
    // the rollout, step-major: example (s, copy) at s * copies + copy
    private int capacity;
    private float[] obs;
    private int[] taken;
    private float[] logProb;
    private float[] values;
    private float[] rewards;
    private boolean[] ended;
    private float[] advantages;
    private float[] targets;
    private int[] order;
    // one minibatch, gathered
    private int[] mbActions;
    private float[] mbLogProb;
    private float[] mbAdvantages;
    private float[] mbTargets;
    private float[] mbValues;
    private final float[] mbObs;
    private final float[] outputGradient;
    private final MetricSink metrics;
    private final int policyLossMetric;
    private final int valueLossMetric;
    private final int entropyMetric;
    private final int klMetric;
    private final int clipMetric;
    private final int gradMetric;
    private final int rateMetric;
    private final int varianceMetric;

    private int t;
    private long steps;
    private long episodes;
    private long updates;

    private RolloutAgent(Config config, PolicyValueNetwork net, Environment env, UniformRandomProvider rng,
            MetricSink metrics) {
        this.config = config;
        this.net = net;
        this.rng = rng;
        this.actions = env.actionCount();
        this.features = env.observationSpace().featureCount();
        this.copies = config.copies();
        this.kind = config.algorithm() == Algorithm.PPO ? PolicyLosses.Kind.PPO : PolicyLosses.Kind.POLICY_GRADIENT;
        this.layers = net.learnable();
        this.optimizers = net.optimizers(config.optimizer(), metrics);
        this.accumulated = new float[layers.size()][];
        for (int k = 0; k < layers.size(); k++) {
            accumulated[k] = new float[layers.get(k).parameters().length];
        }
        this.active = new int[features];
        this.current = new float[copies * features];
        this.single = new float[features];
        this.bootstrap = new float[copies];
        this.logp = new double[actions];
        this.pi = new double[actions];
        int chunk = Math.min(net.maxBatch(), CHUNK);
        this.mbObs = new float[Math.max(chunk, copies) * features];
        this.outputGradient = new float[Math.max(chunk, copies) * net.stride()];
        grow(config.rolloutSteps() > 0 ? config.rolloutSteps() * copies : 1024);
        this.metrics = metrics;
        this.policyLossMetric = metrics.register("policy_loss", Reduction.MEAN);
        this.valueLossMetric = metrics.register("value_loss", Reduction.MEAN);
        this.entropyMetric = metrics.register("policy_entropy", Reduction.MEAN);
        this.klMetric = kind == PolicyLosses.Kind.PPO ? metrics.register("approx_kl", Reduction.MEAN) : -1;
        this.clipMetric = kind == PolicyLosses.Kind.PPO ? metrics.register("clip_fraction", Reduction.MEAN) : -1;
        this.gradMetric = metrics.register("grad_norm", Reduction.MEAN);
        this.rateMetric = metrics.register("step_size", Reduction.MEAN);
        this.varianceMetric = config.baseline() ? metrics.register("explained_variance", Reduction.MEAN) : -1;
    }

    /** A fresh agent with the network {@code net} in {@code env} (one of its copies). */
    public static RolloutAgent of(Config config, PolicyValueNetwork net, Environment env, UniformRandomProvider rng,
            MetricSink metrics) {
        net.checkActions(env);
        return new RolloutAgent(config, net, env, rng, metrics);
    }

    /** The batch a policy network of this config needs: the copies acting, and a minibatch (or a chunk of one). */
    public static int maxBatch(Config config) {
        int minibatch = config.rolloutSteps() == 0 ? CHUNK : Math.min(config.minibatchSize(), CHUNK);
        return Math.max(config.copies(), minibatch);
    }

    private void grow(int examples) {
        capacity = examples;
        obs = obs == null ? new float[examples * features] : java.util.Arrays.copyOf(obs, examples * features);
        taken = taken == null ? new int[examples] : java.util.Arrays.copyOf(taken, examples);
        logProb = copy(logProb, examples);
        values = copy(values, examples);
        rewards = copy(rewards, examples);
        ended = ended == null ? new boolean[examples] : java.util.Arrays.copyOf(ended, examples);
        advantages = copy(advantages, examples);
        targets = copy(targets, examples);
        order = new int[examples];
        int minibatch = config.rolloutSteps() == 0 ? examples : config.minibatchSize();
        mbActions = new int[minibatch];
        mbLogProb = new float[minibatch];
        mbAdvantages = new float[minibatch];
        mbTargets = new float[minibatch];
        mbValues = new float[minibatch];
    }

    private static float[] copy(float[] a, int n) {
        return a == null ? new float[n] : java.util.Arrays.copyOf(a, n);
    }

    @Override
    public int copies() {
        return copies;
    }

    @Override
    public void act(Environment[] envs, int[] chosen) {
        if (config.rolloutSteps() > 0 && t == config.rolloutSteps()) {
            encode(envs);
            float[] y = net.forward(current, copies);
            for (int i = 0; i < copies; i++) {
                bootstrap[i] = y[i * net.stride() + actions];
            }
            learn();
        }
        encode(envs);
        float[] y = net.forward(current, copies);
        if ((t + 1) * copies > capacity) {
            grow(capacity * 2); // whole episodes only: a rollout of fixed length never grows
        }
        for (int i = 0; i < copies; i++) {
            int row = i * net.stride();
            float v = y[row + actions];
            if (!Float.isFinite(v) || DivergedException.beyond(v, config.divergenceBound())) {
                throw DivergedException.of(v, config.divergenceBound(), steps, "|V|");
            }
            Categorical.logProbabilities(y, row, actions, logp);
            for (int a = 0; a < actions; a++) {
                pi[a] = Math.exp(logp[a]);
            }
            int a = Categorical.sample(pi, actions, rng);
            int slot = t * copies + i;
            System.arraycopy(current, i * features, obs, slot * features, features);
            taken[slot] = a;
            logProb[slot] = (float) logp[a];
            values[slot] = v;
            chosen[i] = a;
        }
        t++;
    }

    private void encode(Environment[] envs) {
        for (int i = 0; i < copies; i++) {
            Observations.encode(envs[i], active, current, i * features, features);
        }
    }

    @Override
    public void observe(int copy, double reward, Environment env) {
        int slot = (t - 1) * copies + copy;
        double r = reward;
        if (env.truncated() && !env.terminated() && config.baseline()) {
            Observations.encode(env, active, single, 0, features);
            r += config.gamma() * net.forward(single, 1)[actions];
        }
        rewards[slot] = (float) r;
        ended[slot] = env.episodeOver();
        steps++;
        if (env.episodeOver()) {
            episodes++;
            if (config.rolloutSteps() == 0) {
                learn();
            }
        }
    }

    @Override
    public int start(Environment env) {
        singleCopy();
        one[0] = env;
        act(one, oneAction);
        return oneAction[0];
    }

    @Override
    public int step(double reward, Environment env) {
        singleCopy();
        observe(0, reward, env);
        if (env.episodeOver()) {
            return 0;
        }
        one[0] = env;
        act(one, oneAction);
        return oneAction[0];
    }

    private void singleCopy() {
        if (copies != 1) {
            throw new IllegalStateException(config.algorithm() + " with " + copies + " copies acts in all of them at "
                    + "once; it runs in the runner's lock-step loop, not one episode at a time");
        }
    }

    /** Advantages and value targets of the rollout (GAE), then the epochs of minibatch steps. */
    private void learn() {
        int n = t * copies;
        if (config.baseline()) {
            if (config.rolloutSteps() == 0) {
                bootstrap[0] = 0; // a whole episode: nothing follows its last step
            }
            Advantages.gae(rewards, values, ended, bootstrap, t, copies, config.gamma(), config.gaeLambda(), advantages,
                    targets);
        } else {
            Advantages.monteCarlo(rewards, ended, t, copies, config.gamma(), advantages, targets);
        }
        double explained = config.baseline() ? explainedVariance(n) : Double.NaN;
        if (!Double.isNaN(explained)) {
            metrics.add(varianceMetric, explained);
        }
        int minibatch = config.rolloutSteps() == 0 ? n : config.minibatchSize();
        for (int e = 0; e < n; e++) {
            order[e] = e;
        }
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            if (config.algorithm() == Algorithm.PPO) {
                shuffle(n);
            }
            for (int from = 0; from < n; from += minibatch) {
                step(from, minibatch);
            }
        }
        t = 0;
    }

    /**
     * One more pass over the rollout held now, in shuffled minibatches, as during learning (for
     * benchmarks: a rollout must have been collected, and its advantages are those of the last
     * update).
     */
    public void epoch() {
        int n = Math.max(t, 1) * copies;
        int minibatch = config.rolloutSteps() == 0 ? n : config.minibatchSize();
        shuffle(n);
        for (int from = 0; from + minibatch <= n; from += minibatch) {
            step(from, minibatch);
        }
    }

    private void shuffle(int n) {
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }

    /** One optimizer step on the minibatch {@code order[from .. from + m)}, a chunk of examples at a time. */
    private void step(int from, int m) {
        for (int j = 0; j < m; j++) {
            int e = order[from + j];
            mbActions[j] = taken[e];
            mbLogProb[j] = logProb[e];
            mbAdvantages[j] = advantages[e];
            mbTargets[j] = targets[e];
            mbValues[j] = values[e];
        }
        if (config.normalizeAdvantages() && m > 1) {
            PolicyLosses.normalize(mbAdvantages, m);
        }
        double rate = config.stepSize().rate(steps, episodes, updates, 0);
        double clip = config.clip().rate(steps, episodes, updates, 0);
        double entropyCoefficient = config.entropyCoefficient().rate(steps, episodes, updates, 0);
        double valueCoefficient = config.baseline() ? config.valueCoefficient() : 0;
        parts.clear();
        int chunk = Math.min(net.maxBatch(), CHUNK);
        boolean chunked = m > chunk;
        for (int at = 0; at < m; at += chunk) {
            int n = Math.min(chunk, m - at);
            for (int j = 0; j < n; j++) {
                System.arraycopy(obs, order[from + at + j] * features, mbObs, j * features, features);
            }
            float[] y = net.forward(mbObs, n);
            PolicyLosses.evaluate(kind, y, actions, mbActions, mbLogProb, mbAdvantages, mbTargets, mbValues, at, n, m,
                    clip, config.clipValues(), entropyCoefficient, valueCoefficient, logp, outputGradient, parts);
            net.backward(outputGradient, n);
            if (chunked) {
                for (int k = 0; k < layers.size(); k++) {
                    float[] g = layers.get(k).gradients();
                    float[] sum = accumulated[k];
                    if (at == 0) {
                        System.arraycopy(g, 0, sum, 0, g.length);
                    } else {
                        for (int i = 0; i < g.length; i++) {
                            sum[i] += g[i];
                        }
                    }
                }
            }
        }
        if (chunked) {
            for (int k = 0; k < layers.size(); k++) {
                System.arraycopy(accumulated[k], 0, layers.get(k).gradients(), 0, accumulated[k].length);
            }
        }
        double loss = parts.total(entropyCoefficient, valueCoefficient);
        if (!Double.isFinite(loss)) {
            throw DivergedException.of(loss, config.divergenceBound(), steps, "loss");
        }
        double norm = Double.isInfinite(config.maxGradNorm()) ? net.gradientNorm()
                : net.clipGradientNorm(config.maxGradNorm());
        for (int k = 0; k < layers.size(); k++) {
            optimizers[k].update(layers.get(k).parameters(), layers.get(k).gradients(), rate);
        }
        updates++;
        metrics.add(policyLossMetric, parts.policy);
        metrics.add(valueLossMetric, parts.value);
        metrics.add(entropyMetric, parts.entropy);
        if (kind == PolicyLosses.Kind.PPO) {
            metrics.add(klMetric, parts.approxKl);
            metrics.add(clipMetric, parts.clipFraction);
        }
        metrics.add(gradMetric, norm);
        metrics.add(rateMetric, rate);
    }

    /** {@code 1 - Var(targets - values) / Var(targets)} over the rollout (NaN when the targets do not vary). */
    private double explainedVariance(int n) {
        double mt = 0;
        double md = 0;
        for (int e = 0; e < n; e++) {
            mt += targets[e];
            md += targets[e] - values[e];
        }
        mt /= n;
        md /= n;
        double vt = 0;
        double vd = 0;
        for (int e = 0; e < n; e++) {
            double a = targets[e] - mt;
            double b = targets[e] - values[e] - md;
            vt += a * a;
            vd += b * b;
        }
        return vt == 0 ? Double.NaN : 1 - vd / vt;
    }

    @Override
    public int greedyAction(Environment env) {
        Observations.encode(env, active, single, 0, features);
        return Categorical.argMax(net.forward(single, 1), 0, actions);
    }

    /** The network (for tests and tools). */
    public PolicyValueNetwork network() {
        return net;
    }

    /** Optimizer steps so far. */
    public long updates() {
        return updates;
    }
}
