package dev.lrlab.agents.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lrlab.agents.AgentDiagnostics;
import dev.lrlab.agents.DivergedException;
import dev.lrlab.agents.EpisodeLoop;
import dev.lrlab.agents.features.EnvironmentFeatures;
import dev.lrlab.agents.optim.OptimizerConfig;
import dev.lrlab.agents.schedule.ClockedSchedule;
import dev.lrlab.env.Environment;
import dev.lrlab.env.EnvironmentPreset;
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
            Environment env = EnvironmentPreset.SHORT_CORRIDOR.create();
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
        Environment env = EnvironmentPreset.SHORT_CORRIDOR.create();
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
        Environment env = EnvironmentPreset.OPEN_ROOM.create();
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
        Environment env = EnvironmentPreset.OPEN_ROOM.create();
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
    void reportsPolicyLossAndStepSizes() {
        Environment env = EnvironmentPreset.SHORT_CORRIDOR.create();
        PolicyGradientAgent agent = PolicyGradientAgent.of(config(PolicyGradientAlgorithm.REINFORCE, 0.001, 0),
                EnvironmentFeatures.of(env.observationSpace()), env, RandomSource.XO_RO_SHI_RO_128_PP.create(1));
        env.reset(1);
        EpisodeLoop.train(agent, env);
        AgentDiagnostics d = agent.takeDiagnostics();
        assertTrue(d.updates() == env.episodeSteps(), "one update per step of the episode");
        assertTrue(Double.isFinite(d.meanPolicyLoss()));
        assertEquals(0.001, d.stepSizes().p50(), 1e-15);
    }
}
