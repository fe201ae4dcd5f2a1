package dev.lrlab.agents.nn;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * One layer of a {@link Network}: an explicit forward and backward over a batch, with no autograd.
 * Activations are batch-major ({@code x[b * inputSize() + i]}) and, for images, in PyTorch's
 * channels x height x width order, so a convolution's output is already flat for a dense layer:
 * PyTorch's {@code nn.Flatten()} is the identity here, and {@link Network} only checks that the
 * sizes meet.
 *
 * <p>Parameters live in one float32 array per layer ({@link #parameters()}), weights then biases,
 * in the layer's own layout (each layer says how it maps to PyTorch's); an optimizer updates that
 * array in place from {@link #gradients()}.
 */
public interface Layer {

    /** Inputs per example. */
    int inputSize();

    /** Outputs per example. */
    int outputSize();

    /** The parameters, weights then biases; empty for layers without any. */
    float[] parameters();

    /** The gradient of the loss with respect to each parameter, written by the last {@link #backward}. */
    float[] gradients();

    /** Draws fresh parameters by {@code init} from {@code rng}; no-op for layers without parameters. */
    default void initialize(Initialization init, UniformRandomProvider rng) {
    }

    /** Writes {@code out[0 .. batch * outputSize())} from {@code in[0 .. batch * inputSize())}. */
    void forward(float[] in, float[] out, int batch);

    /**
     * Given the forward pass's {@code in} and {@code out} and the gradient of the loss with respect
     * to {@code out}, overwrites {@link #gradients()} with the parameter gradients summed over the
     * batch and, unless {@code gradIn} is null (the first layer needs none), writes the gradient
     * with respect to {@code in}.
     */
    void backward(float[] in, float[] out, float[] gradOut, float[] gradIn, int batch);

    /** Allocates the scratch a batch of this size needs, so that passes allocate nothing; called by {@link Network}. */
    default void reserve(int batch) {
    }

    /** A new layer of the same shape and kind, with zero parameters (for target networks). */
    Layer sameShape();

    /**
     * Where parameter {@code k} of this layer sits in PyTorch's parameters of the same module,
     * concatenated as {@code weight.flatten()} then {@code bias}: how fixtures and exports map.
     */
    default int torchIndex(int k) {
        return k;
    }

    /** Multiply-adds of one example's forward pass, counting every input as non-zero (0 for element-wise layers). */
    default long multiplyAdds() {
        return 0;
    }

    /** One line for logs and listings, such as {@code dense 400->128}. */
    String describe();
}
