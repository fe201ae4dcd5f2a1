package dev.lrlab.agents.dqn;

import dev.lrlab.agents.Agent;
import dev.lrlab.agents.DivergedException;
import dev.lrlab.agents.explore.ActionSelection;
import dev.lrlab.agents.nn.Layer;
import dev.lrlab.agents.nn.Network;
import dev.lrlab.agents.optim.Optimizer;
import dev.lrlab.env.Environment;
import dev.lrlab.env.metrics.MetricSink;
import dev.lrlab.env.metrics.Reduction;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Deep Q-learning (Mnih et al. 2015) as MinAtar runs it: experience replay, a target network
 * copied every {@code targetUpdate} steps, Huber loss on the chosen actions' values, uniformly
 * random actions until the replay holds {@code replayStart} transitions, then epsilon-greedy with
 * epsilon on a schedule whose step clock starts when learning does (MinAtar's
 * {@code t - REPLAY_START_SIZE}). Double DQN is an option.
 *
 * <p>Deliberate differences from MinAtar's dqn.py: batches are drawn with replacement (as
 * CleanRL's buffer; MinAtar's {@code random.sample} draws without), and a time-limit truncation
 * bootstraps (MinAtar has no time limits, so nothing changes there).
 *
 * <p>Metrics: {@code loss}, {@code abs_td_error}, {@code max_abs_q} (over the batch's chosen
 * actions), {@code grad_norm} (global, before clipping), {@code step_size}, the exploration
 * parameter, and per layer with parameters the optimizer's effective step sizes and update sizes
 * under the layer's name ({@code conv0_effective_step_size_p50}, {@code dense2_update_size}, ...).
 */
public final class DqnAgent implements Agent, dev.lrlab.agents.HeldOutLoss {

    private final DqnConfig config;
    private final UniformRandomProvider rng;
    private final int actions;
    private final int features;
    private final Network online;
    private final Network target;
    private final List<Layer> learnable = new ArrayList<>();
    private final Optimizer[] optimizers;
    private final ReplayBuffer replay;
    private final long[] observation;
    private final long[] nextObservation;
    private final int[] active;
    private final float[] one;
    private final float[] states;
    private final float[] nextStates;
    private final int[] batchIndex;
    private final int[] bestNext;
    private final float[] predicted;
    private final float[] targets;
    private final float[] lossGradient;
    private final float[] outputGradient;
    private final double[] qRow;
    private final double[] scratch;
    private final MetricSink metrics;
    private final int lossMetric;
    private final int tdMetric;
    private final int maxQMetric;
    private final int gradMetric;
    private final int rateMetric;

    private int action;
    private long steps;
    private long episodes;
    private long updates;

    private DqnAgent(DqnConfig config, Environment env, UniformRandomProvider rng, MetricSink metrics) {
        this.config = config;
        this.rng = rng;
        this.actions = env.actionCount();
        this.features = env.observationSpace().featureCount();
        int batch = config.batchSize();
        this.online = config.network().build(env.observationSpace(), actions, batch, rng);
        this.target = online.sameShape();
        for (int l = 0; l < online.layers().size(); l++) {
            if (online.layers().get(l).parameters().length > 0) {
                learnable.add(online.layers().get(l));
            }
        }
        this.optimizers = new Optimizer[learnable.size()];
        this.metrics = metrics;
        for (int k = 0; k < optimizers.length; k++) {
            Layer layer = learnable.get(k);
            optimizers[k] = config.optimizer().create(layer.parameters().length);
            optimizers[k].reserveFloat32(); // its state now, not at the first update
            String name = layer.describe().substring(0, layer.describe().indexOf(' '));
            optimizers[k].publishTo(metrics, name + online.layers().indexOf(layer) + "_");
        }
        this.replay = ReplayBuffer.of(config.replayCapacity(), features);
        this.observation = new long[replay.words()];
        this.nextObservation = new long[replay.words()];
        this.active = new int[features];
        this.one = new float[features];
        this.states = new float[batch * features];
        this.nextStates = new float[batch * features];
        this.batchIndex = new int[batch];
        this.bestNext = new int[batch];
        this.predicted = new float[batch];
        this.targets = new float[batch];
        this.lossGradient = new float[batch];
        this.outputGradient = new float[batch * actions];
        this.qRow = new double[actions];
        this.scratch = new double[actions];
        this.lossMetric = metrics.register("loss", Reduction.MEAN);
        this.tdMetric = metrics.register("abs_td_error", Reduction.MEAN);
        this.maxQMetric = metrics.register("max_abs_q", Reduction.MAX);
        this.gradMetric = metrics.register("grad_norm", Reduction.MEAN);
        this.rateMetric = metrics.register("step_size", Reduction.MEAN);
        int parameterMetric = metrics.register(config.exploration().parameterName(), Reduction.LAST);
        metrics.sampleAtIntervalEnd(() -> metrics.add(parameterMetric, explorationParameter()));
    }

    /** A fresh agent for {@code env}, its networks drawn from {@code rng}. */
    public static DqnAgent of(DqnConfig config, Environment env, UniformRandomProvider rng, MetricSink metrics) {
        return new DqnAgent(config, env, rng, metrics);
    }

    @Override
    public int start(Environment env) {
        ReplayBuffer.encode(active, env.activeFeatures(active), observation);
        action = choose(observation);
        return action;
    }

    @Override
    public int step(double reward, Environment env) {
        steps++;
        ReplayBuffer.encode(active, env.activeFeatures(active), nextObservation);
        replay.add(observation, action, reward, nextObservation, env.terminated());
        if (steps > config.replayStart() && steps % config.trainEvery() == 0) {
            learn();
        }
        if (steps % config.targetUpdate() == 0) {
            target.copyParametersFrom(online);
        }
        System.arraycopy(nextObservation, 0, observation, 0, observation.length);
        action = choose(observation);
        return action;
    }

    @Override
    public void end(Environment env) {
        episodes++;
    }

    /**
     * One update on a batch drawn from the replay, as during learning (for benchmarks and tools;
     * the replay must hold a transition).
     */
    public void learn() {
        int batch = config.batchSize();
        for (int b = 0; b < batch; b++) {
            int i = replay.sample(rng);
            batchIndex[b] = i;
            replay.decode(i, false, states, b * features, features);
            replay.decode(i, true, nextStates, b * features, features);
        }
        if (config.doubleDqn()) {
            float[] q = online.forward(nextStates, batch);
            for (int b = 0; b < batch; b++) {
                bestNext[b] = argMax(q, b * actions);
            }
        }
        float[] next = target.forward(nextStates, batch);
        for (int b = 0; b < batch; b++) {
            int i = batchIndex[b];
            double bootstrap = 0;
            if (!replay.terminal(i)) {
                int a = config.doubleDqn() ? bestNext[b] : argMax(next, b * actions);
                bootstrap = config.gamma() * next[b * actions + a];
            }
            targets[b] = (float) (replay.reward(i) + bootstrap);
        }
        float[] q = online.forward(states, batch);
        double maxQ = 0;
        double td = 0;
        for (int b = 0; b < batch; b++) {
            predicted[b] = q[b * actions + replay.action(batchIndex[b])];
            maxQ = Math.max(maxQ, Math.abs(predicted[b]));
            td += Math.abs(targets[b] - predicted[b]);
        }
        double loss = config.loss().evaluate(predicted, targets, batch, lossGradient);
        if (DivergedException.beyond(maxQ, config.divergenceBound()) || !Double.isFinite(loss)) {
            throw DivergedException.of(Double.isFinite(loss) ? maxQ : loss, config.divergenceBound(), steps,
                    Double.isFinite(loss) ? "|Q| of a replayed action" : "loss");
        }
        java.util.Arrays.fill(outputGradient, 0f);
        for (int b = 0; b < batch; b++) {
            outputGradient[b * actions + replay.action(batchIndex[b])] = lossGradient[b];
        }
        online.backward(outputGradient, batch);
        boolean clip = !Double.isInfinite(config.clipNorm());
        double gradNorm = clip ? online.clipGradientNorm(config.clipNorm()) : Double.NaN;
        double rate = config.stepSize().rate(steps - 1, episodes, updates, 0);
        double squared = 0;
        for (int k = 0; k < optimizers.length; k++) {
            optimizers[k].update(learnable.get(k).parameters(), learnable.get(k).gradients(), rate);
            squared += optimizers[k].lastGradientSquaredNorm();
        }
        if (!clip) {
            // the optimizers summed the gradient's squares as they read it (in the order and sums of
            // Network.gradientNorm: only learnable layers add to it); otherwise one more pass over it
            gradNorm = Double.isNaN(squared) ? online.gradientNorm() : Math.sqrt(squared);
        }
        updates++;
        metrics.add(lossMetric, loss);
        metrics.add(tdMetric, td / batch);
        metrics.add(maxQMetric, maxQ);
        metrics.add(gradMetric, gradNorm);
        metrics.add(rateMetric, rate);
    }

    private int argMax(float[] q, int at) {
        int best = 0;
        for (int a = 1; a < actions; a++) {
            if (q[at + a] > q[at + best]) {
                best = a;
            }
        }
        return best;
    }

    /** Uniformly random until learning starts, then the exploration policy on the online network's values. */
    private int choose(long[] bits) {
        if (steps < config.replayStart()) {
            return rng.nextInt(actions);
        }
        values(bits);
        return config.exploration().choose(qRow, 0, actions, explorationParameter(), scratch, rng);
    }

    private void values(long[] bits) {
        java.util.Arrays.fill(one, 0f);
        for (int w = 0; w < bits.length; w++) {
            long word = bits[w];
            while (word != 0) {
                one[w * 64 + Long.numberOfTrailingZeros(word)] = 1f;
                word &= word - 1;
            }
        }
        float[] q = online.forward(one, 1);
        for (int a = 0; a < actions; a++) {
            qRow[a] = q[a];
        }
    }

    /** Epsilon (or the exploration's parameter) on a step clock that starts when learning does. */
    private double explorationParameter() {
        long learningSteps = Math.max(0, steps - config.replayStart());
        return config.exploration().parameter().rate(learningSteps, episodes, updates, 0);
    }

    @Override
    public int greedyAction(Environment env) {
        ReplayBuffer.encode(active, env.activeFeatures(active), nextObservation);
        values(nextObservation);
        return ActionSelection.greedy(qRow, 0, actions, rng);
    }

    /**
     * DQN's own loss (Huber by default) on held-out transitions, targets from the target network
     * as in training: r + gamma max_a' Q_target(s', a'), none past a terminal state. The data is
     * recorded under a uniformly random policy, which is how DQN fills its replay before learning
     * starts, so it stands for the replay's first transitions without being trained on.
     */
    @Override
    public HeldOut holdOut(Environment env, int steps, UniformRandomProvider rng) {
        int[] buffer = new int[features];
        var data = dev.lrlab.agents.heldout.RandomTransitions.record(env, steps, rng, e -> {
            long[] bits = new long[replay.words()];
            ReplayBuffer.encode(buffer, e.activeFeatures(buffer), bits);
            return bits;
        });
        int batch = config.batchSize();
        float[] x = new float[batch * features];
        float[] x2 = new float[batch * features];
        float[] got = new float[batch];
        float[] want = new float[batch];
        float[] unusedGradient = new float[batch];
        return () -> {
            double sum = 0;
            for (int from = 0; from < data.size(); from += batch) {
                int n = Math.min(batch, data.size() - from);
                java.util.Arrays.fill(x, 0f);
                java.util.Arrays.fill(x2, 0f);
                for (int b = 0; b < n; b++) {
                    unpack(data.states().get(from + b), x, b * features);
                    unpack(data.next().get(from + b), x2, b * features);
                }
                float[] next = target.forward(x2, n);
                for (int b = 0; b < n; b++) {
                    int t = from + b;
                    want[b] = (float) (data.rewards()[t] + (data.terminal()[t] ? 0
                            : config.gamma() * next[b * actions + argMax(next, b * actions)]));
                }
                float[] q = online.forward(x, n);
                for (int b = 0; b < n; b++) {
                    got[b] = q[b * actions + data.actions()[from + b]];
                }
                sum += config.loss().evaluate(got, want, n, unusedGradient) * n;
            }
            return sum / data.size();
        };
    }

    private static void unpack(long[] bits, float[] out, int at) {
        for (int w = 0; w < bits.length; w++) {
            long word = bits[w];
            while (word != 0) {
                out[at + w * 64 + Long.numberOfTrailingZeros(word)] = 1f;
                word &= word - 1;
            }
        }
    }

    @Override
    public String lossName() {
        return "DQN's TD loss (its own Huber or squared error, target network's targets) on held-out random-policy "
                + "transitions";
    }

    /** The online network (for tests and tools). */
    public Network network() {
        return online;
    }

    /** Updates made so far. */
    public long updates() {
        return updates;
    }
}
