package dev.lrlab.env.metrics;

/** How the values a metric received during one logging interval become the interval's one value. */
public enum Reduction {
    /** The mean of the values (a TD error, a loss, an update's size). */
    MEAN,
    /** The largest value (the largest |Q| seen). */
    MAX,
    /** The last value (a quantity sampled at the interval's end, such as a percentile). */
    LAST,
    /** The sum of the values divided by the episodes in the interval (events per episode). */
    PER_EPISODE
}
