package dev.lrlab.agents.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lrlab.env.metrics.MetricLog;
import dev.lrlab.agents.DivergedException;
import dev.lrlab.agents.EpisodeLoop;
import dev.lrlab.agents.explore.Exploration;
import dev.lrlab.agents.features.FeatureMap;
import dev.lrlab.agents.features.OneHotState;
import dev.lrlab.agents.features.TileCoding;
import dev.lrlab.agents.optim.OptimizerConfig;
import dev.lrlab.agents.optim.UpdateRule;
import dev.lrlab.agents.schedule.ClockedSchedule;
import dev.lrlab.agents.tabular.TabularAgent;
import dev.lrlab.agents.tabular.TabularConfig;
import dev.lrlab.agents.tabular.TdRule;
import dev.lrlab.env.Environment;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class LinearQAgentTest {

    private static LinearConfig config(TdRule rule, double alpha, OptimizerConfig optimizer) {
        return new LinearConfig(rule, 1.0, Exploration.EpsilonGreedy.of(0.1),
                ClockedSchedule.constant(alpha), optimizer, 1e10);
    }

    private static double[] returns(dev.lrlab.agents.Agent agent, Environment env, int episodes) {
        double[] out = new double[episodes];
        env.reset(7);
        for (int e = 0; e < episodes; e++) {
            if (e > 0) {
                env.reset();
            }
            out[e] = EpisodeLoop.train(agent, env);
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(value = TdRule.class, names = {"Q_LEARNING", "SARSA", "EXPECTED_SARSA"})
    void oneHotWithSgdReplaysTheTabularAgentExactly(TdRule rule) {
        Environment env = dev.lrlab.env.gridworld.Gridworld.environment(dev.lrlab.env.gridworld.GridworldPresets.cliffWalking());
        LinearQAgent linear = LinearQAgent.of(config(rule, 0.5, OptimizerConfig.sgd()),
                OneHotState.of(env.observationSpace()), env, RandomSource.XO_RO_SHI_RO_128_PP.create(3));
        double[] a = returns(linear, env, 200);
        Environment env2 = dev.lrlab.env.gridworld.Gridworld.environment(dev.lrlab.env.gridworld.GridworldPresets.cliffWalking());
        TabularAgent tabular = TabularAgent.of(TabularConfig.of(rule, 1.0, 0.5, 0.1), env2,
                RandomSource.XO_RO_SHI_RO_128_PP.create(3));
        double[] b = returns(tabular, env2, 200);
        assertArrayEquals(b, a, 0.0);
    }

    @Test
    void rateOf1e3EndsAsDiverged() {
        Environment env = dev.lrlab.env.gridworld.Gridworld.environment(dev.lrlab.env.gridworld.GridworldPresets.cliffWalking());
        LinearQAgent agent = LinearQAgent.of(config(TdRule.Q_LEARNING, 1e3, OptimizerConfig.sgd()),
                OneHotState.of(env.observationSpace()), env, RandomSource.XO_RO_SHI_RO_128_PP.create(3));
        DivergedException e = assertThrows(DivergedException.class, () -> returns(agent, env, 100));
        assertTrue(e.step() >= 1, e.getMessage());
    }

    @Test
    void adamOnTileCodingLearnsTheOpenRoom() {
        Environment env = dev.lrlab.env.gridworld.Gridworld.environment(dev.lrlab.env.gridworld.GridworldPresets.openRoom());
        FeatureMap tiles = TileCoding.of(env.observationSpace(), 4, 2);
        MetricLog metrics = new MetricLog();
        LinearQAgent agent = LinearQAgent.of(config(TdRule.Q_LEARNING, 0.05,
                OptimizerConfig.of(UpdateRule.ADAM)), tiles, env, RandomSource.XO_RO_SHI_RO_128_PP.create(4), metrics);
        double[] r = returns(agent, env, 300);
        double last = 0;
        for (int e = 250; e < 300; e++) {
            last += r[e] / 50;
        }
        // optimal is -8; epsilon 0.1 exploration costs a little
        assertTrue(last > -12, "mean return over the last 50 episodes " + last);
        metrics.closeInterval(300, 0, 300);
        double p5 = metrics.recordedSeries().get("effective_step_size_p5")[0];
        double p95 = metrics.recordedSeries().get("effective_step_size_p95")[0];
        assertTrue(p5 > 0 && p95 > p5, "Adam spreads its effective step sizes: " + p5 + " .. " + p95);
        // tile coding divides the rate among its 4 tilings
        assertEquals(0.05 / 4, metrics.recordedSeries().get("step_size")[0], 1e-15);
    }
}
