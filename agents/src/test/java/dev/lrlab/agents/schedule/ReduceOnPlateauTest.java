package dev.lrlab.agents.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReduceOnPlateauTest {

    private static ReduceOnPlateau.Settings settings(int patience, int cooldown) {
        return new ReduceOnPlateau.Settings(ReduceOnPlateau.Mode.MAX, 0.5, patience, 0,
                ReduceOnPlateau.ThresholdMode.ABS, cooldown, 0.01, null);
    }

    @Test
    void reducesAfterMoreThanPatienceChecksWithoutImprovement() {
        ReduceOnPlateau s = ReduceOnPlateau.of(1.0, settings(2, 0));
        s.observe(5);
        s.observe(5);
        s.observe(4);
        assertEquals(1.0, s.rate(0), "two bad checks are within patience");
        s.observe(5);
        assertEquals(0.5, s.rate(123), "the third bad check reduces");
        s.observe(6);
        s.observe(6);
        s.observe(6);
        assertEquals(0.5, s.rate(0));
        s.observe(6);
        assertEquals(0.25, s.rate(0));
    }

    @Test
    void neverGoesBelowTheMinimum() {
        ReduceOnPlateau s = ReduceOnPlateau.of(1.0, settings(0, 0));
        for (int i = 0; i < 20; i++) {
            s.observe(1);
        }
        assertEquals(0.01, s.rate(0), 1e-15);
    }

    @Test
    void cooldownSuspendsCounting() {
        ReduceOnPlateau s = ReduceOnPlateau.of(1.0, settings(0, 2));
        s.observe(1);
        s.observe(1);
        assertEquals(0.5, s.rate(0));
        s.observe(1);
        s.observe(1);
        assertEquals(0.5, s.rate(0), "in cooldown");
        s.observe(1);
        assertEquals(0.25, s.rate(0));
    }

    @Test
    void anUnchangedNegativeMetricIsAPlateau() {
        // PyTorch's relative test (metric > best * (1 + threshold)) would call -1000 after -1000 an improvement
        ReduceOnPlateau s = ReduceOnPlateau.of(1.0, new ReduceOnPlateau.Settings(ReduceOnPlateau.Mode.MAX, 0.5, 0,
                1e-4, ReduceOnPlateau.ThresholdMode.REL, 0, 0, null));
        s.observe(-1000);
        s.observe(-1000);
        assertEquals(0.5, s.rate(0));
        s.observe(-900);
        assertEquals(0.5, s.rate(0), "a real improvement resets the count");
        s.observe(-899.95); // better by less than 1e-4 of |best|
        assertEquals(0.25, s.rate(0));
    }

    @Test
    void stateSavesAndRestores() {
        ReduceOnPlateau a = ReduceOnPlateau.of(1.0, settings(1, 0));
        a.observe(3);
        a.observe(2);
        ReduceOnPlateau b = ReduceOnPlateau.of(1.0, settings(1, 0));
        b.restore(a.state());
        a.observe(2);
        b.observe(2);
        assertEquals(a.state(), b.state());
        assertEquals(0.5, b.rate(0));
    }
}
