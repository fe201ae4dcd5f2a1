package dev.lrlab.env.metrics;

/**
 * A {@link Reduction#MEAN} metric summed where it is measured and handed to the sink in one go:
 * two field updates a value instead of a sink call, for loops that run tens of millions of times a
 * second. Its owner flushes it where listeners and intervals may look (at the end of each episode,
 * and from an interval-end sampler).
 */
public final class MeanBuffer {

    private final MetricSink sink;
    private final int id;
    private double sum;
    private long count;

    /** A buffer of the MEAN metric {@code name}, registered with {@code sink}. */
    public MeanBuffer(MetricSink sink, String name) {
        this.sink = sink;
        this.id = sink.register(name, Reduction.MEAN);
    }

    public void add(double value) {
        sum += value;
        count++;
    }

    /** Hands what was added since the last flush to the sink. */
    public void flush() {
        if (count > 0) {
            sink.addSum(id, count, sum);
            sum = 0;
            count = 0;
        }
    }
}
