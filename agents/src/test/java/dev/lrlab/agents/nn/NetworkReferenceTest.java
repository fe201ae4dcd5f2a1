package dev.lrlab.agents.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.lrlab.agents.ReferenceFixture;
import dev.lrlab.agents.optim.Optimizer;
import dev.lrlab.agents.optim.OptimizerConfig;
import dev.lrlab.agents.optim.UpdateRule;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Networks equal PyTorch's (agents/src/test/python/network_reference.py) in float32: output,
 * loss, every parameter's gradient, and the parameters after one step of SGD, Adam and centered
 * RMSprop. Each number must be within 1e-5 of PyTorch's relative to itself, or, for numbers that
 * sum to near zero by cancellation, within 1e-6 of the largest magnitude in its tensor.
 *
 * <p>After an adaptive step, a parameter whose gradient is at float32 noise level (Huber's
 * clipped terms of +-1/n that cancel exactly in exact arithmetic) moves by noise divided by noise
 * in both implementations; such entries are only checked to move no further than an adaptive
 * step can (5 x lr on a first step).
 */
class NetworkReferenceTest {

    static final JsonObject REFERENCE = ReferenceFixture.load("/nn/pytorch-network-reference.json");
    private static final double RELATIVE = 1e-5;
    private static final double OF_LARGEST = 1e-6;

    static Stream<JsonObject> cases() {
        return ReferenceFixture.cases(REFERENCE).stream();
    }

    /** The network a case describes, with PyTorch's initial parameters. */
    static Network networkOf(JsonObject c) {
        List<Layer> layers = new ArrayList<>();
        for (JsonElement e : c.getAsJsonArray("layers")) {
            JsonArray d = e.getAsJsonArray();
            String kind = d.get(0).getAsString();
            layers.add(switch (kind) {
                case "conv" -> Conv2d.of(d.get(1).getAsInt(), d.get(2).getAsInt(), d.get(3).getAsInt(),
                        d.get(4).getAsInt(), d.get(5).getAsInt());
                case "dense" -> Dense.of(d.get(1).getAsInt(), d.get(2).getAsInt());
                case "relu" -> Activation.relu(layers.get(layers.size() - 1).outputSize());
                case "tanh" -> Activation.tanh(layers.get(layers.size() - 1).outputSize());
                case "log-softmax" -> LogSoftmax.of(layers.get(layers.size() - 1).outputSize());
                default -> throw new IllegalArgumentException(kind);
            });
        }
        Network net = Network.of(c.get("batch").getAsInt(), layers);
        List<float[]> torch = torchParams(c.getAsJsonArray("initial"), net);
        int t = 0;
        for (Layer layer : net.layers()) {
            if (layer.parameters().length > 0) {
                float[] from = torch.get(t++);
                for (int k = 0; k < from.length; k++) {
                    layer.parameters()[k] = from[layer.torchIndex(k)];
                }
            }
        }
        return net;
    }

    /** PyTorch's tensors (weight, bias, ...) joined per layer that has parameters. */
    static List<float[]> torchParams(JsonArray tensors, Network net) {
        List<float[]> out = new ArrayList<>();
        int t = 0;
        for (Layer layer : net.layers()) {
            if (layer.parameters().length == 0) {
                continue;
            }
            float[] w = floats(tensors.get(t++).getAsJsonArray());
            float[] b = floats(tensors.get(t++).getAsJsonArray());
            float[] joined = new float[w.length + b.length];
            System.arraycopy(w, 0, joined, 0, w.length);
            System.arraycopy(b, 0, joined, w.length, b.length);
            assertEquals(layer.parameters().length, joined.length, layer.describe());
            out.add(joined);
        }
        return out;
    }

    static float[] floats(JsonArray a) {
        float[] out = new float[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsFloat();
        }
        return out;
    }

    /** Forward, loss and backward as the case says; returns the loss. */
    static double lossAndGradients(Network net, JsonObject c) {
        int batch = c.get("batch").getAsInt();
        float[] out = net.forward(floats(c.getAsJsonArray("input")), batch);
        float[] targets = floats(c.getAsJsonArray("targets"));
        int outputs = net.outputSize();
        float[] gradOut = new float[batch * outputs];
        String kind = c.get("loss_kind").getAsString();
        if (kind.equals("huber-selected")) {
            JsonArray actions = c.getAsJsonArray("actions");
            float[] chosen = new float[batch];
            float[] g = new float[batch];
            for (int b = 0; b < batch; b++) {
                chosen[b] = out[b * outputs + actions.get(b).getAsInt()];
            }
            double loss = Loss.huber(1).evaluate(chosen, targets, batch, g);
            for (int b = 0; b < batch; b++) {
                gradOut[b * outputs + actions.get(b).getAsInt()] = g[b];
            }
            net.backward(gradOut, batch);
            return loss;
        }
        Loss loss = kind.equals("huber") ? Loss.huber(1) : Loss.meanSquared();
        double value = loss.evaluate(out, targets, batch * outputs, gradOut);
        net.backward(gradOut, batch);
        return value;
    }

    static void assertClose(float[] want, float[] got, String what) {
        assertEquals(want.length, got.length, what);
        double largest = 0;
        for (float w : want) {
            largest = Math.max(largest, Math.abs(w));
        }
        for (int i = 0; i < want.length; i++) {
            double err = Math.abs(got[i] - want[i]);
            assertTrue(err <= RELATIVE * Math.abs(want[i]) || err <= OF_LARGEST * largest,
                    what + "[" + i + "]: PyTorch " + want[i] + ", lrlab " + got[i]);
        }
    }

    /** This layer's parameters or gradients in PyTorch's order. */
    static float[] inTorchOrder(Layer layer, float[] ours) {
        float[] out = new float[ours.length];
        for (int k = 0; k < ours.length; k++) {
            out[layer.torchIndex(k)] = ours[k];
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void outputLossAndGradientsMatch(JsonObject c) {
        Network net = networkOf(c);
        double loss = lossAndGradients(net, c);
        int batch = c.get("batch").getAsInt();
        float[] out = net.forward(floats(c.getAsJsonArray("input")), batch); // same weights: same output
        assertClose(floats(c.getAsJsonArray("output")), java.util.Arrays.copyOf(out, batch * net.outputSize()), "output");
        double want = c.get("loss").getAsDouble();
        assertEquals(want, loss, RELATIVE * Math.abs(want), "loss");
        List<float[]> grads = torchParams(c.getAsJsonArray("gradients"), net);
        int t = 0;
        for (Layer layer : net.layers()) {
            if (layer.parameters().length > 0) {
                assertClose(grads.get(t), inTorchOrder(layer, layer.gradients()), layer.describe() + " gradient");
                t++;
            }
        }
    }

    static Stream<Object[]> stepCases() {
        List<Object[]> out = new ArrayList<>();
        cases().forEach(c -> REFERENCE.getAsJsonArray("optimizers")
                .forEach(o -> out.add(new Object[] {c.get("name").getAsString(), o.getAsJsonObject(), c})));
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("stepCases")
    void oneOptimizerStepMatches(String name, JsonObject optimizer, JsonObject c) {
        JsonObject s = optimizer.getAsJsonObject("settings");
        OptimizerConfig config = switch (optimizer.get("name").getAsString()) {
            case "sgd" -> OptimizerConfig.sgd();
            case "adam" -> OptimizerConfig.of(UpdateRule.ADAM);
            case "rmsprop-centered" -> OptimizerConfig.of(UpdateRule.RMSPROP).withRho(s.get("rho").getAsDouble())
                    .withEps(s.get("eps").getAsDouble()).withCentered(true);
            default -> throw new IllegalArgumentException(optimizer.toString());
        };
        double lr = s.get("lr").getAsDouble();
        Network net = networkOf(c);
        lossAndGradients(net, c);
        List<float[]> initial = torchParams(c.getAsJsonArray("initial"), net);
        List<float[]> torchGrads = torchParams(c.getAsJsonArray("gradients"), net);
        List<float[]> after = torchParams(c.getAsJsonObject("after_one_step").getAsJsonArray(optimizer.get("name").getAsString()), net);
        int t = 0;
        for (Layer layer : net.layers()) {
            if (layer.parameters().length > 0) {
                Optimizer opt = config.create(layer.parameters().length);
                opt.update(layer.parameters(), layer.gradients(), lr);
                float[] want = after.get(t).clone();
                float[] got = inTorchOrder(layer, layer.parameters());
                float[] g = torchGrads.get(t);
                double largest = 0;
                for (float x : g) {
                    largest = Math.max(largest, Math.abs(x));
                }
                int noise = 0;
                for (int k = 0; k < g.length; k++) {
                    if (g[k] != 0 && Math.abs(g[k]) <= OF_LARGEST * largest) {
                        noise++;
                        assertTrue(Math.abs(got[k] - initial.get(t)[k]) <= 5 * lr, layer.describe() + "[" + k + "] moved too far");
                        want[k] = got[k];
                    }
                }
                assertTrue(noise <= g.length / 10, noise + " of " + g.length + " gradients at noise level: the fixture tests too little");
                assertClose(want, got, layer.describe() + " after " + name);
                t++;
            }
        }
    }
}
