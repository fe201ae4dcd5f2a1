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
     * @param completed trials that ran their budget, by seed
     * @param diverged how many diverged
     * @param failed how many failed
     * @param stopped how many a listener stopped
     * @param curve the mean (smoothed) return curve of the completed trials
     * @param summaries per metric: mean and IQM with bootstrap intervals, over completed trials' scores
     */
    public record Group(String configuration, String agent, String schedule, Map<String, Object> point,
            double learningRate, List<TrialRecord> completed, int diverged, int failed, int stopped, MeanCurve curve,
            Map<Metric, Summary> summaries) {

        public int total() {
            return completed.size() + diverged + failed + stopped;
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

    private final List<Group> groups;
    private final List<String> configurations;
    private final List<Parameter> parameters;
    private final Parameter x;
    private final int window;
    private final int smoothing;
    private final boolean overSteps;
    private final String highlight;

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
    }

    /**
     * Groups and summarises the trials.
     *
     * @throws IllegalArgumentException when the options name an x parameter the run does not have, or
     *     windows longer than its trials
     */
    public static Analysis of(List<TrialRecord> trials, ReportOptions options) {
        int episodes = trials.stream().mapToInt(t -> t.returns().length).max().orElse(0);
        // 0: each trial's own first and last tenth (step budgets give trials different episode counts)
        int window = options.window();
        int shortest = trials.stream().filter(t -> t.status() == TrialStatus.completed)
                .mapToInt(t -> t.returns().length).min().orElse(Integer.MAX_VALUE);
        if (window > shortest) {
            // min(window, length) would quietly summarise whole trials under a "first 1000" label
            throw new IllegalArgumentException("--window " + window + " is longer than the trials: the shortest has "
                    + shortest + " episodes; give at most " + shortest + " (or 0: a tenth of each trial)");
        }
        int smoothing = options.smoothing() > 0 ? options.smoothing() : Math.max(1, episodes / 50);
        Bootstrap bootstrap = Bootstrap.of(options.resamples(), options.confidence(), options.seed());
        List<Parameter> parameters = parameters(trials);
        Parameter x = chooseX(parameters, options.xParameter());

        Map<String, Map<String, List<TrialRecord>>> byConfig = new TreeMap<>();
        for (TrialRecord t : trials) {
            byConfig.computeIfAbsent(t.configuration(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(pointKey(pointOf(t)), k -> new ArrayList<>()).add(t);
        }
        double[] stepGrid = options.overSteps() ? stepGrid(trials) : null;
        List<Group> groups = new ArrayList<>();
        for (var config : byConfig.entrySet()) {
            List<Group> ofConfig = new ArrayList<>();
            for (List<TrialRecord> all : config.getValue().values()) {
                all.sort(Comparator.comparingLong(TrialRecord::seed));
                List<TrialRecord> completed = all.stream().filter(t -> t.status() == TrialStatus.completed).toList();
                int diverged = count(all, TrialStatus.diverged);
                int stopped = count(all, TrialStatus.stopped);
                int failed = all.size() - completed.size() - diverged - stopped;
                TrialRecord first = all.get(0);
                ofConfig.add(new Group(config.getKey(), first.agent(), first.schedule(), pointOf(first),
                        first.learningRate(), completed, diverged, failed, stopped,
                        curve(completed, smoothing, stepGrid, options.confidence()),
                        summaries(completed, window, bootstrap)));
            }
            ofConfig.sort(byPoint(parameters));
            groups.addAll(ofConfig);
        }
        Analysis out = new Analysis(groups, new ArrayList<>(byConfig.keySet()), parameters, x, window, smoothing,
                options.overSteps(), options.highlight());
        if (!out.unmatchedHighlights().isEmpty()) {
            throw new IllegalArgumentException("--highlight " + String.join(",", out.unmatchedHighlights())
                    + ": no such value of " + x.path() + "; its values: " + String.join(", ",
                    x.values().stream().map(x::show).toList()));
        }
        return out;
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
    private static List<Parameter> parameters(List<TrialRecord> trials) {
        Map<String, Set<Object>> values = new LinkedHashMap<>();
        for (TrialRecord t : trials) {
            pointOf(t).forEach((path, v) -> values.computeIfAbsent(path, k -> new LinkedHashSet<>()).add(v));
        }
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

    private static double[] stepGrid(List<TrialRecord> trials) {
        long max = trials.stream().filter(t -> t.status() == TrialStatus.completed)
                .mapToLong(TrialRecord::steps).max().orElse(1);
        int points = 200;
        double[] grid = new double[points];
        for (int i = 0; i < points; i++) {
            grid[i] = (double) max * (i + 1) / points;
        }
        return grid;
    }

    private static MeanCurve curve(List<TrialRecord> completed, int smoothing, double[] stepGrid, double confidence) {
        int episodes = completed.stream().mapToInt(t -> t.returns().length).max().orElse(0);
        double[][] curves = new double[completed.size()][];
        double[] x;
        if (stepGrid != null) {
            x = stepGrid;
            for (int i = 0; i < curves.length; i++) {
                TrialRecord t = completed.get(i);
                curves[i] = MeanCurve.onStepGrid(MeanCurve.smooth(t.returns(), smoothing), t.lengths(), stepGrid);
            }
        } else {
            x = new double[episodes];
            for (int j = 0; j < episodes; j++) {
                x[j] = j + 1;
            }
            for (int i = 0; i < curves.length; i++) {
                curves[i] = MeanCurve.smooth(completed.get(i).returns(), smoothing);
            }
        }
        return MeanCurve.of(x, curves, confidence);
    }

    private static Map<Metric, Summary> summaries(List<TrialRecord> completed, int window, Bootstrap bootstrap) {
        Map<Metric, Summary> out = new LinkedHashMap<>();
        for (Metric metric : Metric.values()) {
            double[] scores = completed.stream().mapToDouble(t -> score(t, metric, window))
                    .filter(v -> !Double.isNaN(v)).toArray();
            if (scores.length == 0) {
                continue;
            }
            out.put(metric, new Summary(scores, bootstrap.interval(scores, Bootstrap.Statistic.MEAN),
                    bootstrap.interval(scores, Bootstrap.Statistic.IQM)));
        }
        return out;
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
            case INTERIM -> Statistics.mean(java.util.Arrays.copyOfRange(r, 0, n));
            case ASYMPTOTIC -> Statistics.mean(java.util.Arrays.copyOfRange(r, r.length - n, r.length));
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
        int[] lengths = groups.stream().flatMap(g -> g.completed().stream()).mapToInt(t -> t.returns().length)
                .distinct().toArray();
        return lengths.length == 1 ? Math.max(1, lengths[0] / 10) + " episodes" : "10% of episodes";
    }

    public int smoothing() {
        return smoothing;
    }

    public boolean overSteps() {
        return overSteps;
    }
}
