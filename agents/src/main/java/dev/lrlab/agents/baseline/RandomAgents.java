package dev.lrlab.agents.baseline;

import dev.lrlab.agents.AgentKind;
import dev.lrlab.env.registry.KindProvider;
import java.util.List;

/** The uniformly random agent: the floor every learning curve is read against. */
public final class RandomAgents implements KindProvider {

    @Override
    public List<AgentKind> kinds() {
        // the step size means nothing to it; sweeping one just repeats the baseline
        return List.of(AgentKind.of("random", "uniformly random actions, learning nothing (the floor)", List.of(),
                0.1, (p, setting) -> (env, context) -> RandomAgent.of(env, context.rng())));
    }
}
