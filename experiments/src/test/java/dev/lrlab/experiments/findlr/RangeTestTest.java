package dev.lrlab.experiments.findlr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lrlab.experiments.spec.ExperimentPlan;
import dev.lrlab.experiments.spec.SpecReader;
import dev.lrlab.agents.Registries;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RangeTestTest {

    private static ExperimentPlan plan(String agent) throws Exception {
        return SpecReader.of(Registries.load()).parse("""
                name: range
                environment: cliff-walking
                agent: %s
                sweep: { learning-rates: [0.1], seeds: 3 }
                budget: { episodes: 10, max-episode-steps: 1000 }
                """.formatted(agent), "range.yaml");
    }

    private static final RangeTestOptions QUICK = new RangeTestOptions(1e-5, 10, 4000, 100, 1000, 0.98, 4, 1_000_000);

    /** A loss that falls, bottoms out and blows up: the suggestions land where fast.ai's would. */
    @Test
    void suggestionsFollowFastAisRules() {
        int n = 100;
        double[] rates = new double[n];
        double[] loss = new double[n];
        for (int i = 0; i < n; i++) {
            rates[i] = 1e-5 * Math.pow(10, 6.0 * i / (n - 1)); // 1e-5 .. 10
            double x = Math.log10(rates[i]);
            // flat at 10 up to 1e-3, falling to 1 at 1e-1 (fastest near 1e-2), then rising
            loss[i] = x < -3 ? 10 : x < -1 ? 1 + 9 * (1 + Math.cos(Math.PI * (x + 3) / 2)) / 2 : 1 + 50 * (x + 1) * (x + 1);
            loss[i] -= 1e-6 * i * (x < -3 ? 1 : 0); // a hair of slope on the plateau, as smoothed noise leaves
        }
        Suggestions s = Suggestions.of(rates, loss);
        assertEquals(0.1, s.minimum() * 10, 0.02, "the lowest loss, divided by ten: " + s);
        assertTrue(s.steep() > 3e-3 && s.steep() < 3e-2, "steepest fall near 1e-2: " + s);
        assertTrue(s.valley() > 1e-5 && s.valley() < 0.1, "inside the falling run: " + s);
        assertTrue(Double.isNaN(Suggestions.of(new double[] {1, 2}, new double[] {1, 0.5}).valley()), "too short");
    }

    @Test
    void aTabularAgentsLossFallsThenBlowsUpAndTheTestStops() throws Exception {
        RangeCurve c = RangeTest.run(plan("{ type: q-learning, gamma: 1.0 }").setups().get(0), 0, QUICK);
        assertEquals("diverged", c.stopped(), "the rate reaches 10, far past what a table can take");
        assertTrue(c.rates()[c.rates().length - 1] > 1, "stopped past 1: " + c.rates()[c.rates().length - 1]);
        double first = c.smoothed()[0];
        double lowest = java.util.Arrays.stream(c.smoothed()).min().orElseThrow();
        assertTrue(lowest < 0.9 * first, "learning lowers the held-out TD error: " + first + " -> " + lowest);
        assertTrue(c.smoothed()[c.smoothed().length - 1] > 4 * lowest, "it stops past four times the minimum");
        for (int i = 1; i < c.rates().length; i++) {
            assertTrue(c.rates()[i] > c.rates()[i - 1], "rates grow");
        }
    }

    @Test
    void theSameSeedGivesTheSameCurveOnAnyThread() throws Exception {
        var setup = plan("{ type: sarsa, gamma: 1.0 }").setups().get(0);
        RangeCurve alone = RangeTest.run(setup, 2, QUICK);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<RangeCurve>> many = new ArrayList<>();
            for (long seed = 0; seed < 3; seed++) {
                long s = seed;
                many.add(pool.submit(() -> RangeTest.run(setup, s, QUICK)));
            }
            RangeCurve again = many.get(2).get();
            assertArrayEquals(alone.smoothed(), again.smoothed());
            assertArrayEquals(alone.rates(), again.rates());
            assertTrue(!java.util.Arrays.equals(alone.smoothed(), many.get(0).get().smoothed()), "seeds differ");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anAgentWithoutAHeldOutLossIsRefused() throws Exception {
        var setup = plan("{ type: random }").setups().get(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RangeTest.run(setup, 0, QUICK));
        assertTrue(e.getMessage().contains("has no held-out loss"), e.getMessage());
    }

    @Test
    void badOptionsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RangeTestOptions(1, 0.1, 100, 10, 100, 0.98, 4, 10));
        assertThrows(IllegalArgumentException.class, () -> new RangeTestOptions(1e-7, 10, 5, 10, 100, 0.98, 4, 10));
    }
}
