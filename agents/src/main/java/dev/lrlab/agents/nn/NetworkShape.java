package dev.lrlab.agents.nn;

import dev.lrlab.env.ObservationSpace;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A network over an environment's observations as a spec describes it (a DQN's action values, a
 * policy's logits and value). {@code conv} is MinAtar's: a 3x3 convolution of {@code filters} over
 * the board, its nonlinearity, a dense layer of {@code hidden} units, its nonlinearity, and the
 * outputs. {@code mlp} is {@code depth} dense hidden layers of {@code hidden} units over the flat
 * binary features (one-hot states on a gridworld).
 *
 * @param conv whether the torso is a convolution (needs a grid observation)
 * @param filters convolution filters
 * @param hidden units per hidden dense layer
 * @param depth hidden dense layers
 * @param activation the nonlinearity after each hidden dense layer
 * @param init how parameters are drawn
 * @param convActivation the nonlinearity after the convolution
 */
public record NetworkShape(boolean conv, int filters, int hidden, int depth, Activation.Function activation,
        Initialization init, Activation.Function convActivation) {

    /** One nonlinearity throughout. */
    public NetworkShape(boolean conv, int filters, int hidden, int depth, Activation.Function activation,
            Initialization init) {
        this(conv, filters, hidden, depth, activation, init, activation);
    }

    /** MinAtar's DQN network. */
    public static NetworkShape minatar() {
        return new NetworkShape(true, 16, 128, 1, Activation.Function.RELU, Initialization.PYTORCH);
    }

    /** A network of this shape with {@code actions} outputs for {@code space}, for batches up to {@code maxBatch}, drawn from {@code rng}. */
    public Network build(ObservationSpace space, int actions, int maxBatch, UniformRandomProvider rng) {
        List<Layer> layers = new ArrayList<>();
        int width;
        if (conv) {
            if (!space.isGrid() || space.height() < 3 || space.width() < 3) {
                throw new IllegalArgumentException("a convolutional network needs a grid observation of at least 3x3");
            }
            Conv2d c = Conv2d.of(space.channels(), space.height(), space.width(), filters, 3);
            layers.add(c);
            layers.add(Activation.of(convActivation, c.outputSize()));
            width = c.outputSize();
        } else {
            width = space.featureCount();
        }
        for (int d = 0; d < depth; d++) {
            layers.add(Dense.of(width, hidden));
            layers.add(Activation.of(activation, hidden));
            width = hidden;
        }
        layers.add(Dense.of(width, actions));
        return Network.of(maxBatch, layers).initialize(init, rng);
    }

    /** Parameters of the network for {@code space} and {@code actions}, without building it. */
    public long parameterCount(ObservationSpace space, int actions) {
        long count = 0;
        long width = space.featureCount();
        if (conv) {
            count += (long) space.channels() * 9 * filters + filters;
            width = (long) filters * (space.height() - 2) * (space.width() - 2);
        }
        for (int d = 0; d < depth; d++) {
            count += width * hidden + hidden;
            width = hidden;
        }
        return count + width * actions + actions;
    }
}
