package dev.lrlab.experiments.spec;

import dev.lrlab.env.registry.Parameters;
import dev.lrlab.env.registry.Parameters.Range;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A spec's {@code search:} block: which settings to search over and how, instead of a grid.
 *
 * @param method how configurations are chosen: {@code grid} (every combination of the listed
 *     categorical values), {@code random} (independent draws), {@code successive-halving} (random
 *     draws, then the best 1/eta of each rung go on to eta times the budget), {@code hyperband}
 *     (several brackets of successive halving), {@code asha} (promotions as results come, in
 *     configuration order), {@code tpe} (10 random, then rounds of proposals by a tree-structured
 *     Parzen estimator)
 * @param configurations how many configurations are drawn (random and successive halving)
 * @param seedsPerConfiguration the seeds each configuration runs on (0, 1, ...)
 * @param seed the seed of the search's own draws
 * @param space each searched path with its distribution, in the order given
 * @param objective what a configuration is judged by
 * @param rungs the budgets of successive halving, or null
 * @param medianAfter with the median-stopping rule (Golovin et al. 2017), the episodes after which a
 *     trial whose running mean return falls below the median of earlier configurations' at the
 *     same episode is stopped; 0 without the rule
 */
public record SearchSpec(String method, int configurations, int seedsPerConfiguration, long seed,
        List<Dimension> space, Objective objective, Rungs rungs, int medianAfter) {

    public static final List<String> METHODS = List.of("grid", "random", "successive-halving", "hyperband", "asha",
            "tpe");
    private static final List<String> PLANNED = List.of();

    /**
     * One searched path.
     *
     * @param path the setting's path, as a sweep names it ({@code learning-rate.value} for the rate)
     * @param writtenAs the key the spec used
     * @param kind uniform, log-uniform, integer or categorical
     * @param low the lower end (numeric kinds)
     * @param high the upper end (numeric kinds)
     * @param choices the values (categorical)
     */
    public record Dimension(String path, String writtenAs, String kind, double low, double high, List<Object> choices) {

        /** A value drawn from u in [0, 1). */
        public Object at(double u) {
            return switch (kind) {
                case "uniform" -> low + u * (high - low);
                case "log-uniform" -> Math.exp(Math.log(low) + u * (Math.log(high) - Math.log(low)));
                case "integer" -> (long) Math.min(high, Math.floor(low + u * (high - low + 1)));
                default -> choices.get((int) Math.min(choices.size() - 1, Math.floor(u * choices.size())));
            };
        }

        /** The values a spec is checked at: both ends, or every choice. */
        List<Object> corners() {
            return switch (kind) {
                case "integer" -> low == high ? List.of((long) low) : List.of((long) low, (long) high);
                case "uniform", "log-uniform" -> low == high ? List.of(low) : List.of(low, high);
                default -> choices;
            };
        }
    }

    /**
     * What a configuration is judged by.
     *
     * @param metric {@code return} (training returns) or {@code evaluation_return} (greedy evaluations)
     * @param windowFraction the last fraction of a trial's episodes (or evaluations) that count, or NaN
     * @param windowEpisodes the last this many count, or 0
     * @param aggregate mean or iqm of the seeds' values
     * @param mode max or min
     */
    public record Objective(String metric, double windowFraction, int windowEpisodes, String aggregate, String mode) {
        public boolean maximise() {
            return mode.equals("max");
        }
    }

    /**
     * Successive halving's rungs.
     *
     * @param clock episodes or steps
     * @param minimum the first rung's budget
     * @param reductionFactor eta: each rung keeps the best 1/eta and gives them eta times the budget
     */
    public record Rungs(String clock, long minimum, int reductionFactor) {
    }

    /** Reads the block; problems are recorded with their paths, and the result is then null. */
    static SearchSpec read(Parameters s, Map<String, Object> budget) {
        String method = s.choice("method", "random", concat(METHODS, PLANNED));
        if (PLANNED.contains(method)) {
            s.problem("method", method + " is not available yet; give one of " + String.join(", ", METHODS));
        }
        long configurations = s.integer("configurations", 20, 1);
        if (configurations > 100_000) {
            s.problem("configurations", "must be at most 100000, was " + configurations);
        }
        long seeds = s.integer("seeds-per-configuration", 1, 1);
        if (seeds > 10_000) {
            s.problem("seeds-per-configuration", "must be at most 10000, was " + seeds);
        }
        long seed = s.integer("seed", 0, 0);
        List<Dimension> space = space(s);
        Objective objective = objective(s);
        boolean rungBased = List.of("successive-halving", "hyperband", "asha").contains(method);
        Rungs rungs = rungBased ? rungs(s, budget) : null;
        if (!rungBased && s.has("rungs")) {
            s.raw("rungs"); // kept for a method set from the command line; only rung-based methods use it
        }
        if (method.equals("grid")) {
            for (Dimension d : space) {
                if (!d.kind().equals("categorical")) {
                    s.problem("space." + d.writtenAs(), "grid search takes categorical values only ({ categorical: "
                            + "[...] }); for ranges use random or successive-halving");
                }
            }
        }
        int medianAfter = 0;
        Parameters median = s.child("median-stopping", false);
        if (median != null) {
            long after = median.requiredInteger("after", 1);
            median.reportUnknownKeys();
            medianAfter = (int) Math.min(after, Integer.MAX_VALUE);
            if (rungBased) {
                s.problem("median-stopping", "is for grid, random and tpe; " + method + " stops by its rungs");
            }
            if (budget != null && budget.containsKey("steps")) {
                s.problem("median-stopping", "compares returns episode by episode: give the budget in episodes");
            }
        }
        s.reportUnknownKeys();
        return new SearchSpec(method, (int) Math.min(configurations, Integer.MAX_VALUE),
                (int) Math.min(seeds, Integer.MAX_VALUE), seed, space, objective, rungs, medianAfter);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static List<Dimension> space(Parameters s) {
        Parameters space = s.child("space", true);
        List<Dimension> out = new ArrayList<>();
        if (space == null) {
            return out;
        }
        for (String key : new ArrayList<>(space.asMap().keySet())) {
            String path = key.equals("learning-rate") || key.equals("learning-rates") ? Sweep.LEARNING_RATE : key;
            Parameters d = space.child(key, true);
            if (d == null) {
                continue;
            }
            List<String> kinds = List.of("uniform", "log-uniform", "integer", "categorical");
            List<String> given = kinds.stream().filter(d::has).toList();
            if (given.size() != 1) {
                d.problem(given.isEmpty() ? "uniform" : given.get(1), "give exactly one of uniform: [low, high], "
                        + "log-uniform: [low, high], integer: [low, high] or categorical: [values]");
                continue;
            }
            String kind = given.get(0);
            if (kind.equals("categorical")) {
                Object raw = d.raw(kind);
                if (!(raw instanceof List<?> list) || list.isEmpty()) {
                    d.problem(kind, "must be a non-empty list of values");
                    continue;
                }
                out.add(new Dimension(path, key, kind, Double.NaN, Double.NaN, new ArrayList<>(list)));
            } else {
                double[] ends = d.numbers(kind, kind.equals("log-uniform") ? Range.POSITIVE : Range.ANY, true);
                if (ends.length != 2 || !(ends[0] <= ends[1])) {
                    d.problem(kind, "must be [low, high] with low <= high");
                    continue;
                }
                if (kind.equals("integer") && (ends[0] != Math.rint(ends[0]) || ends[1] != Math.rint(ends[1]))) {
                    d.problem(kind, "must be two whole numbers");
                    continue;
                }
                out.add(new Dimension(path, key, kind, ends[0], ends[1], List.of()));
            }
            d.reportUnknownKeys();
        }
        if (out.isEmpty() && s.has("space")) {
            s.problem("space", "names no setting to search over");
        }
        return out;
    }

    private static Objective objective(Parameters s) {
        Parameters o = s.child("objective", false);
        if (o == null) {
            return new Objective("return", 0.1, 0, "mean", "max");
        }
        String metric = o.choice("metric", "return", List.of("return", "evaluation_return"));
        String window = o.text("window", "last-10%");
        double fraction = Double.NaN;
        int episodes = 0;
        java.util.regex.Matcher percent = java.util.regex.Pattern.compile("last-(\\d{1,3})%").matcher(window);
        java.util.regex.Matcher count = java.util.regex.Pattern.compile("last-(\\d{1,9})").matcher(window);
        if (window.equals("all")) {
            fraction = 1;
        } else if (percent.matches() && Integer.parseInt(percent.group(1)) >= 1
                && Integer.parseInt(percent.group(1)) <= 100) {
            fraction = Integer.parseInt(percent.group(1)) / 100.0;
        } else if (count.matches() && Integer.parseInt(count.group(1)) >= 1) {
            episodes = Integer.parseInt(count.group(1));
        } else {
            o.problem("window", "must be all, last-P% (1..100) or last-N, was '" + window + "'");
        }
        String aggregate = o.choice("aggregate", "mean", List.of("mean", "iqm"));
        String mode = o.choice("mode", metric.equals("return") || metric.equals("evaluation_return") ? "max" : "min",
                List.of("max", "min"));
        o.reportUnknownKeys();
        return new Objective(metric, fraction, episodes, aggregate, mode);
    }

    private static Rungs rungs(Parameters s, Map<String, Object> budget) {
        Parameters r = s.child("rungs", true);
        if (r == null) {
            return null;
        }
        boolean inSteps = budget != null && budget.containsKey("steps");
        String clock = r.choice("clock", inSteps ? "steps" : "episodes", List.of("episodes", "steps"));
        long minimum = r.requiredInteger("minimum", 1);
        long eta = r.integer("reduction-factor", 3, 2);
        if (eta > 100) {
            r.problem("reduction-factor", "must be at most 100, was " + eta);
        }
        if (clock.equals("steps") != inSteps) {
            r.problem("clock", "must be the budget's: " + (inSteps ? "steps" : "episodes"));
        }
        r.reportUnknownKeys();
        return new Rungs(clock, minimum, (int) Math.min(eta, 100));
    }

    /** The spec's sweep block that checks every setting the search can take: both ends of each range, every choice. */
    Map<String, Object> validationSweep() {
        Map<String, Object> sweep = new LinkedHashMap<>();
        for (Dimension d : space) {
            sweep.put(d.path(), d.corners());
        }
        List<Long> seeds = new ArrayList<>();
        for (long i = 0; i < seedsPerConfiguration; i++) {
            seeds.add(i);
        }
        sweep.put("seeds", seeds);
        return sweep;
    }

    /** The block as the manifest records it, so that a changed search is a different run. */
    Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", method);
        m.put("configurations", configurations);
        m.put("seeds-per-configuration", seedsPerConfiguration);
        m.put("seed", seed);
        Map<String, Object> s = new LinkedHashMap<>();
        for (Dimension d : space) {
            s.put(d.path(), d.kind().equals("categorical") ? Map.of(d.kind(), d.choices())
                    : Map.of(d.kind(), List.of(d.low(), d.high())));
        }
        m.put("space", s);
        m.put("objective", Map.of("metric", objective.metric(), "window", Double.isNaN(objective.windowFraction())
                ? "last-" + objective.windowEpisodes() : objective.windowFraction() == 1 ? "all"
                : "last-" + Math.round(100 * objective.windowFraction()) + "%", "aggregate", objective.aggregate(),
                "mode", objective.mode()));
        if (medianAfter > 0) {
            m.put("median-stopping", Map.of("after", medianAfter));
        }
        if (rungs != null) {
            m.put("rungs", Map.of("clock", rungs.clock(), "minimum", rungs.minimum(), "reduction-factor",
                    rungs.reductionFactor()));
        }
        return m;
    }
}
