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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The numbers behind a report: trials grouped by configuration (agent / schedule) and learning
 * rate, their mean curves with confidence bands, and per-rate summaries with bootstrap intervals.
 * Diverged and failed trials are counted, never averaged in.
 */
public final class Analysis {

    /** The summaries reported per (configuration, learning rate). */
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
     * The trials of one configuration at one learning rate.
     *
     * @param configuration agent / schedule
     * @param learningRate the rate
     * @param completed trials that ran their budget, by seed
     * @param diverged how many diverged
     * @param failed how many failed
     * @param curve the mean (smoothed) return curve of the completed trials
     * @param summaries per metric: mean and IQM with bootstrap intervals, over completed trials' scores
     */
    public record Group(String configuration, String agent, String schedule, double learningRate,
            List<TrialRecord> completed, int diverged, int failed, MeanCurve curve,
            Map<Metric, Summary> summaries) {

        public int total() {
            return completed.size() + diverged + failed;
        }

        public double divergenceRate() {
            return total() == 0 ? Double.NaN : (double) diverged / total();
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
    private final int window;
    private final int smoothing;
    private final boolean overSteps;

    private Analysis(List<Group> groups, List<String> configurations, int window, int smoothing, boolean overSteps) {
        this.groups = groups;
        this.configurations = configurations;
        this.window = window;
        this.smoothing = smoothing;
        this.overSteps = overSteps;
    }

    public static Analysis of(List<TrialRecord> trials, ReportOptions options) {
        int episodes = trials.stream().mapToInt(t -> t.returns().length).max().orElse(0);
        // 0: each trial's own first and last tenth (step budgets give trials different episode counts)
        int window = options.window();
        int smoothing = options.smoothing() > 0 ? options.smoothing() : Math.max(1, episodes / 50);
        Bootstrap bootstrap = Bootstrap.of(options.resamples(), options.confidence(), options.seed());

        Map<String, Map<Double, List<TrialRecord>>> byConfig = new TreeMap<>();
        for (TrialRecord t : trials) {
            byConfig.computeIfAbsent(t.configuration(), k -> new TreeMap<>())
                    .computeIfAbsent(t.learningRate(), k -> new ArrayList<>()).add(t);
        }
        double[] stepGrid = options.overSteps() ? stepGrid(trials) : null;
        List<Group> groups = new ArrayList<>();
        for (var config : byConfig.entrySet()) {
            for (var rate : config.getValue().entrySet()) {
                List<TrialRecord> all = new ArrayList<>(rate.getValue());
                all.sort(Comparator.comparingLong(TrialRecord::seed));
                List<TrialRecord> completed = all.stream().filter(t -> t.status() == TrialStatus.completed).toList();
                int diverged = (int) all.stream().filter(t -> t.status() == TrialStatus.diverged).count();
                int failed = all.size() - completed.size() - diverged;
                TrialRecord first = all.get(0);
                groups.add(new Group(config.getKey(), first.agent(), first.schedule(), rate.getKey(), completed,
                        diverged, failed, curve(completed, smoothing, stepGrid, options.confidence()),
                        summaries(completed, window, bootstrap)));
            }
        }
        return new Analysis(groups, new ArrayList<>(byConfig.keySet()), window, smoothing, options.overSteps());
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

    /** Every learning rate in the run, ascending. */
    public List<Double> learningRates() {
        return new ArrayList<>(new TreeSet<>(groups.stream().map(Group::learningRate).toList()));
    }

    /** The rate of a configuration with the best asymptotic mean, among rates with completed trials. */
    public Group best(String configuration) {
        return groupsOf(configuration).stream()
                .filter(g -> g.summaries().containsKey(Metric.ASYMPTOTIC))
                .max(Comparator.comparingDouble(g -> g.summaries().get(Metric.ASYMPTOTIC).mean().estimate()))
                .orElse(null);
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
