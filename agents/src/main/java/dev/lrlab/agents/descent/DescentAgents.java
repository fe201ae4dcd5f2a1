package dev.lrlab.agents.descent;

import dev.lrlab.agents.AgentBlueprint;
import dev.lrlab.agents.AgentKeys;
import dev.lrlab.agents.AgentKind;
import dev.lrlab.agents.optim.OptimizerBlueprint;
import dev.lrlab.agents.optim.OptimizerKind;
import dev.lrlab.agents.schedule.Clock;
import dev.lrlab.env.registry.Key;
import dev.lrlab.env.registry.KindProvider;
import dev.lrlab.env.registry.Parameters;
import dev.lrlab.env.registry.Parameters.Range;
import java.util.List;

/** The optimizer playground's agent: gradient-based descent on a {@code landscape} environment. */
public final class DescentAgents implements KindProvider {

    private static final Key BOUND = Key.number("divergence-bound", 1e6, Range.POSITIVE,
            "a point farther than this from the origin ends the trial as diverged");

    @Override
    public List<AgentKind> kinds() {
        return List.of(AgentKind.of("descent", "one optimizer step per episode on a landscape's loss (the optimizer "
                + "playground): the point is the parameters", List.of(BOUND, AgentKeys.OPTIMIZER), 0.01,
                DescentAgents::bind));
    }

    private static AgentBlueprint bind(Parameters p, AgentKind.Setting setting) {
        if (setting.environment() != null && !setting.environment().equals("landscape")
                && !setting.environment().equals("?")) {
            p.problem("type", "descent moves a landscape's point; " + setting.environment() + " is not a landscape");
        }
        if (setting.clock() == Clock.VISITS) {
            p.problem("type", "the visits clock counts (state, action) pairs of a value table; descent has none");
        }
        double bound = p.number(BOUND);
        Parameters o = p.nested(AgentKeys.OPTIMIZER);
        OptimizerBlueprint optimizer = o == null ? null : OptimizerKind.read(o, setting.registries().optimizers());
        if (optimizer == null || Double.isNaN(bound)) {
            return null;
        }
        return (env, context) -> DescentAgent.of(optimizer.create(2), context.stepSize(), bound, context.metrics());
    }
}
