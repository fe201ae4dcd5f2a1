package dev.lrlab.experiments.plugin;

import dev.lrlab.agents.Agent;
import dev.lrlab.agents.AgentKind;
import dev.lrlab.env.Environment;
import dev.lrlab.env.metrics.MetricSink;
import dev.lrlab.env.metrics.Reduction;
import dev.lrlab.env.registry.Key;
import dev.lrlab.env.registry.KindProvider;
import dev.lrlab.env.registry.Parameters.Range;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A toy agent kind from outside lrlab, registered only through this test's
 * META-INF/services/dev.lrlab.env.registry.KindProvider: its own package and one registration
 * line. On a gridworld it walks right with probability {@code bias} and down otherwise, learning
 * nothing, and publishes how often it went right as {@code toy_right_share}.
 */
public final class ToyAgents implements KindProvider {

    static final Key BIAS = Key.number("bias", 0.5, Range.UNIT, "probability of going right (else down)");

    static final Key HOG_AFTER = Key.integer("after", 100, 0, "steps before it runs out of memory");

    @Override
    public List<AgentKind> kinds() {
        return List.of(AgentKind.of("test-biased-walk", "walks right with probability bias, else down", List.of(BIAS),
                0.1, (p, setting) -> {
                    double bias = p.number(BIAS);
                    return (env, context) -> new BiasedWalk(bias, context.rng(), context.metrics());
                }),
                // an agent whose learning outgrows the heap (as one with a huge budget could), when its rate is above 0.4
                AgentKind.of("test-memory-hog", "walks right, and runs out of memory after some steps at rates above 0.4",
                        List.of(HOG_AFTER), 0.1, (p, setting) -> {
                            long after = p.integer(HOG_AFTER);
                            return (env, context) -> new BiasedWalk(1, context.rng(), context.metrics()) {
                                private long steps;

                                @Override
                                public int step(double reward, Environment e) {
                                    if (++steps > after && context.stepSize().rate(0, 0, 0, 0) > 0.4) {
                                        throw new OutOfMemoryError("Java heap space (a test agent's)");
                                    }
                                    return super.step(reward, e);
                                }
                            };
                        }));
    }

    /** The toy agent itself: compass moves, 1 is right and 2 is down. */
    static class BiasedWalk implements Agent {
        private final double bias;
        private final UniformRandomProvider rng;
        private final MetricSink metrics;
        private final int rightShare;

        BiasedWalk(double bias, UniformRandomProvider rng, MetricSink metrics) {
            this.bias = bias;
            this.rng = rng;
            this.metrics = metrics;
            this.rightShare = metrics.register("toy_right_share", Reduction.MEAN);
        }

        private int move() {
            boolean right = rng.nextDouble() < bias;
            metrics.add(rightShare, right ? 1 : 0);
            return right ? 1 : 2;
        }

        @Override
        public int start(Environment env) {
            return move();
        }

        @Override
        public int step(double reward, Environment env) {
            return move();
        }

        @Override
        public int greedyAction(Environment env) {
            return move();
        }
    }
}
