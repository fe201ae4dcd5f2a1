package dev.lrlab.agents.tabular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lrlab.agents.DivergedException;
import dev.lrlab.agents.EpisodeLoop;
import dev.lrlab.agents.explore.Exploration;
import dev.lrlab.agents.schedule.Clock;
import dev.lrlab.agents.schedule.ClockedSchedule;
import dev.lrlab.agents.schedule.InverseTime;
import dev.lrlab.env.Environment;
import dev.lrlab.env.TimeLimit;
import dev.lrlab.env.gridworld.Gridworld;
import dev.lrlab.env.gridworld.GridworldSpec;
import dev.lrlab.env.metrics.MetricLog;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TabularAgentTest {

    private static final int RIGHT = 1;

    private static TabularConfig config(TdRule rule, double gamma, double alpha, double q0) {
        return new TabularConfig(rule, gamma, q0, Exploration.EpsilonGreedy.of(0),
                ClockedSchedule.constant(alpha), TabularConfig.DEFAULT_BOUND);
    }

    /** Runs one step with the agent forced to go right (the only non-stationary choice with ties at q0). */
    private static TabularAgent oneStep(Environment env, TabularConfig config) {
        return oneStep(env, config, dev.lrlab.env.metrics.MetricSink.NONE);
    }

    private static TabularAgent oneStep(Environment env, TabularConfig config, dev.lrlab.env.metrics.MetricSink metrics) {
        TabularAgent agent = TabularAgent.of(config, env, RandomSource.XO_RO_SHI_RO_128_PP.create(1), metrics);
        env.reset(0);
        // all actions tie at q0 and ties are random; make right the best by giving it a higher start
        int a = agent.start(env);
        while (a != RIGHT) {
            env.reset();
            a = agent.start(env);
        }
        agent.step(env.step(a), env);
        return agent;
    }

    @Test
    void bootstrappingStopsAtTermination() {
        Environment env = Gridworld.of(GridworldSpec.builder("t", "SG").build());
        TabularAgent agent = oneStep(env, config(TdRule.Q_LEARNING, 0.9, 0.5, 10));
        assertTrue(env.terminated());
        assertEquals(10 + 0.5 * (-1 - 10), agent.value(0, RIGHT), 1e-12);
    }

    @Test
    void bootstrappingGoesOnPastTruncation() {
        Environment env = TimeLimit.of(Gridworld.of(GridworldSpec.builder("t", "S.G").build()), 1);
        TabularAgent agent = oneStep(env, config(TdRule.Q_LEARNING, 0.9, 0.5, 10));
        assertTrue(env.truncated() && !env.terminated());
        assertEquals(10 + 0.5 * (-1 + 0.9 * 10 - 10), agent.value(0, RIGHT), 1e-12);
    }

    @Test
    void visitsClockGivesTheSampleAverage() {
        Environment env = Gridworld.of(GridworldSpec.builder("t", "SG").build());
        TabularConfig sampleAverage = new TabularConfig(TdRule.Q_LEARNING, 1, 0,
                Exploration.EpsilonGreedy.of(0),
                ClockedSchedule.of(InverseTime.of(1, 1, 1), Clock.VISITS), TabularConfig.DEFAULT_BOUND);
        TabularAgent agent = oneStep(env, sampleAverage);
        assertEquals(-1.0, agent.value(0, RIGHT), 1e-15, "alpha = 1/1 on the first visit");
        TabularAgent constant = oneStep(Gridworld.of(GridworldSpec.builder("t", "SG").build()),
                config(TdRule.Q_LEARNING, 1, 0.5, 0));
        assertEquals(-0.5, constant.value(0, RIGHT), 1e-15);
    }

    @Test
    void tiesAreBrokenAtRandom() {
        Environment env = Gridworld.of(GridworldSpec.builder("t", "S.G").build());
        TabularAgent agent = TabularAgent.of(config(TdRule.Q_LEARNING, 1, 0.5, 0), env,
                RandomSource.XO_RO_SHI_RO_128_PP.create(5));
        env.reset(0);
        int[] counts = new int[4];
        for (int i = 0; i < 40_000; i++) {
            counts[agent.greedyAction(env)]++;
        }
        for (int a = 0; a < 4; a++) {
            assertEquals(0.25, counts[a] / 40_000.0, 0.02, "action " + a);
        }
    }

    @Test
    void softmaxExplorationFollowsTheBoltzmannProbabilities() {
        Environment env = Gridworld.of(GridworldSpec.builder("t", "SG").build());
        TabularConfig c = new TabularConfig(TdRule.Q_LEARNING, 1, 0, Exploration.Softmax.of(0.5),
                ClockedSchedule.constant(1.0), TabularConfig.DEFAULT_BOUND);
        TabularAgent agent = TabularAgent.of(c, env, RandomSource.XO_RO_SHI_RO_128_PP.create(8));
        // teach Q(0, right) = -1 (alpha 1), the other actions stay at 0 because they bump the wall... then
        // every start draws from softmax over (0, -1, 0, 0) / 0.5
        int[] counts = new int[4];
        env.reset(0);
        int n = 40_000;
        for (int i = 0; i < n; i++) {
            env.reset();
            counts[agent.start(env)]++;
        }
        double z = 3 + Math.exp(-0.0 / 0.5);
        assertEquals(1 / z, counts[RIGHT] / (double) n, 0.02);
        assertEquals(1 / z, counts[0] / (double) n, 0.02);
    }

    @Test
    void epsilonFollowsItsScheduleOnTheEpisodeClock() {
        // right reaches the goal (+10), every other action bumps a wall (-1): once right has been
        // tried, the greedy action is right. Epsilon is 1 in episode 0 and 0 from episode 1 on.
        Environment env = Gridworld.of(GridworldSpec.builder("t", "SG").goalReward(10).build());
        ClockedSchedule epsilon = ClockedSchedule.of(t -> t < 1 ? 1.0 : 0.0, Clock.EPISODES);
        TabularAgent agent = TabularAgent.of(new TabularConfig(TdRule.Q_LEARNING, 1, 0,
                new Exploration.EpsilonGreedy(epsilon), ClockedSchedule.constant(0.5), TabularConfig.DEFAULT_BOUND),
                env, RandomSource.XO_RO_SHI_RO_128_PP.create(4));
        env.reset(0);
        EpisodeLoop.train(agent, env);
        int right = 0;
        for (int i = 0; i < 200; i++) {
            env.reset();
            if (agent.start(env) == RIGHT) {
                right++;
            }
        }
        assertEquals(200, right, "greedy once epsilon has decayed to 0");

        TabularAgent exploring = TabularAgent.of(new TabularConfig(TdRule.Q_LEARNING, 1, 0,
                Exploration.EpsilonGreedy.of(1.0), ClockedSchedule.constant(0.5), TabularConfig.DEFAULT_BOUND),
                env, RandomSource.XO_RO_SHI_RO_128_PP.create(4));
        env.reset(0);
        EpisodeLoop.train(exploring, env);
        right = 0;
        for (int i = 0; i < 4000; i++) {
            env.reset();
            if (exploring.start(env) == RIGHT) {
                right++;
            }
        }
        assertEquals(0.25, right / 4000.0, 0.03, "epsilon 1 stays uniform");
    }

    @Test
    void hugeRateEndsAsDivergedNotNaN() {
        Environment env = Gridworld.environment(GridworldSpec.builder("t", "S...", "...G").timeLimit(200).build());
        TabularAgent agent = TabularAgent.of(config(TdRule.Q_LEARNING, 1, 1e3, 0), env,
                RandomSource.XO_RO_SHI_RO_128_PP.create(2));
        env.reset(0);
        DivergedException e = assertThrows(DivergedException.class, () -> {
            for (int i = 0; i < 1000; i++) {
                env.reset();
                EpisodeLoop.train(agent, env);
            }
        });
        assertTrue(e.step() > 0);
        assertTrue(e.getMessage().contains("Q(s="), e.getMessage());
    }

    @Test
    void metricsReportTdErrorRateUpdateAndLargestValue() {
        Environment env = Gridworld.of(GridworldSpec.builder("t", "SG").build());
        MetricLog metrics = new MetricLog();
        oneStep(env, config(TdRule.SARSA, 1, 0.5, 0), metrics);
        metrics.closeInterval(1, 1, 1);
        var series = metrics.recordedSeries();
        assertEquals(1, metrics.count(metrics.id("abs_td_error")), "one update");
        assertEquals(1.0, series.get("abs_td_error")[0], 1e-12);
        assertEquals(0.5, series.get("step_size")[0], 1e-12);
        assertEquals(0.5, series.get("update_size")[0], 1e-12);
        assertEquals(0.5, series.get("max_abs_q")[0], 1e-12, "the largest |Q| in the table");
        assertEquals(0.0, series.get("epsilon")[0], "the exploration parameter, sampled at the interval's end");
    }

    /**
     * Sutton &amp; Barto's boxes 6.5-6.7: Q-learning, Expected Sarsa and Double Q-learning choose the next
     * action from the values after the update; only Sarsa chooses it before (its target needs it). On
     * a self-loop (bumping into a wall) the difference shows: greedy with alpha 1, the bumped action's
     * value drops to -1 and the others stay 0, so choosing after the update never repeats it, while
     * choosing before (among four tied actions) repeats it a quarter of the time.
     */
    @ParameterizedTest
    @EnumSource(TdRule.class)
    void nextActionFollowsTheBooksOrderOnASelfLoop(TdRule rule) {
        int loops = 0;
        int repeats = 0;
        for (int seed = 0; seed < 400; seed++) {
            // a one-row corridor: up, down and left from the start bump a wall and stay
            Environment env = Gridworld.of(GridworldSpec.builder("t", "S.G").build());
            TabularAgent agent = TabularAgent.of(config(rule, 0, 1.0, 0), env,
                    RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
            env.reset(seed);
            int a = agent.start(env);
            if (a == RIGHT) {
                continue;
            }
            int next = agent.step(env.step(a), env);
            assertEquals(0, env.state(), "a wall bump stays put");
            loops++;
            if (next == a) {
                repeats++;
            }
        }
        assertTrue(loops > 250, "enough self-loops: " + loops);
        if (rule == TdRule.SARSA) {
            assertEquals(0.25, repeats / (double) loops, 0.08, "Sarsa chose among four tied actions");
        } else {
            assertEquals(0, repeats, rule + " chose the next action before updating the bumped one");
        }
    }
}
