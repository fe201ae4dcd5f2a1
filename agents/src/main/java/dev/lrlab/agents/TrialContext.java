package dev.lrlab.agents;

import dev.lrlab.agents.schedule.ClockedSchedule;
import dev.lrlab.agents.schedule.ScheduledValue;
import dev.lrlab.env.metrics.MetricSink;
import java.util.function.UnaryOperator;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * What a trial gives the agent it builds: its generator, the sink for its metrics, its step size,
 * and fresh instances of any other scheduled setting (such as epsilon). The runner's context also
 * feeds every schedule part that reacts to a metric (reduce-on-plateau), wherever it is nested.
 */
public interface TrialContext {

    /** The agent's own generator, seeded from the trial. */
    UniformRandomProvider rng();

    /** Where the agent and its optimizers publish what they measure. */
    MetricSink metrics();

    /** The trial's learning rate on its schedule and clock. */
    ClockedSchedule stepSize();

    /** A fresh schedule of a scheduled setting, for this trial only. */
    ClockedSchedule schedule(ScheduledValue value);

    /** A context outside any run (tests, benchmarks, tools): no metrics kept, schedules built as they are. */
    static TrialContext of(ClockedSchedule stepSize, UniformRandomProvider rng) {
        return of(stepSize, rng, MetricSink.NONE);
    }

    /** As {@link #of(ClockedSchedule, UniformRandomProvider)}, publishing into {@code metrics}. */
    static TrialContext of(ClockedSchedule stepSize, UniformRandomProvider rng, MetricSink metrics) {
        return of(stepSize, rng, metrics, UnaryOperator.identity());
    }

    /**
     * A context whose schedules (the step size, and each one built for the agent) first pass
     * through {@code built}: how a runner finds the parts that react to metrics.
     */
    static TrialContext of(ClockedSchedule stepSize, UniformRandomProvider rng, MetricSink metrics,
            UnaryOperator<ClockedSchedule> built) {
        ClockedSchedule rate = built.apply(stepSize);
        return new TrialContext() {
            @Override
            public UniformRandomProvider rng() {
                return rng;
            }

            @Override
            public MetricSink metrics() {
                return metrics;
            }

            @Override
            public ClockedSchedule stepSize() {
                return rate;
            }

            @Override
            public ClockedSchedule schedule(ScheduledValue value) {
                return built.apply(value.build());
            }
        };
    }
}
