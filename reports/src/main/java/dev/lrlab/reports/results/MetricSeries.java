package dev.lrlab.reports.results;

import java.util.Map;

/**
 * The metrics a trial recorded, one value per logging interval, by name ({@code abs_td_error},
 * {@code effective_step_size_p50}, ...): whatever the trial's agent, optimizers and environment
 * published. Reports discover them by name. Missing values are NaN in memory and null in the file.
 *
 * @param every training episodes per interval
 * @param episode training episodes finished at the end of each interval
 * @param steps training steps taken at the end of each interval
 * @param values each metric's value per interval
 */
public record MetricSeries(int every, int[] episode, long[] steps, Map<String, double[]> values) {
}
