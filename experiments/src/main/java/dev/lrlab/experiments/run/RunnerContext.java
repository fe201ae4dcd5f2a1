package dev.lrlab.experiments.run;

import dev.lrlab.agents.TrialContext;
import dev.lrlab.agents.schedule.ClockedSchedule;
import dev.lrlab.agents.schedule.ReduceOnPlateau;
import dev.lrlab.env.metrics.MetricLog;
import dev.lrlab.experiments.listen.PlateauListener;
import dev.lrlab.experiments.listen.TrialListener;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The {@link TrialContext} a trial's agent is built in: every schedule it builds (the step size,
 * an epsilon, ...) is searched for reduce-on-plateau parts, wherever nested, and each gets a
 * {@link PlateauListener} that feeds it the metric it names.
 */
final class RunnerContext {

    private RunnerContext() {
    }

    static TrialContext of(ClockedSchedule stepSize, UniformRandomProvider rng, MetricLog metrics,
            List<TrialListener> listeners, String defaultMonitor) {
        return TrialContext.of(stepSize, rng, metrics, schedule -> {
            schedule.schedule().forEachPart(part -> {
                if (part instanceof ReduceOnPlateau plateau) {
                    String monitor = plateau.settings().monitor();
                    listeners.add(new PlateauListener(plateau, monitor == null ? defaultMonitor : monitor));
                }
            });
            return schedule;
        });
    }
}
