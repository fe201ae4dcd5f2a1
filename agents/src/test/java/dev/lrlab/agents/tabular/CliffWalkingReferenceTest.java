package dev.lrlab.agents.tabular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lrlab.agents.EpisodeLoop;
import dev.lrlab.env.Environment;
import dev.lrlab.env.gridworld.Gridworld;
import dev.lrlab.env.gridworld.GridworldPresets;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * lrlab's tabular agents against an independent implementation of Sutton &amp; Barto's boxes
 * (agents/src/test/python/td_control_reference.py, 2000 runs per case): on the cliff walk, the mean
 * return over the first 100 episodes must agree within four combined standard errors for every
 * agent and step size. Choosing Q-learning's, Expected Sarsa's or Double Q-learning's next action
 * before the update (as lrlab once did) moved these means by several standard errors.
 */
class CliffWalkingReferenceTest {

    private static final int RUNS = 1500;

    static Stream<JsonObject> cases() {
        try (var in = CliffWalkingReferenceTest.class.getResourceAsStream("/tabular/cliff-walking-reference.json")) {
            JsonObject root = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
            List<JsonObject> out = new ArrayList<>();
            root.getAsJsonArray("cases").forEach(c -> out.add(c.getAsJsonObject()));
            return out.stream();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void firstHundredEpisodesMatchTheIndependentReference(JsonObject reference) {
        TdRule rule = TdRule.byId(reference.get("agent").getAsString()).orElseThrow();
        double alpha = reference.get("alpha").getAsDouble();
        double[] means = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            Environment env = Gridworld.of(GridworldPresets.cliffWalking());
            TabularAgent agent = TabularAgent.of(TabularConfig.of(rule, 1.0, alpha, 0.1), env,
                    RandomSource.XO_RO_SHI_RO_128_PP.create(7_000_003L * run + 11));
            env.reset(run);
            double total = 0;
            for (int e = 0; e < 100; e++) {
                if (e > 0) {
                    env.reset();
                }
                total += EpisodeLoop.train(agent, env);
            }
            means[run] = total / 100;
        }
        double mean = 0;
        for (double m : means) {
            mean += m / RUNS;
        }
        double ss = 0;
        for (double m : means) {
            ss += (m - mean) * (m - mean);
        }
        double se = Math.sqrt(ss / (RUNS - 1) / RUNS);
        double want = reference.get("mean").getAsDouble();
        double combined = Math.hypot(se, reference.get("standard_error").getAsDouble());
        String what = String.format(Locale.ROOT, "%s alpha %.1f: lrlab %.3f +- %.3f, reference %.3f +- %.3f", rule.id(),
                alpha, mean, se, want, reference.get("standard_error").getAsDouble());
        assertTrue(Math.abs(mean - want) < 4 * combined, what);
        assertEquals(2000, reference.get("runs").getAsInt());
    }
}
