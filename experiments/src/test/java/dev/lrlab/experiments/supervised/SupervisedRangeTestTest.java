package dev.lrlab.experiments.supervised;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lrlab.agents.Registries;
import dev.lrlab.agents.schedule.Constant;
import dev.lrlab.agents.schedule.OneCycle;
import dev.lrlab.experiments.findlr.RangeCurve;
import dev.lrlab.experiments.findlr.RangeTestOptions;
import org.junit.jupiter.api.Test;

/** The range test on the spiral classifier, and the trainings it is for. */
class SupervisedRangeTestTest {

    private static final SupervisedTask ADAM = SupervisedTask.spirals("adam", Registries.load().optimizers());
    private static final RangeTestOptions OPTIONS = new RangeTestOptions(1e-5, 10, 1200, 120, 0, 0.98, 4,
            Long.MAX_VALUE);

    @Test
    void theSpiralsAreTheSameForASeedAndBalanced() {
        Spirals a = Spirals.of(3, 100, 0.2, 5);
        Spirals b = Spirals.of(3, 100, 0.2, 5);
        assertArrayEquals(a.inputs(), b.inputs());
        assertEquals(300, a.size());
        int[] perClass = new int[3];
        for (int y : a.labels()) {
            perClass[y]++;
        }
        assertArrayEquals(new int[] {100, 100, 100}, perClass);
        for (int i = 0; i < a.size(); i++) {
            double r = Math.hypot(a.inputs()[2 * i], a.inputs()[2 * i + 1]);
            assertTrue(r <= 1 + 1e-6, "every point within the unit disc: " + r);
        }
        assertEquals(2400, ADAM.train().size());
        assertEquals(600, ADAM.heldOut().size());
    }

    /** The held-out loss falls from ln 3 as the rate grows, bottoms out, and the seed fixes the curve. */
    @Test
    void theCurveFallsThenRisesAndASeedFixesIt() {
        RangeCurve c = SupervisedRangeTest.run(ADAM, 3, OPTIONS);
        RangeCurve again = SupervisedRangeTest.run(ADAM, 3, OPTIONS);
        assertArrayEquals(c.smoothed(), again.smoothed());
        double first = c.smoothed()[0];
        assertEquals(Math.log(3), first, 0.1, "an untrained classifier of 3 classes");
        double lowest = java.util.Arrays.stream(c.smoothed()).min().orElseThrow();
        assertTrue(lowest < 0.6 * first, "the loss falls: " + lowest + " from " + first);
        double last = c.smoothed()[c.smoothed().length - 1];
        assertTrue(last > 1.5 * lowest, "and rises again at the largest rates: " + last + " vs " + lowest);
        // the suggestions sit where the loss falls, below the rate of its minimum
        int at = 0;
        for (int i = 0; i < c.smoothed().length; i++) {
            at = c.smoothed()[i] == lowest ? i : at;
        }
        double minimumRate = c.rates()[at];
        assertEquals(minimumRate / 10, c.suggestions().minimum(), 1e-12 * minimumRate);
        assertTrue(c.suggestions().steep() < minimumRate && c.suggestions().valley() < minimumRate,
                c.suggestions().toString());
    }

    @Test
    void aLossPastTheFactorOfItsMinimumStopsTheTest() {
        RangeCurve c = SupervisedRangeTest.run(ADAM, 1, new RangeTestOptions(1e-5, 10, 1200, 120, 0, 0.98, 1.05,
                Long.MAX_VALUE));
        assertEquals("diverged", c.stopped());
        assertTrue(c.rates().length < 120, "stopped early: " + c.rates().length);
    }

    /**
     * Smith's use of the test: one cycle peaking at the minimum/10 suggestion trains the spirals in
     * five epochs; a constant rate at the (here cautious) valley suggestion does not.
     */
    @Test
    void oneCycleAtTheSuggestionTrainsInFiveEpochs() {
        RangeCurve c = SupervisedRangeTest.run(ADAM, 0, OPTIONS);
        double peak = c.suggestions().minimum();
        int epochs = 5;
        long total = (long) epochs * ADAM.updatesPerEpoch();
        SupervisedRangeTest.Training cycle = SupervisedRangeTest.train(ADAM, OneCycle.of(peak, total, 0.3, 25, 1e4),
                epochs, 0);
        SupervisedRangeTest.Training slow = SupervisedRangeTest.train(ADAM, Constant.of(peak / 100), epochs, 0);
        assertTrue(cycle.accuracy()[epochs - 1] > 0.95, "one-cycle: " + cycle.accuracy()[epochs - 1]);
        assertTrue(slow.accuracy()[epochs - 1] < 0.8, "100 times smaller, constant: " + slow.accuracy()[epochs - 1]);
        assertTrue(cycle.trainLoss()[epochs - 1] < cycle.trainLoss()[0], "the training loss falls");
    }
}
