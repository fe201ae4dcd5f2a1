package dev.lrlab.experiments.supervised;

import dev.lrlab.agents.nn.Activation;
import dev.lrlab.agents.nn.Dense;
import dev.lrlab.agents.nn.Initialization;
import dev.lrlab.agents.nn.Layer;
import dev.lrlab.agents.nn.LogSoftmax;
import dev.lrlab.agents.nn.Network;
import dev.lrlab.agents.optim.Optimizer;
import dev.lrlab.agents.optim.OptimizerBlueprint;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A multilayer perceptron classifier on two inputs (ReLU hidden layers, log-softmax output) with
 * the negative log-likelihood loss, trained by minibatches through the project's optimizers, each
 * parameter vector with its own, as the RL agents' networks are.
 */
public final class Classifier {

    private final Network network;
    private final List<Layer> learnable = new ArrayList<>();
    private final Optimizer[] optimizers;
    private final int classes;
    private final float[] batchInputs;
    private final float[] gradient;
    private final int maxBatch;

    private Classifier(Network network, OptimizerBlueprint optimizer, int classes, int maxBatch) {
        this.network = network;
        this.classes = classes;
        this.maxBatch = maxBatch;
        for (Layer layer : network.layers()) {
            if (layer.parameters().length > 0) {
                learnable.add(layer);
            }
        }
        this.optimizers = new Optimizer[learnable.size()];
        for (int k = 0; k < optimizers.length; k++) {
            optimizers[k] = optimizer.create(learnable.get(k).parameters().length);
            optimizers[k].reserveFloat32();
        }
        this.batchInputs = new float[2 * maxBatch];
        this.gradient = new float[classes * maxBatch];
    }

    /** A network 2 -> hidden -> ... -> classes with PyTorch's initialisation from {@code rng}. */
    public static Classifier of(int classes, int[] hidden, int maxBatch, OptimizerBlueprint optimizer,
            UniformRandomProvider rng) {
        List<Layer> layers = new ArrayList<>();
        int in = 2;
        for (int h : hidden) {
            layers.add(Dense.of(in, h));
            layers.add(Activation.relu(h));
            in = h;
        }
        layers.add(Dense.of(in, classes));
        layers.add(LogSoftmax.of(classes));
        Network net = Network.of(maxBatch, layers).initialize(Initialization.PYTORCH, rng);
        return new Classifier(net, optimizer, classes, maxBatch);
    }

    /** One update on the examples {@code order[from .. from + batch)} at step size {@code rate}; returns their loss. */
    public double train(Spirals data, int[] order, int from, int batch, double rate) {
        float[] logp = forward(data, order, from, batch);
        double loss = 0;
        java.util.Arrays.fill(gradient, 0, batch * classes, 0f);
        float scale = -1f / batch;
        for (int b = 0; b < batch; b++) {
            int y = data.labels()[order[from + b]];
            loss -= logp[b * classes + y];
            gradient[b * classes + y] = scale;
        }
        network.backward(gradient, batch);
        for (int k = 0; k < optimizers.length; k++) {
            optimizers[k].update(learnable.get(k).parameters(), learnable.get(k).gradients(), rate);
        }
        return loss / batch;
    }

    /** The mean loss and the accuracy on all of {@code data}, as {@code {loss, accuracy}}. */
    public double[] evaluate(Spirals data) {
        int n = data.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double loss = 0;
        int correct = 0;
        for (int from = 0; from < n; from += maxBatch) {
            int batch = Math.min(maxBatch, n - from);
            float[] logp = forward(data, order, from, batch);
            for (int b = 0; b < batch; b++) {
                int y = data.labels()[from + b];
                loss -= logp[b * classes + y];
                int best = 0;
                for (int k = 1; k < classes; k++) {
                    if (logp[b * classes + k] > logp[b * classes + best]) {
                        best = k;
                    }
                }
                correct += best == y ? 1 : 0;
            }
        }
        return new double[] {loss / n, correct / (double) n};
    }

    private float[] forward(Spirals data, int[] order, int from, int batch) {
        for (int b = 0; b < batch; b++) {
            int i = order[from + b];
            batchInputs[2 * b] = data.inputs()[2 * i];
            batchInputs[2 * b + 1] = data.inputs()[2 * i + 1];
        }
        return network.forward(batchInputs, batch);
    }
}
