package dev.lrlab.env.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One trial's metrics: the sink its agent, optimizers, environment and runner publish into, and
 * the per-interval record the trial keeps. Each metric keeps running totals (count, sum, last
 * value) and the largest value of the current interval; closing an interval reduces what arrived
 * since the last close to one value per recorded metric. Publishing is allocation-free; only
 * registering a metric and closing an interval allocate. Not thread-safe: one per trial.
 *
 * <p>Publishers publish finite values: a value that became non-finite ends its trial as diverged,
 * before the interval it would spoil is closed.
 */
public final class MetricLog implements MetricSink {

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private final List<Runnable> samplers = new ArrayList<>();
    private Reduction[] reductions = new Reduction[8];
    private boolean[] recorded = new boolean[8];
    /**
     * The running totals of metric {@code id} side by side, so that publishing touches one array:
     * {@code [4 id]} count, {@code [4 id + 1]} sum, {@code [4 id + 2]} the interval's max,
     * {@code [4 id + 3]} the last value. Counts are exact as doubles up to 2^53.
     */
    private double[] totals = new double[4 * 8];
    private long[] countAtClose = new long[8];
    private double[] sumAtClose = new double[8];
    private double[][] series = new double[8][];
    private int[] episodes = new int[16];
    private long[] steps = new long[16];
    private int intervals;

    @Override
    public int register(String name, Reduction reduction) {
        return register(name, reduction, true);
    }

    /**
     * Registers a metric that listeners can read but the record does not keep per interval,
     * because the trial record keeps it in full elsewhere (episode returns and lengths,
     * evaluation returns).
     */
    public int registerLive(String name, Reduction reduction) {
        return register(name, reduction, false);
    }

    private int register(String name, Reduction reduction, boolean record) {
        Integer known = ids.get(name);
        if (known != null) {
            if (reductions[known] != reduction) {
                throw new IllegalArgumentException("metric '" + name + "' is registered as " + reductions[known]
                        + " and again as " + reduction);
            }
            recorded[known] |= record;
            return known;
        }
        int id = names.size();
        if (id == reductions.length) {
            int n = id * 2;
            reductions = Arrays.copyOf(reductions, n);
            recorded = Arrays.copyOf(recorded, n);
            totals = Arrays.copyOf(totals, 4 * n);
            countAtClose = Arrays.copyOf(countAtClose, n);
            sumAtClose = Arrays.copyOf(sumAtClose, n);
            series = Arrays.copyOf(series, n);
        }
        names.add(name);
        ids.put(name, id);
        reductions[id] = reduction;
        recorded[id] = record;
        totals[4 * id + 2] = Double.NEGATIVE_INFINITY;
        totals[4 * id + 3] = Double.NaN;
        // a metric that first appears late has had nothing in the intervals already closed
        double[] values = new double[Math.max(16, episodes.length)];
        Arrays.fill(values, 0, intervals, Double.NaN);
        series[id] = values;
        return id;
    }

    /**
     * Makes room for {@code n} intervals at once, for a log that knows how many it will close (a
     * trial whose budget counts episodes): growing by doubling copied every series three or four
     * times a trial, a fifth of what a sweep of small trials allocated.
     */
    public void expectIntervals(int n) {
        if (n <= episodes.length) {
            return;
        }
        episodes = Arrays.copyOf(episodes, n);
        steps = Arrays.copyOf(steps, n);
        for (int id = 0; id < names.size(); id++) {
            series[id] = Arrays.copyOf(series[id], n);
        }
    }

    @Override
    public void add(int id, double value) {
        int at = 4 * id;
        totals[at] += 1;
        totals[at + 1] += value;
        if (value > totals[at + 2]) {
            totals[at + 2] = value;
        }
        totals[at + 3] = value;
    }

    @Override
    public void addSum(int id, long count, double sum) {
        totals[4 * id] += count;
        totals[4 * id + 1] += sum;
    }

    @Override
    public void sampleAtIntervalEnd(Runnable sampler) {
        samplers.add(sampler);
    }

    /**
     * Closes a logging interval that ended after {@code episode} training episodes and
     * {@code step} steps and held {@code episodesInInterval} episodes: runs the samplers, then
     * reduces every recorded metric to one value (NaN when it received nothing, 0 per episode for
     * an event count that saw no event).
     */
    public void closeInterval(int episode, long step, int episodesInInterval) {
        samplers.forEach(Runnable::run);
        if (intervals == episodes.length) {
            int n = intervals * 2;
            episodes = Arrays.copyOf(episodes, n);
            steps = Arrays.copyOf(steps, n);
        }
        episodes[intervals] = episode;
        steps[intervals] = step;
        for (int id = 0; id < names.size(); id++) {
            if (intervals == series[id].length) {
                series[id] = Arrays.copyOf(series[id], intervals * 2);
            }
            long n = count(id) - countAtClose[id];
            double total = sum(id) - sumAtClose[id];
            series[id][intervals] = switch (reductions[id]) {
                case MEAN -> n == 0 ? Double.NaN : total / n;
                case MAX -> n == 0 ? Double.NaN : totals[4 * id + 2];
                case LAST -> n == 0 ? Double.NaN : totals[4 * id + 3];
                case PER_EPISODE -> episodesInInterval == 0 ? Double.NaN : total / episodesInInterval;
            };
            countAtClose[id] = count(id);
            sumAtClose[id] = sum(id);
            totals[4 * id + 2] = Double.NEGATIVE_INFINITY;
        }
        intervals++;
    }

    /** The id of a registered metric, or -1. */
    public int id(String name) {
        Integer id = ids.get(name);
        return id == null ? -1 : id;
    }

    /** Every registered name, in the order registered. */
    public List<String> names() {
        return List.copyOf(names);
    }

    public Reduction reduction(int id) {
        return reductions[id];
    }

    /** The last value published (NaN before the first). */
    public double latest(int id) {
        return totals[4 * id + 3];
    }

    /** Values published so far, over the whole trial. */
    public long count(int id) {
        return (long) totals[4 * id];
    }

    /** Sum of the values published so far, over the whole trial. */
    public double sum(int id) {
        return totals[4 * id + 1];
    }

    /** Intervals closed so far. */
    public int intervals() {
        return intervals;
    }

    /** Training episodes finished at the end of each closed interval. */
    public int[] intervalEpisodes() {
        return Arrays.copyOf(episodes, intervals);
    }

    /** Training steps taken at the end of each closed interval. */
    public long[] intervalSteps() {
        return Arrays.copyOf(steps, intervals);
    }

    /** Each recorded metric's value per closed interval, by name, in the order registered. */
    public Map<String, double[]> recordedSeries() {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (int id = 0; id < names.size(); id++) {
            if (recorded[id]) {
                out.put(names.get(id), Arrays.copyOf(series[id], intervals));
            }
        }
        return out;
    }
}
