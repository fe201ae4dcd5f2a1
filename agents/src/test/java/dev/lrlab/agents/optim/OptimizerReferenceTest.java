package dev.lrlab.agents.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.lrlab.agents.ReferenceFixture;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every optimizer replays PyTorch's trajectories (agents/src/test/python/optimizer_reference.py)
 * to 1e-9 relative: same gradients, same changing rate, parameters compared after every update.
 */
class OptimizerReferenceTest {

    private static final JsonObject REFERENCE = ReferenceFixture.load("/optim/pytorch-reference.json");

    static Stream<JsonObject> cases() {
        return ReferenceFixture.cases(REFERENCE).stream();
    }

    @Test
    void everyKindHasAReferenceCase() {
        List<String> kinds = cases().map(c -> c.get("kind").getAsString()).toList();
        for (UpdateRule kind : UpdateRule.values()) {
            assertTrue(kinds.contains(kind.id()), "no PyTorch reference for " + kind.id());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPyTorch(JsonObject testCase) {
        OptimizerConfig config = configOf(testCase);
        double[] w = doubles(REFERENCE.getAsJsonArray("initial"));
        JsonArray gradients = REFERENCE.getAsJsonArray("gradients");
        double[] rates = doubles(REFERENCE.getAsJsonArray("rates"));
        JsonArray expected = testCase.getAsJsonArray("params");
        Optimizer optimizer = config.create(w.length);
        for (int k = 0; k < rates.length; k++) {
            optimizer.update(w, doubles(gradients.get(k).getAsJsonArray()), rates[k]);
            double[] want = doubles(expected.get(k).getAsJsonArray());
            for (int i = 0; i < w.length; i++) {
                double tolerance = 1e-9 * Math.max(Math.abs(want[i]), 1e-12);
                assertEquals(want[i], w[i], tolerance, testCase.get("name").getAsString()
                        + ": parameter " + i + " after update " + (k + 1));
            }
        }
        assertEquals(rates.length, optimizer.updates());
    }

    private static OptimizerConfig configOf(JsonObject testCase) {
        String name = testCase.get("name").getAsString();
        UpdateRule kind = UpdateRule.byId(testCase.get("kind").getAsString()).orElseThrow();
        OptimizerConfig config = OptimizerConfig.of(kind);
        if (kind == UpdateRule.SGD || kind == UpdateRule.RMSPROP) {
            config = config.withMomentum(0);
        }
        JsonObject s = testCase.getAsJsonObject("settings");
        for (String key : s.keySet()) {
            JsonElement v = s.get(key);
            config = switch (key) {
                case "momentum" -> config.withMomentum(v.getAsDouble());
                case "weight_decay" -> config.withWeightDecay(v.getAsDouble());
                case "centered" -> config.withCentered(v.getAsBoolean());
                case "rho" -> config.withRho(v.getAsDouble());
                case "beta1" -> config.withBetas(v.getAsDouble(), s.get("beta2").getAsDouble());
                case "beta2" -> config;
                case "eps" -> config.withEps(v.getAsDouble());
                case "amsgrad" -> config.withAmsgrad(v.getAsBoolean());
                default -> throw new IllegalArgumentException(name + ": unknown setting " + key);
            };
        }
        return config;
    }

    private static double[] doubles(JsonArray array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).getAsDouble();
        }
        return out;
    }
}
