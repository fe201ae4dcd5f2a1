package dev.lrlab.reports;

import dev.lrlab.reports.results.TrialRecord;
import dev.lrlab.reports.results.TrialStatus;
import dev.lrlab.reports.stats.Bootstrap;
import dev.lrlab.reports.stats.Interval;
import dev.lrlab.reports.stats.MeanCurve;
import dev.lrlab.reports.stats.Statistics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The numbers behind a report: trials grouped by configuration (agent / schedule) and point of the
 * sweep (the learning rate and any other swept setting), their mean curves with confidence bands,
 * and per-point summaries with bootstrap intervals. Diverged, failed and stopped trials are
 * counted, never averaged in.
 *
 * <p>One swept path is the x axis of the sensitivity figures ({@link #xParameter()}, the learning
 * rate unless the report is told otherwise); a series is a configuration with the values of the
 * other swept paths fixed, drawn as one line against x.
 */
public final class Analysis {

    /** The path of the learning rate in a point: every record has one, from its {@code learning_rate}. */
    public static final String LEARNING_RATE = "learning-rate.value";

    /** The summaries reported per (configuration, point). */
    public enum Metric {
        INTERIM("interim", "mean return over the first episodes"),
        ASYMPTOTIC("asymptotic", "mean return over the last episodes"),
        AUC("auc", "mean return over all episodes (area under the curve per episode)"),
        FINAL_EVALUATION("final_evaluation", "greedy evaluation return at the end");

        private final String id;
        private final String description;

        Metric(String id, String description) {
            this.id = id;
            this.description = description;
        }

        public String id() {
            return id;
        }

        public String description() {
            return description;
        }
    }

    /**
     * A path of the run's points and its values, sorted (numbers ascending, words as first seen).
     *
     * @param path the path, such as {@code agent.exploration.epsilon}
     * @param label its short name for figures: the last part of the path ("epsilon"), or "α" for the
     *     learning rate
     * @param values its values in the run
     */
    public record Parameter(String path, String label, List<Object> values) {

        /**
         * A value as labels show it: compact (three significant digits, powers of two as 2^k), but
         * with as many more digits as it takes for the run's values to stay apart, so that no two
         * lines or ticks share a name.
         */
        public String show(Object value) {
            for (int digits = 3; digits <= 17; digits++) {
                java.util.Set<String> seen = new java.util.HashSet<>();
                boolean distinct = true;
                for (Object v : values) {
                    distinct &= seen.add(Analysis.show(v, digits));
                }
                if (distinct) {
                    return Analysis.show(value, digits);
                }
            }
            return String.valueOf(value);
        }

        /** Whether the run has more than one value of it. */
        public boolean swept() {
            return values.size() > 1;
        }

        /** Whether every value is a number. */
        public boolean numeric() {
            return values.stream().allMatch(v -> v instanceof Double);
        }

        /**
         * Whether a log axis suits it: positive numbers spanning at least a factor of 10, or the
         * learning rate; but not a grid of three or more evenly spaced values (0.1, 0.2, ..., 1.0,
         * as Sutton and Barto's alpha studies), which a linear axis shows as it was chosen.
         */
        public boolean logScale() {
            if (!numeric() || values.isEmpty()) {
                return false;
            }
            double lo = (Double) values.get(0);
            double hi = (Double) values.get(values.size() - 1);
            return lo > 0 && !evenlySpaced() && (path.equals(LEARNING_RATE) || hi / lo >= 10);
        }

        /** Three or more values at equal steps (to a part in a thousand of the step). */
        boolean evenlySpaced() {
            if (values.size() < 3) {
                return false;
            }
            double step = (Double) values.get(1) - (Double) values.get(0);
            for (int i = 2; i < values.size(); i++) {
                double d = (Double) values.get(i) - (Double) values.get(i - 1);
                if (!(Math.abs(d - step) <= 1e-3 * Math.abs(step))) {
                    return false;
                }
            }
            return step > 0;
        }
    }

    /**
     * The trials of one configuration at one point.
     *
     * @param configuration agent / schedule
     * @param agent the agent's label
     * @param schedule the schedule's label
     * @param point the value of every path of the run at this point, the learning rate included
     * @param learningRate the learning rate
     * @param completed trials that ran their budget, by seed: all of them up to {@link #RETAINED}, else the
     *     {@value #RETAINED} lowest seeds (what figures of single trials draw; counts and statistics use
     *     every trial)
     * @param completedCount how many trials completed
     * @param diverged how many diverged
     * @param failed how many failed
     * @param stopped how many a listener stopped
     * @param curve the mean (smoothed) return curve of the completed trials
     * @param summaries per metric: mean and IQM with bootstrap intervals, over completed trials' scores
     * @param firstEpisodesMean the mean over completed trials of their mean return over the first
     *     {@link #firstEpisodes()} episodes (Sutton and Barto's interim performance)
     * @param allEpisodesMean the mean over completed trials of their mean return over every episode
     */
    public record Group(String configuration, String agent, String schedule, Map<String, Object> point,
            double learningRate, List<TrialRecord> completed, int completedCount, int diverged, int failed, int stopped,
            MeanCurve curve, Map<Metric, Summary> summaries, double firstEpisodesMean, double allEpisodesMean) {

        public int total() {
            return completedCount + diverged + failed + stopped;
        }

        public double divergenceRate() {
            return total() == 0 ? Double.NaN : (double) diverged / total();
        }

        /** This group's value of a path. */
        public Object value(String path) {
            return point.get(path);
        }
    }

    /**
     * One metric over the completed trials of a group.
     *
     * @param scores one score per completed trial, by seed
     * @param mean the mean with its bootstrap interval
     * @param iqm the interquartile mean with its bootstrap interval
     */
    public record Summary(double[] scores, Interval mean, Interval iqm) {
    }

    /** Completed trials per group kept whole for the figures of single trials (metrics, evaluations, policies). */
    public static final int RETAINED = 100;

    /**
     * What an analysis must know of a run before it reads the trials: how long the longest trial
     * is (the default smoothing), the shortest completed one (windows may not pass it), the most
     * steps of a completed one (the step grid of curves over steps).
     */
    public record Scope(int maxEpisodes, int shortestCompleted, long maxCompletedSteps, Map<String, Integer> groupSizes) {

        public static Scope of(List<TrialRecord> trials) {
            Map<String, Integer> sizes = new java.util.HashMap<>();
            trials.forEach(t -> sizes.merge(groupKey(t.agent(), t.schedule(), t.learningRate(), t.point()), 1, Integer::sum));
            return new Scope(trials.stream().mapToInt(t -> t.returns().length).max().orElse(0),
                    trials.stream().filter(t -> t.status() == TrialStatus.completed).mapToInt(t -> t.returns().length)
                            .min().orElse(Integer.MAX_VALUE),
                    trials.stream().filter(t -> t.status() == TrialStatus.completed).mapToLong(TrialRecord::steps)
                            .max().orElse(1), sizes);
        }
    }

    /**
     * The group a trial belongs to, as a key: its configuration and its point. A scan counts the
     * trials of each group, so that a group's statistics can be worked out as soon as its last
     * trial has been read, while the rest of the run is read.
     */
    public static String groupKey(String agent, String schedule, double learningRate, Map<String, Object> params) {
        Map<String, Object> point = new LinkedHashMap<>();
        point.put(LEARNING_RATE, learningRate);
        params.forEach((path, value) -> point.put(path, normalized(value)));
        return agent + " / " + schedule + " | " + pointKey(point);
    }

    /** Trials handed over one at a time, such as a run read part by part. */
    @FunctionalInterface
    public interface TrialStream {
        void forEach(java.util.function.Consumer<TrialRecord> each) throws java.io.IOException;
    }

    private final List<Group> groups;
    private final List<String> configurations;
    private int firstEpisodes;
    private java.util.SortedSet<Integer> completedLengths = new java.util.TreeSet<>();
    private final List<Parameter> parameters;
    private final Parameter x;
    private final int window;
    private final int smoothing;
    private final boolean overSteps;
    private final String highlight;
    /** A parameter study's configurations, each with its own swept parameter; empty for a grid. */
    private final Map<String, Parameter> own;

    private Analysis(List<Group> groups, List<String> configurations, List<Parameter> parameters, Parameter x,
            int window, int smoothing, boolean overSteps, String highlight) {
        this.highlight = highlight;
        this.groups = groups;
        this.configurations = configurations;
        this.parameters = parameters;
        this.x = x;
        this.window = window;
        this.smoothing = smoothing;
        this.overSteps = overSteps;
        this.own = ownParameters(groups, configurations, parameters);
    }

    /**
     * For a parameter study (each configuration sweeping a numeric path of its own, not all the
     * same path: a spec whose agents bring their own sweep), each configuration's parameter with
     * its own values; empty otherwise.
     */
    private static Map<String, Parameter> ownParameters(List<Group> groups, List<String> configurations,
            List<Parameter> parameters) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        for (String config : configurations) {
            Parameter mine = null;
            for (Parameter p : parameters) {
                List<Object> values = groups.stream().filter(g -> g.configuration().equals(config))
                        .map(g -> g.value(p.path())).filter(java.util.Objects::nonNull).distinct().toList();
                if (values.size() > 1) {
                    if (mine != null) {
                        return Map.of(); // two paths swept within one configuration: a grid
                    }
                    mine = new Parameter(p.path(), p.label(), p.values().stream().filter(values::contains).toList());
                }
            }
            if (mine == null || !mine.numeric()) {
                return Map.of();
            }
            out.put(config, mine);
        }
        boolean different = out.values().stream().map(Parameter::path).distinct().count() > 1;
        return out.size() > 1 && different ? Map.copyOf(out) : Map.of();
    }

    /** Whether the run is a parameter study: each configuration over a parameter of its own. */
    public boolean isStudy() {
        return !own.isEmpty();
    }

    /**
     * The parameter a series' lines are drawn over: the run's x, or in a parameter study (where a
     * series is a configuration) the configuration's own.
     */
    public Parameter xParameterOf(String series) {
        return own.getOrDefault(series, x);
    }

    /**
     * Groups and summarises the trials.
     *
     * @throws IllegalArgumentException when the options name an x parameter the run does not have, or
     *     windows longer than its trials
     */
    public static Analysis of(List<TrialRecord> trials, ReportOptions options) {
        try {
            return of(Scope.of(trials), trials::forEach, options);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Groups and summarises trials read one at a time: memory grows with the groups and their
     * curves' length, and with a few numbers per trial (its scores), not with the trials' curves.
     */
    public static Analysis of(Scope scope, TrialStream trials, ReportOptions options) throws java.io.IOException {
        int episodes = scope.maxEpisodes();
        // 0: each trial's own first and last tenth (step budgets give trials different episode counts)
        int window = options.window();
        int shortest = scope.shortestCompleted();
        if (window > shortest) {
            // min(window, length) would quietly summarise whole trials under a "first 1000" label
            throw new IllegalArgumentException("--window " + window + " is longer than the trials: the shortest has "
                    + shortest + " episodes; give at most " + shortest + " (or 0: a tenth of each trial)");
        }
        int smoothing = options.smoothing() > 0 ? options.smoothing() : Math.max(1, episodes / 50);
        Bootstrap bootstrap = Bootstrap.of(options.resamples(), options.confidence(), options.seed());
        double[] stepGrid = options.overSteps() ? stepGrid(scope.maxCompletedSteps()) : null;
        int firstEpisodes = shortest == Integer.MAX_VALUE ? 0 : Math.min(100, shortest);
        Map<String, Set<Object>> values = new LinkedHashMap<>();
        java.util.SortedSet<Integer> completedLengths = new java.util.TreeSet<>();
        Map<String, Map<String, GroupBuilder>> byConfig = new TreeMap<>();
        // the bootstrap intervals are most of a large report's work: a group's are worked out on
        // another core as soon as the scan's count of its trials has arrived (or at the end); each
        // is seeded by its own data, so the order of the work does not change the groups
        Map<GroupBuilder, java.util.concurrent.Future<Group>> built = new java.util.HashMap<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
                    Thread t = new Thread(r, "lrlab-statistics");
                    t.setDaemon(true);
                    return t;
                });
        try {
            trials.forEach(t -> {
                Map<String, Object> point = pointOf(t);
                point.forEach((path, v) -> values.computeIfAbsent(path, k -> new LinkedHashSet<>()).add(v));
                if (t.status() == TrialStatus.completed) {
                    completedLengths.add(t.returns().length);
                }
                GroupBuilder b = byConfig.computeIfAbsent(t.configuration(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(pointKey(point), k -> new GroupBuilder(t, point, episodes, smoothing, stepGrid,
                                window, firstEpisodes));
                b.add(t);
                Integer expected = scope.groupSizes() == null ? null
                        : scope.groupSizes().get(t.configuration() + " | " + pointKey(point));
                if (expected != null && b.trials() == expected && !built.containsKey(b)) {
                    String configuration = t.configuration();
                    built.put(b, pool.submit(() -> b.build(configuration, options.confidence(), bootstrap)));
                }
            });
            for (var config : byConfig.entrySet()) {
                for (GroupBuilder b : config.getValue().values()) {
                    built.computeIfAbsent(b, k -> pool.submit(() -> k.build(config.getKey(), options.confidence(),
                            bootstrap)));
                }
            }
            List<Parameter> parameters = parameters(values);
            Parameter x = chooseX(parameters, options.xParameter());
            List<Group> groups = new ArrayList<>();
            for (var config : byConfig.entrySet()) {
                List<Group> ofConfig = new ArrayList<>();
                for (GroupBuilder b : config.getValue().values()) {
                    ofConfig.add(built.get(b).get());
                }
                ofConfig.sort(byPoint(parameters));
                groups.addAll(ofConfig);
            }
            return finish(groups, byConfig, parameters, x, window, smoothing, options, firstEpisodes, completedLengths);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.IOException("interrupted while summarising");
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Analysis finish(List<Group> groups, Map<String, Map<String, GroupBuilder>> byConfig,
            List<Parameter> parameters, Parameter x, int window, int smoothing, ReportOptions options, int firstEpisodes,
            java.util.SortedSet<Integer> completedLengths) {
        Analysis out = new Analysis(groups, new ArrayList<>(byConfig.keySet()), parameters, x, window, smoothing,
                options.overSteps(), options.highlight());
        out.firstEpisodes = firstEpisodes;
        out.completedLengths = completedLengths;
        if (!out.unmatchedHighlights().isEmpty()) {
            throw new IllegalArgumentException("--highlight " + String.join(",", out.unmatchedHighlights())
                    + ": no such value of " + x.path() + "; its values: " + String.join(", ",
                    x.values().stream().map(x::show).toList()));
        }
        return out;
    }

    /**
     * The trials of one group as they arrive: counts, the lowest seeds kept whole, the moments of
     * every completed trial's smoothed curve at each x, and each completed trial's scores with its seed.
     */
    private static final class GroupBuilder {
        private final TrialRecord first;
        private final Map<String, Object> point;
        private final int smoothing;
        private final double[] stepGrid;
        private final int window;
        private final int firstEpisodes;
        private final List<TrialRecord> lowestSeeds = new ArrayList<>();
        private final int[] n;
        private final double[] sum;
        private final double[] mean;
        private final double[] m2;
        private final double[] min;
        private final double[] max;
        private int longest;
        private int completed;
        private int diverged;
        private int stopped;
        private int failed;
        private long[] seeds = new long[16];
        // per completed trial: one score per Metric, then its first-episodes and all-episodes means
        private double[][] scores = new double[Metric.values().length + 2][16];

        GroupBuilder(TrialRecord first, Map<String, Object> point, int episodes, int smoothing, double[] stepGrid,
                int window, int firstEpisodes) {
            this.first = first;
            this.point = point;
            this.smoothing = smoothing;
            this.stepGrid = stepGrid;
            this.window = window;
            this.firstEpisodes = firstEpisodes;
            int m = stepGrid != null ? stepGrid.length : episodes;
            n = new int[m];
            sum = new double[m];
            mean = new double[m];
            m2 = new double[m];
            min = new double[m];
            max = new double[m];
            java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
            java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        }

        int trials() {
            return completed + diverged + stopped + failed;
        }

        void add(TrialRecord t) {
            switch (t.status()) {
                case completed -> addCompleted(t);
                case diverged -> diverged++;
                case stopped -> stopped++;
                default -> failed++;
            }
        }

        private void addCompleted(TrialRecord t) {
            // kept in seed order, ties in arrival order (a stable sort by seed), the lowest RETAINED
            int at = lowestSeeds.size();
            while (at > 0 && lowestSeeds.get(at - 1).seed() > t.seed()) {
                at--;
            }
            if (at < RETAINED) {
                lowestSeeds.add(at, t);
                if (lowestSeeds.size() > RETAINED) {
                    lowestSeeds.remove(RETAINED);
                }
            }
            double[] c = curveOf(t, smoothing, stepGrid);
            longest = Math.max(longest, t.returns().length);
            for (int j = 0; j < c.length && j < n.length; j++) {
                double v = c[j];
                if (!Double.isNaN(v)) {
                    n[j]++;
                    sum[j] += v;
                    double d = v - mean[j];
                    mean[j] += d / n[j];
                    m2[j] += d * (v - mean[j]);
                    min[j] = Math.min(min[j], v);
                    max[j] = Math.max(max[j], v);
                }
            }
            if (completed == seeds.length) {
                seeds = java.util.Arrays.copyOf(seeds, completed * 2);
                for (int k = 0; k < scores.length; k++) {
                    scores[k] = java.util.Arrays.copyOf(scores[k], completed * 2);
                }
            }
            seeds[completed] = t.seed();
            Metric[] metrics = Metric.values();
            for (int k = 0; k < metrics.length; k++) {
                scores[k][completed] = score(t, metrics[k], window);
            }
            double[] r = t.returns();
            scores[metrics.length][completed] = Statistics.compensatedMean(r, 0, Math.min(firstEpisodes, r.length));
            scores[metrics.length + 1][completed] = Statistics.compensatedMean(r, 0, r.length);
            completed++;
        }

        Group build(String configuration, double confidence, Bootstrap bootstrap) {
            // the completed trials in seed order (stable), as the statistics have always taken them
            Integer[] order = new Integer[completed];
            for (int i = 0; i < completed; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, Comparator.comparingLong(i -> seeds[i]));
            Metric[] metrics = Metric.values();
            Map<Metric, Summary> summaries = new LinkedHashMap<>();
            for (int k = 0; k < metrics.length; k++) {
                final int metric = k;
                double[] sample = java.util.Arrays.stream(order).mapToDouble(i -> scores[metric][i])
                        .filter(v -> !Double.isNaN(v)).toArray();
                if (sample.length > 0) {
                    Interval[] intervals = bootstrap.meanAndIqm(sample);
                    summaries.put(metrics[k], new Summary(sample, intervals[0], intervals[1]));
                }
            }
            double firstMean = java.util.Arrays.stream(order).mapToDouble(i -> scores[metrics.length][i]).average()
                    .orElse(Double.NaN);
            double allMean = java.util.Arrays.stream(order).mapToDouble(i -> scores[metrics.length + 1][i]).average()
                    .orElse(Double.NaN);
            return new Group(configuration, first.agent(), first.schedule(), point, first.learningRate(),
                    List.copyOf(lowestSeeds), completed, diverged, failed, stopped, curve(confidence), summaries,
                    firstMean, allMean);
        }

        /** Every curve when there are few (a bootstrap band), else the moments of them all (a t-interval). */
        private MeanCurve curve(double confidence) {
            int m = stepGrid != null ? stepGrid.length : longest;
            double[] x = new double[m];
            for (int j = 0; j < m; j++) {
                x[j] = stepGrid != null ? stepGrid[j] : j + 1;
            }
            if (completed <= RETAINED) {
                double[][] curves = new double[lowestSeeds.size()][];
                for (int i = 0; i < curves.length; i++) {
                    curves[i] = curveOf(lowestSeeds.get(i), smoothing, stepGrid);
                }
                return MeanCurve.of(x, curves, confidence);
            }
            return MeanCurve.ofMoments(x, java.util.Arrays.copyOf(n, m), java.util.Arrays.copyOf(sum, m),
                    java.util.Arrays.copyOf(m2, m), java.util.Arrays.copyOf(min, m), java.util.Arrays.copyOf(max, m),
                    confidence);
        }
    }

    /** A completed trial's smoothed return curve, per episode or on the step grid. */
    private static double[] curveOf(TrialRecord t, int smoothing, double[] stepGrid) {
        double[] smoothed = MeanCurve.smooth(t.returns(), smoothing);
        return stepGrid == null ? smoothed : MeanCurve.onStepGrid(smoothed, t.lengths(), stepGrid);
    }

    private static int count(List<TrialRecord> trials, TrialStatus status) {
        return (int) trials.stream().filter(t -> t.status() == status).count();
    }

    /** A record's point: its swept paths, and the learning rate. */
    static Map<String, Object> pointOf(TrialRecord t) {
        Map<String, Object> point = new LinkedHashMap<>();
        point.put(LEARNING_RATE, t.learningRate());
        t.point().forEach((path, value) -> point.put(path, normalized(value)));
        return point;
    }

    private static Object normalized(Object v) {
        return v instanceof Number n ? (Object) n.doubleValue() : String.valueOf(v);
    }

    private static String pointKey(Map<String, Object> point) {
        return new TreeMap<>(point).toString();
    }

    /** Every path of the run's points with its values; the learning rate first. */
    private static List<Parameter> parameters(Map<String, Set<Object>> values) {
        List<Parameter> out = new ArrayList<>();
        for (var e : values.entrySet()) {
            List<Object> sorted = new ArrayList<>(e.getValue());
            if (sorted.stream().allMatch(v -> v instanceof Double)) {
                sorted.sort(Comparator.comparingDouble(v -> (Double) v));
            }
            out.add(new Parameter(e.getKey(), null, sorted));
        }
        // short labels: the last part of each path, unless two paths share it
        List<Parameter> labelled = new ArrayList<>();
        for (Parameter p : out) {
            String last = p.path().substring(p.path().lastIndexOf('.') + 1);
            long same = out.stream().filter(o -> o.path().endsWith("." + last) || o.path().equals(last)).count();
            String label = p.path().equals(LEARNING_RATE) ? "α" : same > 1 ? p.path() : last;
            labelled.add(new Parameter(p.path(), label, p.values()));
        }
        return labelled;
    }

    private static Parameter chooseX(List<Parameter> parameters, String wanted) {
        if (wanted != null) {
            return parameters.stream().filter(p -> p.path().equals(wanted)).findFirst().orElseThrow(() ->
                    new IllegalArgumentException("the run has no swept path '" + wanted + "'; its paths: "
                            + String.join(", ", parameters.stream().map(Parameter::path).toList())));
        }
        Parameter rate = parameters.get(0);
        if (rate.swept()) {
            return rate;
        }
        return parameters.stream().filter(Parameter::swept).findFirst().orElse(rate);
    }

    private static Comparator<Group> byPoint(List<Parameter> parameters) {
        return (a, b) -> {
            for (Parameter p : parameters) {
                int c = Integer.compare(p.values().indexOf(a.value(p.path())), p.values().indexOf(b.value(p.path())));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
    }

    private static double[] stepGrid(long max) {
        int points = 200;
        double[] grid = new double[points];
        for (int i = 0; i < points; i++) {
            grid[i] = (double) max * (i + 1) / points;
        }
        return grid;
    }

    /** One trial's score for a metric; NaN when the trial has none (no evaluations recorded, say). */
    static double score(TrialRecord t, Metric metric, int window) {
        double[] r = t.returns();
        if (metric == Metric.FINAL_EVALUATION) {
            return t.evaluations() == null || t.evaluations().length == 0 ? Double.NaN
                    : t.evaluations()[t.evaluations().length - 1].meanReturn();
        }
        if (r.length == 0) {
            return Double.NaN;
        }
        int n = window > 0 ? Math.min(window, r.length) : Math.max(1, r.length / 10);
        return switch (metric) {
            case INTERIM -> Statistics.mean(r, 0, n);
            case ASYMPTOTIC -> Statistics.mean(r, r.length - n, r.length);
            default -> Statistics.mean(r);
        };
    }

    public List<Group> groups() {
        return groups;
    }

    public List<String> configurations() {
        return configurations;
    }

    public List<Group> groupsOf(String configuration) {
        return groups.stream().filter(g -> g.configuration().equals(configuration)).toList();
    }

    /** Every path of the run's points, the learning rate first, whether swept or not. */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** The paths with more than one value in the run. */
    public List<Parameter> swept() {
        return parameters.stream().filter(Parameter::swept).toList();
    }

    /** The parameter on the x axis of the sensitivity figures. */
    public Parameter xParameter() {
        return x;
    }

    /** The series of the sensitivity figures: configurations, each with the other swept paths fixed. */
    public List<String> series() {
        List<String> out = new ArrayList<>();
        for (Group g : groups) {
            String s = seriesOf(g);
            if (!out.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }

    /** The groups of a series, in the order of the x parameter's values. */
    public List<Group> groupsOfSeries(String series) {
        return groups.stream().filter(g -> seriesOf(g).equals(series))
                .sorted(Comparator.comparingInt(g -> x.values().indexOf(g.value(x.path())))).toList();
    }

    /** A group's series: its configuration, and its values of the swept paths other than x. */
    public String seriesOf(Group g) {
        if (isStudy()) {
            return g.configuration();
        }
        StringBuilder s = new StringBuilder(g.configuration());
        for (Parameter p : swept()) {
            if (!p.path().equals(x.path())) {
                s.append(" · ").append(p.label()).append(" = ").append(p.show(g.value(p.path())));
            }
        }
        return s.toString();
    }

    /** Every learning rate in the run, ascending. */
    public List<Double> learningRates() {
        return parameters.get(0).values().stream().map(v -> (Double) v).toList();
    }

    /** A value as labels show it: numbers compact (powers of two as 2^k), words as they are. */
    public static String show(Object value) {
        return show(value, 3);
    }

    /** A value with {@code digits} significant digits, trailing zeros dropped. */
    static String show(Object value, int digits) {
        if (value instanceof Double d) {
            double log2 = Math.log(d) / Math.log(2);
            if (d > 0 && Math.abs(log2 - Math.rint(log2)) < 1e-9 && Math.abs(log2) >= 4) {
                return "2^" + (long) Math.rint(log2);
            }
            String s = String.format(Locale.ROOT, "%." + digits + "g", d);
            return s.contains("e") ? s.replaceAll("\\.?0+e", "e") : s.contains(".") ? s.replaceAll("\\.?0+$", "") : s;
        }
        return Objects.toString(value);
    }

    /** The point of the configuration with the best asymptotic mean, among points with completed trials. */
    public Group best(String configuration) {
        return groupsOf(configuration).stream()
                .filter(g -> g.summaries().containsKey(Metric.ASYMPTOTIC))
                .max(Comparator.comparingDouble(g -> g.summaries().get(Metric.ASYMPTOTIC).mean().estimate()))
                .orElse(null);
    }

    /** The best point of a series, as {@link #best(String)} does for a configuration. */
    public Group bestOfSeries(String series) {
        return groupsOfSeries(series).stream()
                .filter(g -> g.summaries().containsKey(Metric.ASYMPTOTIC))
                .max(Comparator.comparingDouble(g -> g.summaries().get(Metric.ASYMPTOTIC).mean().estimate()))
                .orElse(null);
    }

    /**
     * The indices (into x's values) of the return curves a panel draws in full, or null for all:
     * see {@link ReportOptions#highlight()}.
     */
    public java.util.Set<Integer> highlighted(String series) {
        Parameter x = xParameterOf(series);
        List<Object> values = x.values();
        boolean auto = highlight == null || highlight.equals("auto");
        if ("all".equals(highlight) || (auto && values.size() <= 6)) {
            return null;
        }
        java.util.Set<Integer> out = new java.util.TreeSet<>();
        if (auto) {
            out.add(0);
            out.add(values.size() - 1);
            Group best = bestOfSeries(series);
            if (best != null) {
                out.add(values.indexOf(best.value(x.path())));
            }
            return out;
        }
        for (String wanted : highlight.split(",")) {
            out.addAll(matching(wanted.trim()));
        }
        return out;
    }

    /** The listed values of --highlight that match no value of x (for a message); empty when all match. */
    public List<String> unmatchedHighlights() {
        if (highlight == null || highlight.equals("auto") || highlight.equals("all")) {
            return List.of();
        }
        return java.util.Arrays.stream(highlight.split(",")).map(String::trim).filter(w -> matching(w).isEmpty()).toList();
    }

    /** The indices of x's values written as {@code wanted}: as the figures show them, or the same number. */
    private List<Integer> matching(String wanted) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < x.values().size(); i++) {
            Object v = x.values().get(i);
            boolean number = v instanceof Double && wanted.matches("[-+]?[0-9.]+([eE][-+]?[0-9]+)?");
            if (x.show(v).equals(wanted) || String.valueOf(v).equals(wanted)
                    || (number && Double.parseDouble(wanted) == (Double) v)) {
                out.add(i);
            }
        }
        return out;
    }

    /** Episodes in the interim and asymptotic windows; 0 means each trial's first and last tenth. */
    public int window() {
        return window;
    }

    /** The windows in words: "50 episodes", or "10% of episodes" when trials differ in length. */
    public String windowLabel() {
        if (window > 0) {
            return window + " episodes";
        }
        return completedLengths.size() == 1 ? Math.max(1, completedLengths.first() / 10) + " episodes"
                : "10% of episodes";
    }

    public int smoothing() {
        return smoothing;
    }

    /** The episodes of Sutton and Barto's interim performance: the first 100, or all of the shortest trial. */
    public int firstEpisodes() {
        return firstEpisodes;
    }

    /** The episode counts of the completed trials, ascending. */
    public java.util.SortedSet<Integer> completedLengths() {
        return completedLengths;
    }

    /** Whether some group has more completed trials than it keeps whole for the figures of single trials. */
    public boolean anyGroupSubsampled() {
        return groups.stream().anyMatch(g -> g.completedCount() > g.completed().size());
    }

    /** For captions of figures drawn from single trials: which trials they show when groups are large. */
    public String subsampleNote() {
        return anyGroupSubsampled() ? " Groups of more than " + RETAINED + " completed trials are drawn from their "
                + RETAINED + " lowest seeds." : "";
    }

    public boolean overSteps() {
        return overSteps;
    }
}
