package dev.lrlab.env.corridor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class ShortCorridorTest {

    @Test
    void actionsAreSwitchedInTheMiddleState() {
        ShortCorridor env = ShortCorridor.of();
        env.reset(0);
        env.step(ShortCorridor.LEFT);
        assertEquals(0, env.position(), "left in state 0 stays");
        env.step(ShortCorridor.RIGHT);
        assertEquals(1, env.position());
        env.step(ShortCorridor.RIGHT);
        assertEquals(0, env.position(), "right in state 1 goes back");
        env.step(ShortCorridor.RIGHT);
        env.step(ShortCorridor.LEFT);
        assertEquals(2, env.position(), "left in state 1 goes forward");
        env.step(ShortCorridor.LEFT);
        assertEquals(1, env.position());
        env.step(ShortCorridor.LEFT);
        assertEquals(-1.0, env.step(ShortCorridor.RIGHT));
        assertTrue(env.terminated());
    }

    @Test
    void statesLookTheSame() {
        ShortCorridor env = ShortCorridor.of();
        env.reset(0);
        int[] features = new int[1];
        for (int a : new int[] {1, 0, 0, 1}) {
            env.step(a);
            assertEquals(0, env.state());
            assertEquals(1, env.activeFeatures(features));
            assertEquals(0, features[0]);
        }
    }

    @Test
    void startValueMatchesTheBook() {
        double best = 2 - Math.sqrt(2);
        assertEquals(-2 * (3 + 2 * Math.sqrt(2)), ShortCorridor.startValue(best), 1e-9);
        assertEquals(-44.2, ShortCorridor.startValue(0.95), 0.05);
        assertEquals(-82.1, ShortCorridor.startValue(0.05), 0.05);
    }

    @Test
    void monteCarloReturnMatchesTheStartValue() {
        double p = 0.59;
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(99);
        ShortCorridor env = ShortCorridor.of();
        env.reset(0);
        int episodes = 20_000;
        double sum = 0;
        for (int i = 0; i < episodes; i++) {
            env.reset();
            while (!env.terminated()) {
                sum += env.step(rng.nextDouble() < p ? ShortCorridor.RIGHT : ShortCorridor.LEFT);
            }
        }
        // the return's sd is about 10 here, so the mean's is about 0.07
        assertEquals(ShortCorridor.startValue(p), sum / episodes, 0.4);
    }
}
