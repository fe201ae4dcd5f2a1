package dev.lrlab.reports.results;

/**
 * One finished trial, as one line of {@code trials.jsonl}. Field names are written in snake_case
 * (pandas and jq read them as they are); the fields below are the contract, and more may be added.
 *
 * @param key stable identity of the trial, derived from its content
 * @param environment environment id
 * @param agent agent label (its type unless the spec gave a label)
 * @param schedule schedule label (its type unless the spec gave a label)
 * @param learningRate the swept base rate
 * @param seed the trial's seed
 * @param status how it ended
 * @param divergedAtStep for {@code diverged}: the training step at which it diverged
 * @param reason for {@code diverged}: what diverged; for {@code failed}: the error; for
 *     {@code stopped}: why
 * @param returns return of every finished training episode
 * @param lengths length of every finished training episode
 * @param steps training steps taken, whatever the status
 * @param wallSeconds wall time of the trial (the one field that differs between identical runs)
 * @param evaluations greedy evaluations, if the spec asked for them
 * @param diagnostics the fixed set of measurements that runs before named metrics recorded; read
 *     from old run directories only (see {@link #metricSeries()})
 * @param gridPolicy final greedy policy and values, for tabular agents on gridworlds
 * @param params the trial's point in the sweep: each swept path and its value (the learning rate is
 *     {@code learning-rate.value} when swept, and always in {@code learning_rate})
 * @param metrics the metrics the trial published, per logging interval, if recorded
 * @param stoppedAtStep for {@code stopped}: the training step at which a listener stopped it
 * @param error for {@code failed}: the exception's class, message and top frames
 */
public record TrialRecord(String key, String environment, String agent, String schedule,
        double learningRate, long seed, TrialStatus status, Long divergedAtStep, String reason,
        double[] returns, int[] lengths, long steps, double wallSeconds, Evaluation[] evaluations,
        Diagnostics diagnostics, GridPolicy gridPolicy, java.util.Map<String, Object> params,
        MetricSeries metrics, Long stoppedAtStep, TrialError error) {

    /** The start of the reason a completed trial carries when none of its episodes ended before the time limit. */
    public static final String TRUNCATED_EVERY_EPISODE = "every episode hit the time limit";

    /** Whether the trial completed its budget without a single episode ending by itself. */
    public boolean neverEndedAnEpisode() {
        return status == TrialStatus.completed && reason != null && reason.startsWith(TRUNCATED_EVERY_EPISODE);
    }

    /** The same record with wall time zeroed, for comparing runs byte for byte. */
    public TrialRecord withoutWallTime() {
        return new TrialRecord(key, environment, agent, schedule, learningRate, seed, status,
                divergedAtStep, reason, returns, lengths, steps, 0, evaluations, diagnostics, gridPolicy,
                params, metrics, stoppedAtStep, error);
    }

    /** The recorded metrics; for a record of an older run, its diagnostics under today's metric names. */
    public MetricSeries metricSeries() {
        return metrics != null ? metrics : diagnostics == null ? null : diagnostics.asMetrics();
    }

    /** The point in the sweep (an empty map for records of runs that swept only the learning rate). */
    public java.util.Map<String, Object> point() {
        return params == null ? java.util.Map.of() : params;
    }

    /** The configuration a curve belongs to: agent and schedule. */
    public String configuration() {
        return agent + " / " + schedule;
    }
}
