package dev.lrlab.reports.stats;

/**
 * A point estimate with a confidence interval.
 *
 * @param estimate the statistic on the original sample
 * @param low lower end of the interval
 * @param high upper end of the interval
 */
public record Interval(double estimate, double low, double high) {

    public static final Interval EMPTY = new Interval(Double.NaN, Double.NaN, Double.NaN);

    public boolean contains(double value) {
        return low <= value && value <= high;
    }
}
