package dev.lrlab.agents.linear;

import dev.lrlab.agents.AgentBlueprint;
import dev.lrlab.agents.AgentKeys;
import dev.lrlab.agents.AgentKind;
import dev.lrlab.agents.Registries;
import dev.lrlab.agents.explore.ExplorationKind;
import dev.lrlab.agents.features.FeatureKind;
import dev.lrlab.agents.optim.OptimizerBlueprint;
import dev.lrlab.agents.optim.OptimizerKind;
import dev.lrlab.agents.schedule.Clock;
import dev.lrlab.agents.tabular.TdRule;
import dev.lrlab.env.Environment;
import dev.lrlab.agents.TrialContext;
import dev.lrlab.agents.Agent;
import dev.lrlab.env.registry.KindProvider;
import dev.lrlab.env.registry.Parameters;
import java.util.List;

/** Semi-gradient Q-learning, Sarsa and Expected Sarsa with values linear in binary features. */
public final class LinearAgents implements KindProvider {

    private static final List<dev.lrlab.env.registry.Key> KEYS = List.of(AgentKeys.GAMMA,
            AgentKeys.DIVERGENCE_BOUND, AgentKeys.OPTIMIZER, AgentKeys.FEATURES, AgentKeys.EXPLORATION);

    @Override
    public List<AgentKind> kinds() {
        return List.of(TdRule.Q_LEARNING, TdRule.SARSA, TdRule.EXPECTED_SARSA).stream()
                .map(rule -> AgentKind.of("linear-" + rule.id(), "semi-gradient " + rule.id()
                        + " with q(s, a) = w_a . x(s) over binary features (S&B 10.1)", KEYS, 0.01,
                        (p, setting) -> bind(rule, p, setting)))
                .toList();
    }

    private static AgentBlueprint bind(TdRule rule, Parameters p, AgentKind.Setting setting) {
        if (setting.clock() == Clock.VISITS) {
            p.problem("type", "the visits clock counts (state, action) pairs and needs a tabular agent");
        }
        Registries r = setting.registries();
        double gamma = p.number(AgentKeys.GAMMA);
        double bound = p.number(AgentKeys.DIVERGENCE_BOUND);
        Parameters o = p.nested(AgentKeys.OPTIMIZER);
        OptimizerBlueprint optimizer = o == null ? null : OptimizerKind.read(o, r.optimizers());
        Parameters f = p.nested(AgentKeys.FEATURES);
        FeatureKind.Blueprint features = f == null ? null
                : FeatureKind.read(f, r.features(), setting.environment(), setting.space());
        Parameters e = p.nested(AgentKeys.EXPLORATION);
        ExplorationKind.Blueprint exploration = e == null ? null
                : ExplorationKind.read(e, r.explorations(), r.schedules());
        if (exploration != null && exploration.countsActions()) {
            p.problem("exploration.type", "ucb counts each state's actions and needs a tabular agent");
            return null;
        }
        if (optimizer == null || features == null || exploration == null || Double.isNaN(gamma + bound)) {
            return null;
        }
        return new AgentBlueprint() {
            @Override
            public Agent create(Environment env, TrialContext context) {
                return LinearQAgent.of(new LinearConfig(rule, gamma, exploration.create(context), context.stepSize(),
                        optimizer, bound), features.create(env.observationSpace()), env, context.rng(),
                        context.metrics());
            }

            @Override
            public String rateNote() {
                return features.rateNote();
            }
        };
    }
}
