package dev.lrlab.agents.bandit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.lrlab.agents.Agent;
import dev.lrlab.agents.ReferenceFixture;
import dev.lrlab.agents.explore.Exploration;
import dev.lrlab.agents.schedule.Clock;
import dev.lrlab.agents.schedule.ClockedSchedule;
import dev.lrlab.agents.schedule.InverseTime;
import dev.lrlab.agents.tabular.TabularAgent;
import dev.lrlab.agents.tabular.TabularConfig;
import dev.lrlab.agents.tabular.TdRule;
import dev.lrlab.env.bandit.KArmedBandit;
import dev.lrlab.env.metrics.MetricSink;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * lrlab's chapter-2 methods against an independent NumPy implementation of the book's
 * (agents/src/test/python/bandit_reference.py): each run's average reward and late fraction of
 * optimal actions, averaged over runs, agree within four standard errors of the difference.
 */
class BanditReferenceTest {

    static Stream<JsonObject> cases() {
        return ReferenceFixture.cases(ReferenceFixture.load("/bandit/bandit-reference.json")).stream();
    }

    private static Agent agent(JsonObject c, KArmedBandit bandit, UniformRandomProvider rng) {
        String method = c.get("method").getAsString();
        if (method.equals("gradient")) {
            return GradientBanditAgent.of(ClockedSchedule.constant(c.get("alpha").getAsDouble()),
                    c.get("baseline").getAsBoolean(), 1e10, bandit, rng, MetricSink.NONE);
        }
        ClockedSchedule stepSize = c.get("alpha").getAsJsonPrimitive().isString()
                ? ClockedSchedule.of(InverseTime.of(1, 1, 1), Clock.VISITS)
                : ClockedSchedule.constant(c.get("alpha").getAsDouble());
        Exploration exploration = method.equals("ucb") ? Exploration.UpperConfidenceBound.of(c.get("c").getAsDouble())
                : Exploration.EpsilonGreedy.of(c.get("epsilon").getAsDouble());
        double initial = c.has("initial") ? c.get("initial").getAsDouble() : 0;
        return TabularAgent.of(new TabularConfig(TdRule.Q_LEARNING, 0, initial, exploration, stepSize,
                TabularConfig.DEFAULT_BOUND), bandit, rng);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void averagesAgreeWithTheReference(JsonObject c) {
        int steps = c.get("steps").getAsInt();
        // the long nonstationary runs are fewer here than in the reference: 5 million steps each
        int runs = steps > 1000 ? 500 : c.get("runs").getAsInt();
        double mean = c.has("mean") ? c.get("mean").getAsDouble() : 0;
        double walk = c.has("walk_sd") ? c.get("walk_sd").getAsDouble() : 0;
        int last = steps - steps / 10;
        double[] reward = new double[runs];
        double[] optimal = new double[runs];
        for (int run = 0; run < runs; run++) {
            KArmedBandit bandit = KArmedBandit.of(10, mean, walk > 0 ? 0 : 1, 1, walk);
            Agent agent = agent(c, bandit, RandomSource.XO_RO_SHI_RO_128_PP.create(7919L * run + 1));
            bandit.reset(run);
            double sum = 0;
            int best = 0;
            for (int t = 0; t < steps; t++) {
                if (t > 0) {
                    bandit.reset();
                }
                int a = agent.start(bandit);
                if (t >= last && bandit.isOptimal(a)) {
                    best++;
                }
                double r = bandit.step(a);
                agent.step(r, bandit);
                agent.end(bandit);
                sum += r;
            }
            reward[run] = sum / steps;
            optimal[run] = best / (double) (steps - last);
        }
        check(c, "reward", reward);
        check(c, "optimal", optimal);
    }

    private static void check(JsonObject c, String what, double[] ours) {
        int n = ours.length;
        double mean = java.util.Arrays.stream(ours).average().orElseThrow();
        double variance = java.util.Arrays.stream(ours).map(v -> (v - mean) * (v - mean)).sum() / (n - 1);
        double se = Math.sqrt(variance / n);
        double theirs = c.get(what + "_mean").getAsDouble();
        double theirSe = c.get(what + "_se").getAsDouble();
        double margin = 4 * Math.hypot(se, theirSe);
        assertTrue(Math.abs(mean - theirs) <= margin, String.format(java.util.Locale.ROOT,
                "%s, %s: lrlab %.4f (se %.4f), reference %.4f (se %.4f), margin %.4f", c.get("name").getAsString(),
                what, mean, se, theirs, theirSe, margin));
    }
}
