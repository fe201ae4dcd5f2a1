package dev.lrlab.agents.explore;

import dev.lrlab.agents.schedule.ScheduledValue;
import dev.lrlab.env.registry.Key;
import dev.lrlab.env.registry.KindProvider;
import dev.lrlab.env.registry.Parameters.Range;
import java.util.List;

/**
 * lrlab's explorations: epsilon-greedy, softmax (Boltzmann) and UCB, each parameter on a schedule
 * if wanted.
 */
public final class Explorations implements KindProvider {

    private static final Key EPSILON = Key.scheduled("epsilon", 0.1, Range.UNIT,
            "probability of a uniformly random action");
    private static final Key C = Key.scheduled("c", 2.0, Range.NON_NEGATIVE,
            "the weight of the bonus sqrt(ln t / N(s, a)) on less-tried actions");
    private static final Key TEMPERATURE = Key.scheduled("temperature", 1.0, Range.NON_NEGATIVE,
            "pi(a) proportional to exp(q(a) / temperature); 0 is greedy");

    @Override
    public List<ExplorationKind> kinds() {
        return List.of(
                ExplorationKind.of("epsilon-greedy", "a random action with probability epsilon, else greedy "
                        + "(ties broken at random)", List.of(EPSILON), (p, schedules) -> {
                            ScheduledValue epsilon = ScheduledValue.read(p, EPSILON, schedules);
                            return epsilon == null ? null
                                    : context -> new Exploration.EpsilonGreedy(context.schedule(epsilon));
                        }),
                ExplorationKind.of("softmax", "actions drawn with probability proportional to exp(q / temperature)",
                        List.of(TEMPERATURE), (p, schedules) -> {
                            ScheduledValue temperature = ScheduledValue.read(p, TEMPERATURE, schedules);
                            return temperature == null ? null
                                    : context -> new Exploration.Softmax(context.schedule(temperature));
                        }),
                ExplorationKind.of("ucb", "upper confidence bound: argmax Q(s, a) + c sqrt(ln t / N(s, a)), "
                        + "untried actions first (S&B 2.7; tabular agents)", List.of(C), (p, schedules) -> {
                            ScheduledValue c = ScheduledValue.read(p, C, schedules);
                            return c == null ? null : new ExplorationKind.Blueprint() {
                                @Override
                                public Exploration create(dev.lrlab.agents.TrialContext context) {
                                    return new Exploration.UpperConfidenceBound(context.schedule(c));
                                }

                                @Override
                                public boolean countsActions() {
                                    return true;
                                }
                            };
                        }));
    }
}
