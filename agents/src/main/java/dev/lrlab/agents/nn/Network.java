package dev.lrlab.agents.nn;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A feed-forward stack of {@link Layer}s with buffers for batches of up to {@code maxBatch}
 * examples, allocated once: {@link #forward} and {@link #backward} allocate nothing.
 *
 * <p>{@link #backward} uses the activations of the last {@link #forward}, so a second pass
 * through the same network (another batch) must come after the backward of the first, or go
 * through a {@link #sameShape() copy} (as a DQN's target network does).
 */
public final class Network {

    private final List<Layer> layers;
    private final int maxBatch;
    /** {@code outputs[l]}: layer l's output for the last forward. */
    private final float[][] outputs;
    /** {@code gradients[l]}: the loss's gradient with respect to layer l's input (l >= 1). */
    private final float[][] inputGradients;
    private float[] lastInput;

    private Network(List<Layer> layers, int maxBatch) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
        if (maxBatch < 1) {
            throw new IllegalArgumentException("a network needs a batch of at least 1, was " + maxBatch);
        }
        for (int l = 1; l < layers.size(); l++) {
            if (layers.get(l).inputSize() != layers.get(l - 1).outputSize()) {
                throw new IllegalArgumentException("layer " + l + " (" + layers.get(l).describe() + ") takes "
                        + layers.get(l).inputSize() + " inputs but layer " + (l - 1) + " ("
                        + layers.get(l - 1).describe() + ") gives " + layers.get(l - 1).outputSize());
            }
        }
        this.layers = List.copyOf(layers);
        linkConvolutionsToDenseLayers(this.layers);
        this.maxBatch = maxBatch;
        this.outputs = new float[layers.size()][];
        this.inputGradients = new float[layers.size()][];
        for (int l = 0; l < layers.size(); l++) {
            outputs[l] = new float[maxBatch * layers.get(l).outputSize()];
            inputGradients[l] = l == 0 ? null : new float[maxBatch * layers.get(l).inputSize()];
            layers.get(l).reserve(maxBatch);
        }
    }

    /**
     * A convolution whose output reaches a dense layer through layers that keep its units apart
     * (activations, log-softmax) leaves that output position-major, and the dense layer maps its
     * inputs to PyTorch's order: no transpose per example, the same parameters and numbers.
     */
    private static void linkConvolutionsToDenseLayers(List<Layer> layers) {
        for (int l = 0; l < layers.size(); l++) {
            if (layers.get(l) instanceof Conv2d conv) {
                int m = l + 1;
                while (m < layers.size() && layers.get(m) instanceof ShapePreservingLayer) {
                    m++;
                }
                if (m < layers.size() && layers.get(m) instanceof Dense dense) {
                    conv.emitPositionMajor();
                    dense.readInputsFrom(conv);
                }
            }
        }
    }

    /**
     * A network of {@code layers} in order, for batches of up to {@code maxBatch}. Draw or load
     * parameters after this call: a dense layer that reads a convolution learns here how its
     * inputs map to PyTorch's.
     */
    public static Network of(int maxBatch, List<Layer> layers) {
        return new Network(layers, maxBatch);
    }

    /** As {@link #of(int, List)}. */
    public static Network of(int maxBatch, Layer... layers) {
        return new Network(List.of(layers), maxBatch);
    }

    /** Draws every layer's parameters by {@code init}, in layer order. */
    public Network initialize(Initialization init, UniformRandomProvider rng) {
        for (Layer layer : layers) {
            layer.initialize(init, rng);
        }
        return this;
    }

    /** The same architecture with its own buffers and parameters, equal to this one's. */
    public Network sameShape() {
        List<Layer> copies = new ArrayList<>();
        for (Layer layer : layers) {
            copies.add(layer.sameShape());
        }
        Network copy = new Network(copies, maxBatch);
        copy.copyParametersFrom(this);
        return copy;
    }

    /** Sets every parameter to {@code other}'s (a network of the same shape). */
    public void copyParametersFrom(Network other) {
        for (int l = 0; l < layers.size(); l++) {
            float[] from = other.layers.get(l).parameters();
            float[] to = layers.get(l).parameters();
            if (from.length != to.length) {
                throw new IllegalArgumentException("layer " + l + " differs in shape");
            }
            System.arraycopy(from, 0, to, 0, to.length);
        }
    }

    public List<Layer> layers() {
        return layers;
    }

    public int maxBatch() {
        return maxBatch;
    }

    public int inputSize() {
        return layers.get(0).inputSize();
    }

    public int outputSize() {
        return layers.get(layers.size() - 1).outputSize();
    }

    /** Parameters over all layers. */
    public int parameterCount() {
        int n = 0;
        for (Layer layer : layers) {
            n += layer.parameters().length;
        }
        return n;
    }

    /**
     * Runs {@code batch} examples of {@code input} (batch-major) through every layer and returns
     * the buffer holding the output, {@code [b * outputSize() + k]}; valid until the next forward.
     */
    public float[] forward(float[] input, int batch) {
        if (batch < 1 || batch > maxBatch) {
            throw new IllegalArgumentException("batch must be in 1.." + maxBatch + ", was " + batch);
        }
        lastInput = input;
        float[] x = input;
        for (int l = 0; l < layers.size(); l++) {
            layers.get(l).forward(x, outputs[l], batch);
            x = outputs[l];
        }
        return x;
    }

    /** Layer {@code l}'s output buffer from the last forward (for diagnostics and tests). */
    public float[] output(int l) {
        return outputs[l];
    }

    /**
     * Back-propagates {@code gradOutput} (the loss's gradient with respect to the last forward's
     * output) and leaves each layer's parameter gradients in its {@link Layer#gradients()}.
     */
    public void backward(float[] gradOutput, int batch) {
        if (lastInput == null) {
            throw new IllegalStateException("backward needs a forward first");
        }
        float[] dy = gradOutput;
        for (int l = layers.size() - 1; l >= 0; l--) {
            float[] in = l == 0 ? lastInput : outputs[l - 1];
            float[] dx = inputGradients[l];
            layers.get(l).backward(in, outputs[l], dy, dx, batch);
            dy = dx;
        }
    }

    /** The Euclidean norm of all parameter gradients together. */
    public double gradientNorm() {
        double sum = 0;
        for (int l = 0; l < layers.size(); l++) { // indexed: no iterator in the update loop
            float[] g = layers.get(l).gradients();
            sum += Kernels.best().sumOfSquares(g, g.length);
        }
        return Math.sqrt(sum);
    }

    /**
     * Scales the gradients so that their global norm is at most {@code maxNorm}, as PyTorch's
     * {@code clip_grad_norm_} (factor {@code maxNorm / (norm + 1e-6)} when below 1), and returns
     * the norm before clipping.
     */
    public double clipGradientNorm(double maxNorm) {
        double norm = gradientNorm();
        double factor = maxNorm / (norm + 1e-6);
        if (factor < 1) {
            float f = (float) factor;
            for (int l = 0; l < layers.size(); l++) {
                float[] g = layers.get(l).gradients();
                for (int i = 0; i < g.length; i++) {
                    g[i] *= f;
                }
            }
        }
        return norm;
    }

    /** The layers, one per line. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        for (Layer layer : layers) {
            s.append(s.length() == 0 ? "" : " | ").append(layer.describe());
        }
        return s.toString();
    }
}
