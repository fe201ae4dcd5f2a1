package dev.lrlab.env.bandit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lrlab.env.metrics.MetricSink;
import dev.lrlab.env.metrics.Reduction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class KArmedBanditTest {

    @Test
    void eachPullIsAnEpisodeOfOneStepThatTerminates() {
        KArmedBandit bandit = KArmedBandit.testbed();
        bandit.reset(1);
        assertEquals(10, bandit.actionCount());
        assertFalse(bandit.episodeOver());
        bandit.step(3);
        assertTrue(bandit.terminated());
        assertEquals(1, bandit.episodeSteps());
        assertThrows(IllegalStateException.class, () -> bandit.step(3), "a second pull needs reset()");
        bandit.reset();
        assertThrows(IllegalArgumentException.class, () -> bandit.step(10));
    }

    /** Rewards scatter around each arm's true value with the set spread, and the values stay per trial. */
    @ParameterizedTest
    @ValueSource(longs = {3, 17, 123})
    void rewardsAverageToTheArmsTrueValues(long seed) {
        KArmedBandit bandit = KArmedBandit.of(5, 4, 1, 2, 0);
        bandit.reset(seed);
        int pulls = 40_000;
        for (int a = 0; a < 5; a++) {
            double value = bandit.trueValue(a);
            double sum = 0;
            double squares = 0;
            for (int i = 0; i < pulls; i++) {
                bandit.reset();
                double r = bandit.step(a) - value;
                sum += r;
                squares += r * r;
            }
            // the mean's standard error is 2 / sqrt(40,000) = 0.01: 5 of them
            assertEquals(0, sum / pulls, 0.05, "arm " + a);
            assertEquals(2, Math.sqrt(squares / pulls), 0.05, "reward-sd, arm " + a);
            assertEquals(value, bandit.trueValue(a), "a stationary arm keeps its value");
        }
    }

    @Test
    void theArmsTrueValuesFollowTheirDistributionAcrossSeeds() {
        int trials = 4000;
        double sum = 0;
        double squares = 0;
        for (long seed = 0; seed < trials; seed++) {
            KArmedBandit bandit = KArmedBandit.of(10, 4, 1, 1, 0);
            bandit.reset(seed);
            for (int a = 0; a < 10; a++) {
                sum += bandit.trueValue(a);
                squares += bandit.trueValue(a) * bandit.trueValue(a);
            }
        }
        double n = trials * 10.0;
        double mean = sum / n;
        assertEquals(4, mean, 0.03);
        assertEquals(1, Math.sqrt(squares / n - mean * mean), 0.03);
    }

    /** Exercise 2.5: equal start, and after t pulls each value has wandered by about walk-sd sqrt(t). */
    @Test
    void aNonstationaryTestbedWalksEveryArmAfterEveryPull() {
        int runs = 400;
        int steps = 2500;
        double squares = 0;
        for (long seed = 0; seed < runs; seed++) {
            KArmedBandit bandit = KArmedBandit.of(10, 0, 0, 1, 0.01);
            bandit.reset(seed);
            for (int a = 0; a < 10; a++) {
                assertEquals(0, bandit.trueValue(a), "arm-sd 0: every arm starts at the mean");
            }
            for (int t = 0; t < steps; t++) {
                bandit.step(0);
                bandit.reset();
            }
            for (int a = 0; a < 10; a++) {
                squares += bandit.trueValue(a) * bandit.trueValue(a);
            }
        }
        // the walk's variance after 2,500 steps: 2,500 * 0.01^2 = 0.25 (relative error of 4,000 samples ~2%)
        assertEquals(0.25, squares / (runs * 10.0), 0.02);
    }

    @Test
    void theSameSeedGivesTheSameArmsAndRewards() {
        KArmedBandit a = KArmedBandit.of(10, 0, 1, 1, 0.01);
        KArmedBandit b = KArmedBandit.of(10, 0, 1, 1, 0.01);
        a.reset(99);
        b.reset(99);
        for (int t = 0; t < 100; t++) {
            assertEquals(a.step(t % 10), b.step(t % 10));
            a.reset();
            b.reset();
        }
        KArmedBandit c = KArmedBandit.of(10, 0, 1, 1, 0.01);
        c.reset(100);
        assertTrue(c.trueValue(0) != a.trueValue(0), "another seed, other arms");
    }

    /** optimal_action_fraction is 1 exactly when the pulled arm had the largest true value. */
    @Test
    void publishesWhetherThePulledArmWasTheBest() {
        KArmedBandit bandit = KArmedBandit.testbed();
        double[] last = new double[1];
        int[] registered = new int[1];
        bandit.publishTo(new MetricSink() {
            @Override
            public int register(String name, Reduction reduction) {
                assertEquals("optimal_action_fraction", name);
                assertEquals(Reduction.MEAN, reduction);
                return registered[0]++;
            }

            @Override
            public void add(int id, double value) {
                last[0] = value;
            }

            @Override
            public void addSum(int id, long count, double sum) {
            }

            @Override
            public void sampleAtIntervalEnd(Runnable sampler) {
            }
        });
        bandit.reset(5);
        int best = 0;
        for (int a = 1; a < 10; a++) {
            if (bandit.trueValue(a) > bandit.trueValue(best)) {
                best = a;
            }
        }
        for (int a = 0; a < 10; a++) {
            bandit.reset();
            bandit.step(a);
            assertEquals(a == best ? 1.0 : 0.0, last[0], "arm " + a);
        }
    }
}
