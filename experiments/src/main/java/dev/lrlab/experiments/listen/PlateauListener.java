package dev.lrlab.experiments.listen;

import dev.lrlab.agents.schedule.ReduceOnPlateau;
import dev.lrlab.env.metrics.MetricLog;
import dev.lrlab.env.metrics.Reduction;

/**
 * Feeds a reduce-on-plateau schedule the metric it watches, wherever the schedule is nested: at
 * each boundary where the metric has new values, their mean since the last check (an event count
 * per episode: its rate over the episodes since; a sampled quantity: its latest value).
 */
public final class PlateauListener implements TrialListener {

    private final ReduceOnPlateau schedule;
    private final String metric;
    private int id = -1;
    private long seenCount;
    private double seenSum;
    private int seenEpisodes;

    public PlateauListener(ReduceOnPlateau schedule, String metric) {
        this.schedule = schedule;
        this.metric = metric;
    }

    /** The metric it watches. */
    public String metric() {
        return metric;
    }

    @Override
    public Decision at(Boundary boundary, TrialProgress progress) {
        MetricLog log = progress.metrics();
        if (id < 0) {
            id = log.id(metric);
            if (id < 0) {
                throw new IllegalStateException("reduce-on-plateau watches '" + metric
                        + "', which this trial does not publish; it publishes: " + String.join(", ", log.names()));
            }
        }
        long count = log.count(id);
        double sum = log.sum(id);
        Reduction reduction = log.reduction(id);
        if (reduction == Reduction.PER_EPISODE) {
            if (boundary == Boundary.EPISODE && progress.episodes() > seenEpisodes) {
                schedule.observe((sum - seenSum) / (progress.episodes() - seenEpisodes));
                seenEpisodes = progress.episodes();
                seenSum = sum;
            }
        } else if (count > seenCount) {
            schedule.observe(reduction == Reduction.MEAN ? (sum - seenSum) / (count - seenCount) : log.latest(id));
            seenCount = count;
            seenSum = sum;
        }
        return Decision.CONTINUE;
    }
}
