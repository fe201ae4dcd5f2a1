package dev.lrlab.experiments.run;

import dev.lrlab.agents.TrialContext;
import dev.lrlab.agents.schedule.ClockedSchedule;
import dev.lrlab.agents.schedule.ReduceOnPlateau;
import dev.lrlab.agents.schedule.ScheduledValue;
import dev.lrlab.env.metrics.MetricLog;
import dev.lrlab.env.metrics.MetricSink;
import dev.lrlab.experiments.listen.PlateauListener;
import dev.lrlab.experiments.listen.TrialListener;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The {@link TrialContext} a trial's agent is built in: every schedule it builds (the step size,
 * an epsilon, ...) is searched for reduce-on-plateau parts, wherever nested, and each gets a
 * {@link PlateauListener} that feeds it the metric it names.
 */
final class RunnerContext implements TrialContext {

    private final ClockedSchedule stepSize;
    private final UniformRandomProvider rng;
    private final MetricLog metrics;
    private final List<TrialListener> listeners;
    private final String defaultMonitor;

    RunnerContext(ClockedSchedule stepSize, UniformRandomProvider rng, MetricLog metrics, List<TrialListener> listeners,
            String defaultMonitor) {
        this.rng = rng;
        this.metrics = metrics;
        this.listeners = listeners;
        this.defaultMonitor = defaultMonitor;
        this.stepSize = watched(stepSize);
    }

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
        return stepSize;
    }

    @Override
    public ClockedSchedule schedule(ScheduledValue value) {
        return watched(value.build());
    }

    private ClockedSchedule watched(ClockedSchedule schedule) {
        schedule.schedule().forEachPart(part -> {
            if (part instanceof ReduceOnPlateau plateau) {
                String monitor = plateau.settings().monitor();
                listeners.add(new PlateauListener(plateau, monitor == null ? defaultMonitor : monitor));
            }
        });
        return schedule;
    }
}
