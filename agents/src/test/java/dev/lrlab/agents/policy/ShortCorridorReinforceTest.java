package dev.lrlab.agents.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lrlab.env.metrics.MetricLog;
import dev.lrlab.agents.DivergedException;
import dev.lrlab.agents.EpisodeLoop;
import dev.lrlab.agents.features.EnvironmentFeatures;
import dev.lrlab.agents.optim.OptimizerConfig;
import dev.lrlab.agents.schedule.ClockedSchedule;
import dev.lrlab.env.Environment;
import dev.lrlab.env.corridor.ShortCorridor;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * Sutton &amp; Barto Example 13.1 / Figure 13.1: on the short corridor, policy gradient moves the
 * probability of going right toward the best stochastic policy's 2 - sqrt(2), about 0.59.
 */
class ShortCorridorReinforceTest {

    private static final double BEST = 2 - Math.sqrt(2);

    private static PolicyGradientConfig config(PolicyGradientAlgorithm algorithm, double actorRate,
            double criticRate) {
        // start from p(right) = 0.1: preferences (left, right) = (ln 0.9, ln 0.1)
        return new PolicyGradientConfig(algorithm, 1.0, ClockedSchedule.constant(actorRate),
                ClockedSchedule.constant(criticRate), OptimizerConfig.sgd(), OptimizerConfig.sgd(),
                new double[] {Math.log(0.9), Math.log(0.1)}, 1e10);
    }

    /** Mean over seeds of p(right) after training. */
    private static double trainedProbability(PolicyGradientAlgorithm algorithm, double actorRate,
            double criticRate, int episodes, int seeds) {
        double sum = 0;
        for (int seed = 0; seed < seeds; seed++) {
            Environment env = dev.lrlab.env.TimeLimit.of(dev.lrlab.env.corridor.ShortCorridor.of(), 1000);
            PolicyGradientAgent agent = PolicyGradientAgent.of(config(algorithm, actorRate, criticRate),
                    EnvironmentFeatures.of(env.observationSpace()), env,
                    RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
            env.reset(seed);
            for (int e = 0; e < episodes; e++) {
                if (e > 0) {
                    env.reset();
                }
                EpisodeLoop.train(agent, env);
            }
            env.reset();
            sum += agent.probability(env, ShortCorridor.RIGHT);
        }
        return sum / seeds;
    }

    @Test
    void reinforceMovesTowardTheBestStochasticPolicy() {
        Environment env = dev.lrlab.env.TimeLimit.of(dev.lrlab.env.corridor.ShortCorridor.of(), 1000);
        PolicyGradientAgent fresh = PolicyGradientAgent.of(config(PolicyGradientAlgorithm.REINFORCE, 1, 1),
                EnvironmentFeatures.of(env.observationSpace()), env, RandomSource.XO_RO_SHI_RO_128_PP.create(0));
        env.reset(0);
        assertEquals(0.1, fresh.probability(env, ShortCorridor.RIGHT), 1e-12);

        double p = trainedProbability(PolicyGradientAlgorithm.REINFORCE, Math.pow(2, -12), 0, 1000, 10);
        assertEquals(BEST, p, 0.1, "REINFORCE at alpha = 2^-12 after 1000 episodes");
    }

    @Test
    void baselineMovesTowardItToo() {
        // Figure 13.2's rates
        double baseline = trainedProbability(PolicyGradientAlgorithm.REINFORCE_BASELINE,
                Math.pow(2, -9), Math.pow(2, -6), 1000, 10);
        assertEquals(BEST, baseline, 0.1, "REINFORCE with baseline");
    }

    @Test
    void actorCriticLearnsTheOpenRoom() {
        // one-step actor-critic cannot solve the corridor: its critic sees one aliased state, so
        // every non-terminal TD error is -1; it is checked on a fully observed room instead
        Environment env = dev.lrlab.env.gridworld.Gridworld.environment(dev.lrlab.env.gridworld.GridworldPresets.openRoom());
        PolicyGradientConfig c = new PolicyGradientConfig(PolicyGradientAlgorithm.ACTOR_CRITIC, 0.99,
                ClockedSchedule.constant(0.1), ClockedSchedule.constant(0.2), OptimizerConfig.sgd(),
                OptimizerConfig.sgd(), new double[0], 1e10);
        PolicyGradientAgent agent = PolicyGradientAgent.of(c, EnvironmentFeatures.of(env.observationSpace()),
                env, RandomSource.XO_RO_SHI_RO_128_PP.create(2));
        env.reset(2);
        double first = 0;
        double last = 0;
        for (int e = 0; e < 500; e++) {
            if (e > 0) {
                env.reset();
            }
            double g = EpisodeLoop.train(agent, env);
            if (e < 20) {
                first += g / 20;
            } else if (e >= 480) {
                last += g / 20;
            }
        }
        assertTrue(first < -30, "a random start wanders: " + first);
        assertTrue(last > -14, "optimal is -8; learned " + last);
    }

    @Test
    void tooSmallARateStalls() {
        double p = trainedProbability(PolicyGradientAlgorithm.REINFORCE, Math.pow(2, -20), 0, 200, 5);
        assertEquals(0.1, p, 0.02, "alpha = 2^-20 barely moves the policy");
    }

    @Test
    void rateOf1e3EndsAsDiverged() {
        Environment env = dev.lrlab.env.gridworld.Gridworld.environment(dev.lrlab.env.gridworld.GridworldPresets.openRoom());
        PolicyGradientConfig c = new PolicyGradientConfig(PolicyGradientAlgorithm.REINFORCE_BASELINE, 1.0,
                ClockedSchedule.constant(1e3), ClockedSchedule.constant(1e3), OptimizerConfig.sgd(),
                OptimizerConfig.sgd(), new double[0], 1e10);
        PolicyGradientAgent agent = PolicyGradientAgent.of(c, EnvironmentFeatures.of(env.observationSpace()),
                env, RandomSource.XO_RO_SHI_RO_128_PP.create(1));
        env.reset(1);
        assertThrows(DivergedException.class, () -> {
            for (int e = 0; e < 10_000; e++) {
                env.reset();
                EpisodeLoop.train(agent, env);
            }
        });
    }

    @Test
    void publishesPolicyLossEntropyAndStepSizes() {
        Environment env = dev.lrlab.env.TimeLimit.of(dev.lrlab.env.corridor.ShortCorridor.of(), 1000);
        MetricLog metrics = new MetricLog();
        PolicyGradientAgent agent = PolicyGradientAgent.of(config(PolicyGradientAlgorithm.REINFORCE, 0.001, 0),
                EnvironmentFeatures.of(env.observationSpace()), env, RandomSource.XO_RO_SHI_RO_128_PP.create(1),
                metrics);
        env.reset(1);
        EpisodeLoop.train(agent, env);
        assertEquals(env.episodeSteps(), metrics.count(metrics.id("policy_loss")), "one update per step of the episode");
        assertEquals(env.episodeSteps() + 1, metrics.count(metrics.id("policy_entropy")), "one per action chosen");
        metrics.closeInterval(1, env.episodeSteps(), 1);
        var series = metrics.recordedSeries();
        assertTrue(Double.isFinite(series.get("policy_loss")[0]));
        // start preferences (ln 0.9, ln 0.1): the entropy of (0.9, 0.1) while the policy has barely moved
        double h = -(0.9 * Math.log(0.9) + 0.1 * Math.log(0.1));
        assertEquals(h, series.get("policy_entropy")[0], 0.02);
        assertEquals(0.001, series.get("effective_step_size_p50")[0], 1e-15);
        assertEquals(0.001, series.get("step_size")[0], 1e-15);
        assertFalse(series.containsKey("abs_td_error"), "plain REINFORCE learns no values");
    }
}
