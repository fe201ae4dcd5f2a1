package dev.lrlab.agents.bandit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lrlab.agents.Agent;
import dev.lrlab.agents.explore.Exploration;
import dev.lrlab.agents.schedule.Clock;
import dev.lrlab.agents.schedule.ClockedSchedule;
import dev.lrlab.agents.schedule.InverseTime;
import dev.lrlab.agents.tabular.TabularAgent;
import dev.lrlab.agents.tabular.TabularConfig;
import dev.lrlab.agents.tabular.TdRule;
import dev.lrlab.env.bandit.KArmedBandit;
import dev.lrlab.env.metrics.MetricSink;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The chapter-2 methods on the 10-armed testbed: exact where the update is the point (sample
 * averages, one gradient step), by statistical margins over many runs where learning is.
 */
class BanditAgentsTest {

    private static TabularConfig epsilonGreedy(double epsilon, ClockedSchedule stepSize, double q0) {
        return new TabularConfig(TdRule.Q_LEARNING, 0, q0, Exploration.EpsilonGreedy.of(epsilon), stepSize,
                TabularConfig.DEFAULT_BOUND);
    }

    /** Mean reward and fraction of optimal pulls over {@code runs} runs, from pull {@code from} to {@code steps}. */
    private static double[] play(int runs, int steps, int from,
            java.util.function.BiFunction<KArmedBandit, UniformRandomProvider, Agent> agents, double mean, double walk) {
        double reward = 0;
        double optimal = 0;
        for (int run = 0; run < runs; run++) {
            KArmedBandit bandit = KArmedBandit.of(10, mean, walk > 0 ? 0 : 1, 1, walk);
            Agent agent = agents.apply(bandit, RandomSource.XO_RO_SHI_RO_128_PP.create(1000 + run));
            bandit.reset(run);
            for (int t = 0; t < steps; t++) {
                if (t > 0) {
                    bandit.reset();
                }
                int a = agent.start(bandit);
                boolean best = bandit.isOptimal(a);
                double r = bandit.step(a);
                agent.step(r, bandit);
                agent.end(bandit);
                if (t >= from) {
                    reward += r;
                    optimal += best ? 1 : 0;
                }
            }
        }
        double n = (double) runs * (steps - from);
        return new double[] {reward / n, optimal / n};
    }

    private static ClockedSchedule sampleAverage() {
        return ClockedSchedule.of(InverseTime.of(1, 1, 1), Clock.VISITS);
    }

    /** 1/N on the visits clock makes each Q(a) the plain mean of that arm's rewards, to rounding. */
    @Test
    void theVisitsClockWithInverseTimeKeepsSampleAverages() {
        KArmedBandit bandit = KArmedBandit.testbed();
        TabularAgent agent = TabularAgent.of(epsilonGreedy(0.5, sampleAverage(), 7), bandit,
                RandomSource.XO_RO_SHI_RO_128_PP.create(3));
        bandit.reset(11);
        double[] sums = new double[10];
        int[] pulls = new int[10];
        for (int t = 0; t < 3000; t++) {
            bandit.reset();
            int a = agent.start(bandit);
            double r = bandit.step(a);
            agent.step(r, bandit);
            agent.end(bandit);
            sums[a] += r;
            pulls[a]++;
        }
        for (int a = 0; a < 10; a++) {
            assertTrue(pulls[a] > 50, "epsilon 0.5 tries every arm");
            // the first 1/1 step replaces the optimistic 7 entirely: no trace of Q0 is left
            assertEquals(sums[a] / pulls[a], agent.value(0, a), 1e-12, "arm " + a);
        }
    }

    /** UCB takes every untried action once, then the one with the largest bound. */
    @Test
    void ucbTriesEveryArmFirstThenFollowsTheBound() {
        Exploration.UpperConfidenceBound ucb = Exploration.UpperConfidenceBound.of(2);
        ucb.prepare(1, 4);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(5);
        double[] q = {0, 5, 1, 2};
        java.util.Set<Integer> first = new java.util.HashSet<>();
        for (int i = 0; i < 4; i++) {
            int a = ucb.choose(q, 0, 4, 2, new double[4], rng);
            assertTrue(first.add(a), "an untried arm each time: " + first + " then " + a);
            ucb.taken(0, a);
        }
        // t = 5: bonus 2 sqrt(ln 5 / 1) = 2.54 for each; arm 1 (Q 5) wins
        assertEquals(1, ucb.choose(q, 0, 4, 2, new double[4], rng));
        for (int i = 0; i < 30; i++) {
            ucb.taken(0, 1);
        }
        // arm 1: 5 + 2 sqrt(ln 35 / 31) = 5.68; arm 3: 2 + 2 sqrt(ln 35 / 1) = 5.77
        assertEquals(3, ucb.choose(q, 0, 4, 2, new double[4], rng));
        assertEquals(31, ucb.count(0, 1));
        assertThrows(IllegalStateException.class,
                () -> Exploration.UpperConfidenceBound.of(1).choose(q, 0, 4, 1, new double[4], rng),
                "counts must be sized first");
    }

    /** The tabular agent counts the actions it takes, not the ones it looks at after an episode ends. */
    @Test
    void theTabularAgentCountsOnlyTheActionsTaken() {
        KArmedBandit bandit = KArmedBandit.testbed();
        Exploration.UpperConfidenceBound ucb = Exploration.UpperConfidenceBound.of(2);
        TabularAgent agent = TabularAgent.of(new TabularConfig(TdRule.Q_LEARNING, 0, 0, ucb, ClockedSchedule.constant(0.1),
                TabularConfig.DEFAULT_BOUND), bandit, RandomSource.XO_RO_SHI_RO_128_PP.create(3));
        bandit.reset(1);
        int[] pulls = new int[10];
        for (int t = 0; t < 500; t++) {
            bandit.reset();
            int a = agent.start(bandit);
            pulls[a]++;
            agent.step(bandit.step(a), bandit);
            agent.end(bandit);
        }
        for (int a = 0; a < 10; a++) {
            assertEquals(pulls[a], ucb.count(0, a), "arm " + a);
        }
    }

    /** Figure 2.4: UCB (c = 2) earns more than epsilon-greedy (0.1) over 1,000 steps. */
    @Test
    void ucbBeatsEpsilonGreedyOnTheTestbed() {
        int runs = 300;
        double[] ucb = play(runs, 1000, 0, (b, rng) -> TabularAgent.of(new TabularConfig(TdRule.Q_LEARNING, 0, 0,
                Exploration.UpperConfidenceBound.of(2), sampleAverage(), TabularConfig.DEFAULT_BOUND), b, rng), 0, 0);
        double[] greedy = play(runs, 1000, 0, (b, rng) -> TabularAgent.of(epsilonGreedy(0.1, sampleAverage(), 0),
                b, rng), 0, 0);
        // the book: about 1.4 against 1.3 averaged over the first 1,000 steps; the runs' standard
        // error of a 1,000-step mean is about 0.03 here
        assertTrue(ucb[0] > greedy[0] + 0.05, "ucb " + ucb[0] + " vs epsilon-greedy " + greedy[0]);
        assertTrue(greedy[0] > 1.1 && greedy[0] < 1.45, "epsilon-greedy's average reward " + greedy[0]);
    }

    /** One gradient step by hand: H(A) gains alpha (R - Rbar)(1 - pi(A)), the others lose alpha (R - Rbar) pi(a). */
    @Test
    void oneGradientStepMovesEveryPreference() {
        KArmedBandit bandit = KArmedBandit.testbed();
        GradientBanditAgent agent = GradientBanditAgent.of(ClockedSchedule.constant(0.4), true, 1e10, bandit,
                RandomSource.XO_RO_SHI_RO_128_PP.create(9), MetricSink.NONE);
        bandit.reset(2);
        // the first reward is its own baseline: nothing moves
        int a = agent.start(bandit);
        agent.step(bandit.step(a), bandit);
        agent.end(bandit);
        assertEquals(0.1, agent.probability(0, 0), 1e-15);
        double rbar = agent.baseline();
        bandit.reset();
        int b = agent.start(bandit);
        double r = bandit.step(b);
        agent.step(r, bandit);
        double gain = 0.4 * (r - rbar);
        double[] h = new double[10];
        for (int k = 0; k < 10; k++) {
            h[k] = (k == b ? gain * 0.9 : -gain * 0.1);
        }
        double total = 0;
        for (double v : h) {
            total += Math.exp(v);
        }
        for (int k = 0; k < 10; k++) {
            assertEquals(Math.exp(h[k]) / total, agent.probability(0, k), 1e-12, "pi(" + k + ")");
        }
        assertEquals((rbar + r) / 2, agent.baseline(), 1e-12, "the baseline is the mean of the rewards so far");
    }

    /** Figure 2.5 (true values around 4): the baseline is what makes the gradient bandit find the best arm. */
    @Test
    void theBaselineMattersWhenRewardsAreFarFromZero() {
        int runs = 200;
        double[] with = play(runs, 1000, 900, (b, rng) -> GradientBanditAgent.of(ClockedSchedule.constant(0.1),
                true, 1e10, b, rng, MetricSink.NONE), 4, 0);
        double[] without = play(runs, 1000, 900, (b, rng) -> GradientBanditAgent.of(ClockedSchedule.constant(0.1),
                false, 1e10, b, rng, MetricSink.NONE), 4, 0);
        // the book at step 1,000: about 80% optimal with the baseline, 50% without
        assertTrue(with[1] > 0.7, "with a baseline " + with[1]);
        assertTrue(with[1] > without[1] + 0.15, "with " + with[1] + ", without " + without[1]);
    }

    /** Exercise 2.5: on a walking testbed a constant step size tracks the arms, sample averages fall behind. */
    @Test
    void aConstantStepSizeTracksANonstationaryTestbed() {
        int runs = 100;
        double[] constant = play(runs, 10_000, 5000, (b, rng) -> TabularAgent.of(epsilonGreedy(0.1,
                ClockedSchedule.constant(0.1), 0), b, rng), 0, 0.01);
        double[] averages = play(runs, 10_000, 5000, (b, rng) -> TabularAgent.of(epsilonGreedy(0.1,
                sampleAverage(), 0), b, rng), 0, 0.01);
        assertTrue(constant[1] > averages[1] + 0.1, "optimal: constant " + constant[1] + ", averages " + averages[1]);
        assertTrue(constant[0] > averages[0], "reward: constant " + constant[0] + ", averages " + averages[0]);
    }
}
