package dev.lrlab.agents.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every layer's and loss's backward pass agrees with central finite differences of the forward
 * pass, on networks and inputs drawn from a seeded generator. Differences are taken in float32
 * with step 1e-2 (smaller steps drown in rounding); the analytic gradient must be within 2% of the
 * numeric one, or within 1e-3 of the largest gradient of the network.
 */
class GradientCheckTest {

    private static final float H = 1e-2f;

    /** A smooth network (tanh, SiLU or dSiLU) of random shape: conv or not, log-softmax or not, MSE or Huber. */
    static Stream<Arguments> smoothNetworks() {
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(11L);
        return IntStream.range(0, 12).mapToObj(k -> {
            boolean conv = k % 2 == 0;
            boolean softmax = k % 3 == 0;
            boolean huber = k % 4 < 2;
            Activation.Function smooth = List.of(Activation.Function.TANH, Activation.Function.SILU,
                    Activation.Function.DSILU).get(k % 5 % 3);
            List<Layer> layers = new ArrayList<>();
            if (conv) {
                int c = 1 + rng.nextInt(3);
                int h = 3 + rng.nextInt(3);
                int w = 3 + rng.nextInt(3);
                Conv2d layer = Conv2d.of(c, h, w, 1 + rng.nextInt(4), 2 + rng.nextInt(2));
                layers.add(layer);
                layers.add(Activation.of(smooth, layer.outputSize()));
            }
            int in = conv ? layers.get(layers.size() - 1).outputSize() : 2 + rng.nextInt(6);
            int hidden = 2 + rng.nextInt(6);
            int out = 2 + rng.nextInt(4);
            layers.add(Dense.of(in, hidden));
            layers.add(Activation.of(smooth, hidden));
            layers.add(Dense.of(hidden, out));
            if (softmax) {
                layers.add(LogSoftmax.of(out));
            }
            int batch = 1 + rng.nextInt(4);
            String name = smooth.id() + " " + (conv ? "conv+" : "") + "dense" + (softmax ? "+log-softmax" : "") + (huber ? " huber" : " mse")
                    + " batch " + batch;
            return Arguments.of(name, Network.of(batch, layers), batch, huber, rng.nextLong());
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("smoothNetworks")
    void backwardMatchesFiniteDifferences(String name, Network net, int batch, boolean huber, long seed) {
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
        net.initialize(Initialization.PYTORCH, rng);
        // bigger weights than PyTorch's, so that tanh bends and Huber's both regions are reached
        for (Layer layer : net.layers()) {
            float[] p = layer.parameters();
            for (int i = 0; i < p.length; i++) {
                p[i] *= 3;
            }
        }
        float[] x = new float[batch * net.inputSize()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (2 * rng.nextDouble() - 1);
        }
        float[] target = new float[batch * net.outputSize()];
        for (int i = 0; i < target.length; i++) {
            target[i] = (float) (3 * rng.nextDouble() - 1.5);
        }
        Loss loss = huber ? Loss.huber(0.5) : Loss.meanSquared();
        assertGradientsMatch(net, x, target, batch, loss, () -> true);
    }

    /** With ReLU, perturbations that flip a unit on or off are skipped; they must be rare. */
    @Test
    void reluNetworkMatchesWhereNoUnitFlips() {
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(5L);
        Conv2d conv = Conv2d.of(2, 5, 4, 3, 3);
        Network net = Network.of(3, conv, Activation.relu(conv.outputSize()), Dense.of(conv.outputSize(), 6),
                Activation.relu(6), Dense.of(6, 3));
        net.initialize(Initialization.PYTORCH, rng);
        float[] x = new float[3 * net.inputSize()];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble() < 0.4 ? 1f : 0f; // binary boards, as Breakout's
        }
        float[] target = new float[3 * 3];
        for (int i = 0; i < target.length; i++) {
            target[i] = (float) rng.nextDouble();
        }
        float[] baseline = masks(net, x);
        int[] flips = {0};
        int checked = assertGradientsMatch(net, x, target, 3, Loss.huber(1), () -> {
            boolean same = java.util.Arrays.equals(masks(net, x), baseline);
            if (!same) {
                flips[0]++;
            }
            return same;
        });
        assertTrue(flips[0] * 20 < checked, flips[0] + " of " + checked + " perturbations flipped a unit");
    }

    /** Which ReLU units are on, for the current parameters. */
    private static float[] masks(Network net, float[] x) {
        int batch = x.length / net.inputSize();
        net.forward(x, batch);
        List<Float> on = new ArrayList<>();
        for (int l = 0; l < net.layers().size(); l++) {
            if (net.layers().get(l) instanceof Activation) {
                float[] y = net.output(l);
                for (int i = 0; i < batch * net.layers().get(l).outputSize(); i++) {
                    on.add(y[i] > 0 ? 1f : 0f);
                }
            }
        }
        float[] out = new float[on.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = on.get(i);
        }
        return out;
    }

    /**
     * Compares every parameter's gradient with a central difference; {@code keep} says whether a
     * perturbation counts (called with the parameter perturbed). Returns how many were compared.
     */
    private static int assertGradientsMatch(Network net, float[] x, float[] target, int batch, Loss loss,
            java.util.function.BooleanSupplier keep) {
        float[] gradOut = new float[target.length];
        float[] out = net.forward(x, batch);
        loss.evaluate(out, target, target.length, gradOut);
        net.backward(gradOut, batch);
        List<float[]> analytic = new ArrayList<>();
        double largest = 0;
        for (Layer layer : net.layers()) {
            analytic.add(layer.gradients().clone());
            for (float g : layer.gradients()) {
                largest = Math.max(largest, Math.abs(g));
            }
        }
        int compared = 0;
        float[] scratch = new float[target.length];
        for (int l = 0; l < net.layers().size(); l++) {
            float[] p = net.layers().get(l).parameters();
            for (int k = 0; k < p.length; k++) {
                float original = p[k];
                p[k] = original + H;
                double up = loss.evaluate(net.forward(x, batch), target, target.length, scratch);
                boolean upKept = keep.getAsBoolean();
                p[k] = original - H;
                double down = loss.evaluate(net.forward(x, batch), target, target.length, scratch);
                boolean downKept = keep.getAsBoolean();
                p[k] = original;
                if (!upKept || !downKept) {
                    continue;
                }
                double numeric = (up - down) / (2 * H);
                double a = analytic.get(l)[k];
                double err = Math.abs(a - numeric);
                assertTrue(err <= 0.02 * Math.max(Math.abs(a), Math.abs(numeric)) || err <= 1e-3 * largest,
                        net.layers().get(l).describe() + " parameter " + k + ": backward " + a + ", finite difference " + numeric);
                compared++;
            }
        }
        assertTrue(compared > 0);
        return compared;
    }
}
