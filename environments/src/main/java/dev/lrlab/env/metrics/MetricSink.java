package dev.lrlab.env.metrics;

/**
 * Where agents, optimizers, environments and the runner publish named scalars. A publisher asks
 * for a metric's id once, when it is built, and then publishes by id: {@link #add(int, double)}
 * is a few array writes and allocates nothing, so it may run on every step.
 */
public interface MetricSink {

    /** A sink that keeps nothing, for agents and environments used outside a trial. */
    MetricSink NONE = new MetricSink() {
        @Override
        public int register(String name, Reduction reduction) {
            return 0;
        }

        @Override
        public void add(int id, double value) {
        }

        @Override
        public void addSum(int id, long count, double sum) {
        }

        @Override
        public void sampleAtIntervalEnd(Runnable sampler) {
        }
    };

    /**
     * The id of a metric, registered on first use: the same name always gives the same id.
     * Names are snake_case ({@code abs_td_error}), so that pandas and jq read them as they are.
     */
    int register(String name, Reduction reduction);

    /** Publishes one value of a metric. */
    void add(int id, double value);

    /**
     * Publishes {@code count} values of a {@link Reduction#MEAN} metric at once, by their sum:
     * for the hottest loops, which sum where they measure (see {@link MeanBuffer}). The values
     * themselves are not seen, so an interval's largest and last value are not updated.
     */
    void addSum(int id, long count, double sum);

    /**
     * Runs {@code sampler} whenever a logging interval closes, before the interval's values are
     * taken: for quantities too costly to compute on every step (percentiles over parameters),
     * which the sampler publishes with {@link #add}.
     */
    void sampleAtIntervalEnd(Runnable sampler);
}
