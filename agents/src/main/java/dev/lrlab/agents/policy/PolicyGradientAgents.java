package dev.lrlab.agents.policy;

import dev.lrlab.agents.Agent;
import dev.lrlab.agents.AgentBlueprint;
import dev.lrlab.agents.AgentKeys;
import dev.lrlab.agents.AgentKind;
import dev.lrlab.agents.Registries;
import dev.lrlab.agents.TrialContext;
import dev.lrlab.agents.features.FeatureKind;
import dev.lrlab.agents.optim.OptimizerBlueprint;
import dev.lrlab.agents.optim.OptimizerKind;
import dev.lrlab.agents.schedule.Clock;
import dev.lrlab.agents.schedule.ClockedSchedule;
import dev.lrlab.agents.schedule.Constant;
import dev.lrlab.env.Environment;
import dev.lrlab.env.registry.Key;
import dev.lrlab.env.registry.KindProvider;
import dev.lrlab.env.registry.Parameters;
import dev.lrlab.env.registry.Parameters.Range;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** REINFORCE, REINFORCE with baseline and one-step actor-critic with a linear softmax policy. */
public final class PolicyGradientAgents implements KindProvider {

    private static final Key CRITIC_OPTIMIZER = Key.kind("critic-optimizer", "optimizer", "sgd",
            "how the baseline's or critic's gradients become updates");
    private static final Key CRITIC_RATE = Key.number("critic-rate", Range.POSITIVE,
            "the baseline's or critic's constant step size (unset: the actor's rate and schedule)").optional();
    private static final Key INITIAL_PREFERENCES = Key.numbers("initial-preferences", Range.ANY,
            "each action's preference at the start, the same in every state (unset: all 0)").optional();

    @Override
    public List<AgentKind> kinds() {
        return Arrays.stream(PolicyGradientAlgorithm.values()).map(a -> AgentKind.of(a.id(), summary(a), keys(a),
                Math.pow(2, -10), (p, setting) -> bind(a, p, setting))).toList();
    }

    private static String summary(PolicyGradientAlgorithm algorithm) {
        return switch (algorithm) {
            case REINFORCE -> "Monte Carlo policy gradient with a softmax policy linear in features (S&B 13.3)";
            case REINFORCE_BASELINE -> "REINFORCE with a learned state-value baseline (S&B 13.4)";
            case ACTOR_CRITIC -> "one-step actor-critic: the critic's TD error weighs each update (S&B 13.5)";
        };
    }

    private static List<Key> keys(PolicyGradientAlgorithm algorithm) {
        List<Key> keys = new ArrayList<>(List.of(AgentKeys.GAMMA, AgentKeys.DIVERGENCE_BOUND, AgentKeys.OPTIMIZER));
        if (algorithm != PolicyGradientAlgorithm.REINFORCE) {
            keys.addAll(List.of(CRITIC_OPTIMIZER, CRITIC_RATE));
        }
        keys.addAll(List.of(INITIAL_PREFERENCES, AgentKeys.FEATURES));
        return keys;
    }

    private static AgentBlueprint bind(PolicyGradientAlgorithm algorithm, Parameters p, AgentKind.Setting setting) {
        if (setting.clock() == Clock.VISITS) {
            p.problem("type", "the visits clock counts (state, action) pairs and needs a tabular agent");
        }
        Registries r = setting.registries();
        boolean learnsValues = algorithm != PolicyGradientAlgorithm.REINFORCE;
        double gamma = p.number(AgentKeys.GAMMA);
        double bound = p.number(AgentKeys.DIVERGENCE_BOUND);
        OptimizerBlueprint actor = optimizer(p, AgentKeys.OPTIMIZER, r);
        OptimizerBlueprint critic = learnsValues ? optimizer(p, CRITIC_OPTIMIZER, r) : actor;
        double criticRate = learnsValues ? p.number(CRITIC_RATE) : Double.NaN;
        double[] preferences = p.numbers(INITIAL_PREFERENCES);
        if (setting.space() != null && preferences.length != 0 && preferences.length != setting.actionCount()) {
            p.problem(INITIAL_PREFERENCES.name(), "needs " + setting.actionCount() + " values (one per action of "
                    + setting.environment() + "), had " + preferences.length);
        }
        Parameters f = p.nested(AgentKeys.FEATURES);
        FeatureKind.Blueprint features = f == null ? null
                : FeatureKind.read(f, r.features(), setting.environment(), setting.space());
        if (actor == null || critic == null || features == null || Double.isNaN(gamma + bound)) {
            return null;
        }
        Clock clock = setting.clock();
        return new AgentBlueprint() {
            @Override
            public Agent create(Environment env, TrialContext context) {
                // the critic follows its own constant rate, or the actor's schedule when none is given
                ClockedSchedule criticSchedule = Double.isNaN(criticRate)
                        ? context.stepSize() : ClockedSchedule.of(Constant.of(criticRate), clock);
                return PolicyGradientAgent.of(new PolicyGradientConfig(algorithm, gamma, context.stepSize(),
                        criticSchedule, actor, critic, preferences, bound), features.create(env.observationSpace()),
                        env, context.rng(), context.metrics());
            }

            @Override
            public String rateNote() {
                return features.rateNote();
            }
        };
    }

    private static OptimizerBlueprint optimizer(Parameters p, Key key, Registries r) {
        Parameters o = p.nested(key);
        return o == null ? null : OptimizerKind.read(o, r.optimizers());
    }
}
