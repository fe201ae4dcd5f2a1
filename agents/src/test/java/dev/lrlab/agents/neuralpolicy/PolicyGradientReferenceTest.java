package dev.lrlab.agents.neuralpolicy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.lrlab.agents.EpisodeLoop;
import dev.lrlab.agents.ReferenceFixture;
import dev.lrlab.agents.nn.Activation;
import dev.lrlab.agents.nn.Initialization;
import dev.lrlab.agents.nn.Layer;
import dev.lrlab.agents.nn.NetworkShape;
import dev.lrlab.agents.optim.OptimizerConfig;
import dev.lrlab.agents.optim.UpdateRule;
import dev.lrlab.agents.schedule.ClockedSchedule;
import dev.lrlab.env.Environment;
import dev.lrlab.env.ObservationSpace;
import dev.lrlab.env.metrics.MetricSink;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The neural policy-gradient methods against PyTorch (fixture written by
 * {@code agents/src/test/python/policy_gradient_reference.py}): PPO's and the plain policy
 * gradient's loss parts and every gradient on fixed batches, GAE, and AC(lambda)'s parameters after
 * two episodes of MinAtar's update with SGD and with its debiased RMSprop. Within float32 tolerance:
 * 1e-5 relative, or 1e-6 of the tensor's largest entry (1e-4 for AC(lambda)'s parameters after
 * thirteen steps, whose rounding compounds).
 */
class PolicyGradientReferenceTest {

    private static final JsonObject FIXTURE = ReferenceFixture.load("/nn/pytorch-policy-gradient-reference.json");
    private static final JsonObject SHAPE = FIXTURE.getAsJsonObject("shape");
    private static final int ACTIONS = SHAPE.get("actions").getAsInt();
    private static final ObservationSpace SPACE = ObservationSpace.grid(SHAPE.get("channels").getAsInt(),
            SHAPE.get("height").getAsInt(), SHAPE.get("width").getAsInt());

    static Stream<JsonObject> losses() {
        List<JsonObject> out = new ArrayList<>();
        FIXTURE.getAsJsonArray("losses").forEach(c -> out.add(c.getAsJsonObject()));
        return out.stream();
    }

    static Stream<JsonObject> acLambda() {
        List<JsonObject> out = new ArrayList<>();
        FIXTURE.getAsJsonArray("ac_lambda").forEach(c -> out.add(c.getAsJsonObject()));
        return out.stream();
    }

    private static PolicyValueNetwork network(boolean shared, Activation.Function hidden, Activation.Function conv,
            JsonArray params, int maxBatch) {
        NetworkShape shape = new NetworkShape(true, SHAPE.get("filters").getAsInt(), SHAPE.get("hidden").getAsInt(), 1,
                hidden, Initialization.PYTORCH, conv);
        PolicyValueNetwork net = PolicyValueNetwork.of(shape, shared, SPACE, ACTIONS, maxBatch, 1, 1,
                RandomSource.SPLIT_MIX_64.create(1L));
        assertEquals(params.size(), net.learnable().size(), "layers with parameters");
        for (int l = 0; l < params.size(); l++) {
            Layer layer = net.learnable().get(l);
            float[] torch = floats(params.get(l).getAsJsonArray());
            assertEquals(torch.length, layer.parameters().length, "parameters of " + layer.describe());
            for (int k = 0; k < torch.length; k++) {
                layer.parameters()[k] = torch[layer.torchIndex(k)];
            }
        }
        return net;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("losses")
    void lossPartsAndGradientsMatchPyTorch(JsonObject c) {
        int n = c.get("batch").getAsInt();
        PolicyValueNetwork net = network(!c.get("separate").getAsBoolean(), Activation.Function.RELU,
                Activation.Function.RELU, c.getAsJsonArray("params"), n);
        float[] obs = floats(c.getAsJsonArray("obs"));
        int[] actions = ints(c.getAsJsonArray("actions"));
        float[] advantages = floats(c.getAsJsonArray("advantages"));
        if (c.get("normalize").getAsBoolean()) {
            PolicyLosses.normalize(advantages, n);
        }
        PolicyLosses.Kind kind = "ppo".equals(c.get("kind").getAsString()) ? PolicyLosses.Kind.PPO
                : PolicyLosses.Kind.POLICY_GRADIENT;
        float[] y = net.forward(obs, n);
        float[] grad = new float[n * net.stride()];
        PolicyLosses.Parts parts = new PolicyLosses.Parts();
        double entropyCoef = c.get("entropy_coef").getAsDouble();
        double valueCoef = c.get("value_coef").getAsDouble();
        PolicyLosses.evaluate(kind, y, ACTIONS, actions, floats(c.getAsJsonArray("old_log_prob")), advantages,
                floats(c.getAsJsonArray("returns")), floats(c.getAsJsonArray("old_values")), 0, n, n,
                c.get("clip").getAsDouble(), c.get("clip_values").getAsBoolean(), entropyCoef, valueCoef, new double[ACTIONS],
                grad, parts);
        assertNear(c.get("policy_loss").getAsDouble(), parts.policy, "policy loss");
        assertNear(c.get("value_loss").getAsDouble(), parts.value, "value loss");
        assertNear(c.get("entropy").getAsDouble(), parts.entropy, "entropy");
        assertNear(c.get("approx_kl").getAsDouble(), parts.approxKl, "approximate KL");
        assertNear(c.get("clip_fraction").getAsDouble(), parts.clipFraction, "clip fraction");
        assertNear(c.get("loss").getAsDouble(), parts.total(entropyCoef, valueCoef), "loss");
        net.backward(grad, n);
        JsonArray want = c.getAsJsonArray("gradients");
        for (int l = 0; l < want.size(); l++) {
            Layer layer = net.learnable().get(l);
            assertClose(floats(want.get(l).getAsJsonArray()), inTorchOrder(layer, layer.gradients()), 1e-5,
                    net.layerNames().get(l) + " gradient");
        }
    }

    @Test
    void chunksOfAMinibatchSumToItsLossAndGradient() {
        JsonObject c = FIXTURE.getAsJsonArray("losses").get(0).getAsJsonObject();
        int n = c.get("batch").getAsInt();
        PolicyValueNetwork net = network(true, Activation.Function.RELU, Activation.Function.RELU,
                c.getAsJsonArray("params"), n);
        float[] obs = floats(c.getAsJsonArray("obs"));
        int[] actions = ints(c.getAsJsonArray("actions"));
        float[] adv = floats(c.getAsJsonArray("advantages"));
        float[] old = floats(c.getAsJsonArray("old_log_prob"));
        float[] ret = floats(c.getAsJsonArray("returns"));
        float[] oldV = floats(c.getAsJsonArray("old_values"));
        PolicyLosses.Parts whole = new PolicyLosses.Parts();
        float[] grad = new float[n * net.stride()];
        PolicyLosses.evaluate(PolicyLosses.Kind.PPO, net.forward(obs, n), ACTIONS, actions, old, adv, ret, oldV, 0, n, n,
                0.2, true, 0.01, 0.5, new double[ACTIONS], grad, whole);
        PolicyLosses.Parts chunked = new PolicyLosses.Parts();
        int first = 4;
        float[] g1 = new float[first * net.stride()];
        float[] g2 = new float[(n - first) * net.stride()];
        float[] x2 = java.util.Arrays.copyOfRange(obs, first * SPACE.featureCount(), obs.length);
        PolicyLosses.evaluate(PolicyLosses.Kind.PPO, net.forward(obs, first), ACTIONS, actions, old, adv, ret, oldV, 0,
                first, n, 0.2, true, 0.01, 0.5, new double[ACTIONS], g1, chunked);
        PolicyLosses.evaluate(PolicyLosses.Kind.PPO, net.forward(x2, n - first), ACTIONS, actions, old, adv, ret, oldV,
                first, n - first, n, 0.2, true, 0.01, 0.5, new double[ACTIONS], g2, chunked);
        assertEquals(whole.policy, chunked.policy, 1e-12);
        assertEquals(whole.value, chunked.value, 1e-12);
        assertEquals(whole.entropy, chunked.entropy, 1e-12);
        for (int i = 0; i < g1.length; i++) {
            assertEquals(grad[i], g1[i], 0f);
        }
        for (int i = 0; i < g2.length; i++) {
            assertEquals(grad[first * net.stride() + i], g2[i], 0f);
        }
    }

    @Test
    void gaeMatchesPyTorch() {
        JsonObject c = FIXTURE.getAsJsonObject("gae");
        int steps = c.get("steps").getAsInt();
        int copies = c.get("copies").getAsInt();
        float[] adv = new float[steps * copies];
        float[] targets = new float[steps * copies];
        JsonArray endedJson = c.getAsJsonArray("ended");
        boolean[] ended = new boolean[endedJson.size()];
        for (int i = 0; i < ended.length; i++) {
            ended[i] = endedJson.get(i).getAsBoolean();
        }
        Advantages.gae(floats(c.getAsJsonArray("rewards")), floats(c.getAsJsonArray("values")), ended,
                floats(c.getAsJsonArray("bootstrap")), steps, copies, c.get("gamma").getAsDouble(),
                c.get("lambda").getAsDouble(), adv, targets);
        assertClose(floats(c.getAsJsonArray("advantages")), adv, 1e-5, "advantages");
        assertClose(floats(c.getAsJsonArray("targets")), targets, 1e-5, "targets");
    }

    @ParameterizedTest(name = "AC(lambda) with {0}")
    @MethodSource("acLambda")
    void acLambdaMatchesMinAtarsUpdateOverTwoEpisodes(JsonObject c) {
        PolicyValueNetwork net = network(true, Activation.Function.DSILU, Activation.Function.SILU,
                c.getAsJsonArray("params"), 1);
        OptimizerConfig optimizer = "sgd".equals(c.get("optimizer").getAsString()) ? OptimizerConfig.sgd()
                : OptimizerConfig.of(UpdateRule.RMSPROP).withRho(0.999).withEps(1e-4).withEpsInsideRoot(true)
                        .withDebiased(true);
        var config = new ActorCriticLambdaAgent.Config(c.get("gamma").getAsDouble(), c.get("lambda").getAsDouble(),
                c.get("entropy_coef").getAsDouble(), c.get("policy_weight").getAsDouble(),
                c.get("log_floor").getAsDouble(), ClockedSchedule.constant(c.get("alpha").getAsDouble()), optimizer, 1e10);
        float[] uniforms = floats(c.getAsJsonArray("uniforms"));
        ScriptedEnvironment env = new ScriptedEnvironment(c.getAsJsonArray("episodes"), c.getAsJsonArray("rewards"));
        ActorCriticLambdaAgent agent = ActorCriticLambdaAgent.of(config, net, env, scripted(uniforms), MetricSink.NONE);
        for (int e = 0; e < env.episodes(); e++) {
            env.reset(e);
            EpisodeLoop.train(agent, env);
        }
        assertEquals(java.util.Arrays.toString(ints(c.getAsJsonArray("actions"))), env.actions.toString(),
                "the actions drawn from the same uniforms");
        JsonArray want = c.getAsJsonArray("final_params");
        for (int l = 0; l < want.size(); l++) {
            Layer layer = net.learnable().get(l);
            assertClose(floats(want.get(l).getAsJsonArray()), inTorchOrder(layer, layer.parameters()), 1e-4,
                    net.layerNames().get(l) + " after two episodes");
        }
    }

    /** A generator whose uniform draws are the given numbers, in order (the fixture's). */
    private static UniformRandomProvider scripted(float[] uniforms) {
        return new UniformRandomProvider() {
            private int next;

            @Override
            public long nextLong() {
                throw new UnsupportedOperationException("only nextDouble is scripted");
            }

            @Override
            public double nextDouble() {
                return uniforms[next++];
            }
        };
    }

    /** Episodes of fixed observations and rewards, whatever the actions (which it records). */
    private static final class ScriptedEnvironment implements Environment {
        private final List<float[][]> observations = new ArrayList<>();
        private final List<float[]> rewards = new ArrayList<>();
        final List<Integer> actions = new ArrayList<>();
        private int episode;
        private int t;

        ScriptedEnvironment(JsonArray episodes, JsonArray rewardLists) {
            int f = SPACE.featureCount();
            for (int e = 0; e < episodes.size(); e++) {
                float[] flat = floats(episodes.get(e).getAsJsonArray());
                float[][] steps = new float[flat.length / f][];
                for (int s = 0; s < steps.length; s++) {
                    steps[s] = java.util.Arrays.copyOfRange(flat, s * f, (s + 1) * f);
                }
                observations.add(steps);
                rewards.add(floats(rewardLists.get(e).getAsJsonArray()));
            }
        }

        int episodes() {
            return observations.size();
        }

        @Override
        public String id() {
            return "scripted";
        }

        @Override
        public int actionCount() {
            return ACTIONS;
        }

        @Override
        public ObservationSpace observationSpace() {
            return SPACE;
        }

        @Override
        public void reset(long seed) {
            episode = (int) seed;
            t = 0;
        }

        @Override
        public void reset() {
            throw new UnsupportedOperationException();
        }

        @Override
        public double step(int action) {
            actions.add(action);
            return rewards.get(episode)[t++];
        }

        @Override
        public boolean terminated() {
            return t == observations.get(episode).length - 1;
        }

        @Override
        public boolean truncated() {
            return false;
        }

        @Override
        public int episodeSteps() {
            return t;
        }

        @Override
        public int state() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int activeFeatures(int[] out) {
            float[] x = observations.get(episode)[t];
            int n = 0;
            for (int i = 0; i < x.length; i++) {
                if (x[i] != 0f) {
                    out[n++] = i;
                }
            }
            return n;
        }
    }

    private static void assertNear(double want, double got, String what) {
        assertTrue(Math.abs(got - want) <= 1e-5 * Math.max(1, Math.abs(want)), what + ": PyTorch " + want + ", lrlab " + got);
    }

    private static void assertClose(float[] want, float[] got, double relative, String what) {
        assertEquals(want.length, got.length, what);
        double largest = 0;
        for (float w : want) {
            largest = Math.max(largest, Math.abs(w));
        }
        for (int i = 0; i < want.length; i++) {
            double err = Math.abs(got[i] - want[i]);
            assertTrue(err <= relative * Math.abs(want[i]) || err <= relative / 10 * largest,
                    what + "[" + i + "]: PyTorch " + want[i] + ", lrlab " + got[i]);
        }
    }

    private static float[] inTorchOrder(Layer layer, float[] ours) {
        float[] out = new float[ours.length];
        for (int k = 0; k < ours.length; k++) {
            out[layer.torchIndex(k)] = ours[k];
        }
        return out;
    }

    private static float[] floats(JsonArray a) {
        float[] out = new float[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsFloat();
        }
        return out;
    }

    private static int[] ints(JsonArray a) {
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsInt();
        }
        return out;
    }
}
