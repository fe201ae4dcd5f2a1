package dev.lrlab.agents.neuralpolicy;

import dev.lrlab.agents.nn.Dense;
import dev.lrlab.agents.nn.Initialization;
import dev.lrlab.agents.nn.Layer;
import dev.lrlab.agents.nn.Network;
import dev.lrlab.agents.nn.NetworkShape;
import dev.lrlab.agents.optim.Optimizer;
import dev.lrlab.agents.optim.OptimizerBlueprint;
import dev.lrlab.env.Environment;
import dev.lrlab.env.metrics.MetricSink;
import dev.lrlab.env.ObservationSpace;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A policy's logits and a state value from one observation, as rows of {@code actions + 1}
 * outputs: the logits, then the value. Shared, one torso feeds both heads, and the two heads are
 * one dense layer with {@code actions + 1} outputs (the same function as PyTorch's two
 * {@code nn.Linear} heads side by side: their weights concatenated by rows). Separate, the policy
 * and the value have torsos of their own (CleanRL's {@code ppo.py}).
 *
 * <p>With orthogonal initialisation the heads are drawn with their own gains, as CleanRL's
 * {@code layer_init(std=0.01)} for the policy and {@code std=1} for the value, so that the first
 * policy is near uniform.
 */
public final class PolicyValueNetwork {

    private final Network shared;
    private final Network policy;
    private final Network value;
    private final int actions;
    private final float[] output;
    private final float[] policyGradient;
    private final float[] valueGradient;
    private final List<Layer> learnable = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    private PolicyValueNetwork(Network shared, Network policy, Network value, int actions) {
        this.shared = shared;
        this.policy = policy;
        this.value = value;
        this.actions = actions;
        int maxBatch = shared != null ? shared.maxBatch() : policy.maxBatch();
        this.output = shared != null ? null : new float[maxBatch * (actions + 1)];
        this.policyGradient = shared != null ? null : new float[maxBatch * actions];
        this.valueGradient = shared != null ? null : new float[maxBatch];
        if (shared != null) {
            collect(shared, "");
        } else {
            collect(policy, "policy_");
            collect(value, "value_");
        }
    }

    private void collect(Network net, String prefix) {
        for (int l = 0; l < net.layers().size(); l++) {
            Layer layer = net.layers().get(l);
            if (layer.parameters().length > 0) {
                learnable.add(layer);
                names.add(prefix + layer.describe().substring(0, layer.describe().indexOf(' ')) + l);
            }
        }
    }

    /**
     * A network of {@code shape} for {@code space} with {@code actions} logits and a value, for
     * batches up to {@code maxBatch}, drawn from {@code rng}; heads drawn with the given gains
     * when the shape's initialisation is orthogonal.
     */
    public static PolicyValueNetwork of(NetworkShape shape, boolean sharedTorso, ObservationSpace space, int actions,
            int maxBatch, double policyGain, double valueGain, UniformRandomProvider rng) {
        if (sharedTorso) {
            Network net = shape.build(space, actions + 1, maxBatch, rng);
            if (shape.init() == Initialization.ORTHOGONAL) {
                Dense head = (Dense) net.layers().get(net.layers().size() - 1);
                scaleUnits(head, 0, actions, policyGain);
                scaleUnits(head, actions, actions + 1, valueGain);
            }
            return new PolicyValueNetwork(net, null, null, actions);
        }
        Network pi = shape.build(space, actions, maxBatch, rng);
        Network v = shape.build(space, 1, maxBatch, rng);
        if (shape.init() == Initialization.ORTHOGONAL) {
            scaleUnits((Dense) pi.layers().get(pi.layers().size() - 1), 0, actions, policyGain);
            scaleUnits((Dense) v.layers().get(v.layers().size() - 1), 0, 1, valueGain);
        }
        return new PolicyValueNetwork(null, pi, v, actions);
    }

    /** Rescales output units [from, to) of an orthogonally drawn head (gain sqrt 2) to {@code gain}. */
    private static void scaleUnits(Dense head, int from, int to, double gain) {
        float f = (float) (gain / Math.sqrt(2));
        float[] p = head.parameters();
        int out = head.outputSize();
        for (int i = 0; i < head.inputSize(); i++) {
            for (int j = from; j < to; j++) {
                p[i * out + j] *= f;
            }
        }
    }

    /** Outputs per example: the logits, then the value. */
    public int stride() {
        return actions + 1;
    }

    public int actions() {
        return actions;
    }

    public int maxBatch() {
        return shared != null ? shared.maxBatch() : policy.maxBatch();
    }

    /** The layers with parameters, in the order optimizers are made for them. */
    public List<Layer> learnable() {
        return learnable;
    }

    /** A name per learnable layer for metrics ({@code conv0}, {@code policy_dense2}, ...). */
    public List<String> layerNames() {
        return names;
    }

    /** The networks (one when shared), for tests, exports and benchmarks. */
    public List<Network> networks() {
        return shared != null ? List.of(shared) : List.of(policy, value);
    }

    /**
     * Runs {@code batch} examples and returns the buffer of their outputs, {@code [b * stride() + k]}:
     * logits for k below {@code actions()}, the value at k = {@code actions()}; valid until the next forward.
     */
    public float[] forward(float[] input, int batch) {
        if (shared != null) {
            return shared.forward(input, batch);
        }
        float[] logits = policy.forward(input, batch);
        float[] values = value.forward(input, batch);
        int s = stride();
        for (int b = 0; b < batch; b++) {
            System.arraycopy(logits, b * actions, output, b * s, actions);
            output[b * s + actions] = values[b];
        }
        return output;
    }

    /**
     * Back-propagates the loss's gradient with respect to the last forward's outputs (same layout)
     * and leaves each learnable layer's parameter gradient in its {@link Layer#gradients()}.
     */
    public void backward(float[] gradOutput, int batch) {
        if (shared != null) {
            shared.backward(gradOutput, batch);
            return;
        }
        int s = stride();
        for (int b = 0; b < batch; b++) {
            System.arraycopy(gradOutput, b * s, policyGradient, b * actions, actions);
            valueGradient[b] = gradOutput[b * s + actions];
        }
        policy.backward(policyGradient, batch);
        value.backward(valueGradient, batch);
    }

    /** The Euclidean norm of all parameter gradients together. */
    public double gradientNorm() {
        if (shared != null) {
            return shared.gradientNorm();
        }
        double p = policy.gradientNorm();
        double v = value.gradientNorm();
        return Math.sqrt(p * p + v * v);
    }

    /**
     * Scales all gradients together to a global norm of at most {@code maxNorm} (PyTorch's
     * {@code clip_grad_norm_} over every parameter) and returns the norm before clipping.
     */
    public double clipGradientNorm(double maxNorm) {
        double norm = gradientNorm();
        double factor = maxNorm / (norm + 1e-6);
        if (factor < 1) {
            float f = (float) factor;
            for (int l = 0; l < learnable.size(); l++) { // indexed: no iterator in the update loop
                float[] g = learnable.get(l).gradients();
                for (int i = 0; i < g.length; i++) {
                    g[i] *= f;
                }
            }
        }
        return norm;
    }

    /**
     * One optimizer per learnable layer, its float32 state allocated now (not at the first update),
     * each publishing its effective step sizes and update sizes under the layer's name.
     */
    public Optimizer[] optimizers(OptimizerBlueprint blueprint, MetricSink metrics) {
        Optimizer[] out = new Optimizer[learnable.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = blueprint.create(learnable.get(k).parameters().length);
            out[k].reserveFloat32();
            out[k].publishTo(metrics, names.get(k) + "_");
        }
        return out;
    }

    /** Checks that this network's logits are {@code env}'s actions. */
    public void checkActions(Environment env) {
        if (actions != env.actionCount()) {
            throw new IllegalArgumentException("the network has " + actions + " logits; " + env.id() + " has "
                    + env.actionCount() + " actions");
        }
    }

    /** Parameters over all layers. */
    public int parameterCount() {
        int n = 0;
        for (Network net : networks()) {
            n += net.parameterCount();
        }
        return n;
    }
}
