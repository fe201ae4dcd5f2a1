package dev.lrlab.env.metrics;

/**
 * An environment that can publish metrics of its own (a gridworld counts falls off the cliff).
 * The runner attaches the trial's sink before the first reset; until then it publishes nowhere.
 */
public interface PublishesMetrics {

    /** Publishes from now on into {@code sink}. */
    void publishTo(MetricSink sink);
}
