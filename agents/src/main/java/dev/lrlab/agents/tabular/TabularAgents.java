package dev.lrlab.agents.tabular;

import dev.lrlab.agents.AgentBlueprint;
import dev.lrlab.agents.AgentKeys;
import dev.lrlab.agents.AgentKind;
import dev.lrlab.agents.explore.ExplorationKind;
import dev.lrlab.env.registry.Key;
import dev.lrlab.env.registry.KindProvider;
import dev.lrlab.env.registry.Parameters;
import dev.lrlab.env.registry.Parameters.Range;
import java.util.Arrays;
import java.util.List;

/** The tabular TD agents of Sutton &amp; Barto chapter 6, one kind per {@link TdRule}. */
public final class TabularAgents implements KindProvider {

    static final Key INITIAL_VALUE = Key.number("initial-value", 0, Range.ANY,
            "every Q(s, a) at the start (optimistic values explore)");
    private static final List<Key> KEYS = List.of(AgentKeys.GAMMA, AgentKeys.DIVERGENCE_BOUND, INITIAL_VALUE,
            AgentKeys.EXPLORATION);

    @Override
    public List<AgentKind> kinds() {
        return Arrays.stream(TdRule.values()).map(rule -> AgentKind.of(rule.id(), summary(rule), KEYS, 0.1,
                (p, setting) -> bind(rule, p, setting))).toList();
    }

    private static String summary(TdRule rule) {
        return switch (rule) {
            case Q_LEARNING -> "tabular Q-learning: target r + gamma max_a Q(s', a) (S&B 6.5)";
            case SARSA -> "tabular Sarsa: target r + gamma Q(s', a') for the next action taken (S&B 6.4)";
            case EXPECTED_SARSA -> "tabular Expected Sarsa: target r + gamma E[Q(s', A')] under the exploring policy "
                    + "(S&B 6.6)";
            case DOUBLE_Q_LEARNING -> "tabular Double Q-learning: two tables, each evaluating the other's greedy "
                    + "action (S&B 6.7)";
        };
    }

    private static AgentBlueprint bind(TdRule rule, Parameters p, AgentKind.Setting setting) {
        if (setting.space() != null && !setting.space().isDiscrete()) {
            p.problem("type", rule.id() + " needs discrete states and " + setting.environment()
                    + " has none; use " + (rule == TdRule.DOUBLE_Q_LEARNING ? "" : "linear-" + rule.id() + " or ")
                    + "a policy-gradient agent");
        }
        double gamma = p.number(AgentKeys.GAMMA);
        double bound = p.number(AgentKeys.DIVERGENCE_BOUND);
        double initial = p.number(INITIAL_VALUE);
        Parameters e = p.nested(AgentKeys.EXPLORATION);
        ExplorationKind.Blueprint exploration = e == null ? null
                : ExplorationKind.read(e, setting.registries().explorations(), setting.registries().schedules());
        if (exploration == null || Double.isNaN(gamma + bound + initial)) {
            return null;
        }
        return (env, context) -> TabularAgent.of(new TabularConfig(rule, gamma, initial, exploration.create(context),
                context.stepSize(), bound), env, context.rng(), context.metrics());
    }
}
