package dev.lrlab.agents.bandit;

import dev.lrlab.agents.AgentBlueprint;
import dev.lrlab.agents.AgentKeys;
import dev.lrlab.agents.AgentKind;
import dev.lrlab.agents.schedule.Clock;
import dev.lrlab.env.registry.Key;
import dev.lrlab.env.registry.KindProvider;
import dev.lrlab.env.registry.Parameters;
import java.util.List;

/**
 * The gradient bandit of Sutton &amp; Barto 2.8. The chapter's other methods are agents already:
 * epsilon-greedy with sample averages is {@code q-learning} with {@code gamma: 0} and the step size
 * {@code inverse-time} on the {@code visits} clock at rate 1 (1/N(a)); a constant step size,
 * optimistic initial values ({@code initial-value}) and UCB ({@code exploration: {type: ucb}}) are
 * settings of it.
 */
public final class BanditAgents implements KindProvider {

    private static final Key BASELINE = Key.flag("baseline", true,
            "subtract the average of the earlier rewards (false: REINFORCE on one-step episodes)");

    @Override
    public List<AgentKind> kinds() {
        return List.of(AgentKind.of("gradient-bandit", "softmax preferences moved by alpha (R - baseline) "
                + "(1[a = A] - pi(a)), the baseline the average reward (S&B 2.8)",
                List.of(BASELINE, AgentKeys.DIVERGENCE_BOUND), 0.1, BanditAgents::bind));
    }

    private static AgentBlueprint bind(Parameters p, AgentKind.Setting setting) {
        if (setting.space() != null && !setting.space().isDiscrete()) {
            p.problem("type", "gradient-bandit keeps preferences per state and " + setting.environment()
                    + " has no discrete states; use reinforce with features");
        }
        if (setting.clock() == Clock.VISITS) {
            p.problem("type", "the visits clock counts (state, action) pairs of a value table; gradient-bandit "
                    + "has none: use steps or updates");
        }
        boolean baseline = p.flag(BASELINE);
        double bound = p.number(AgentKeys.DIVERGENCE_BOUND);
        if (Double.isNaN(bound)) {
            return null;
        }
        return (env, context) -> GradientBanditAgent.of(context.stepSize(), baseline, bound, env, context.rng(),
                context.metrics());
    }
}
