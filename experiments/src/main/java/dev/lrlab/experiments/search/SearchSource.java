package dev.lrlab.experiments.search;

import dev.lrlab.experiments.run.Trial;
import dev.lrlab.experiments.run.TrialSource;
import dev.lrlab.experiments.spec.ExperimentPlan;
import dev.lrlab.experiments.spec.SearchPlan;
import dev.lrlab.experiments.spec.SearchSpec;
import dev.lrlab.reports.results.TrialRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The trials of a search. Configurations are drawn once from the search's own seed (or, for grid,
 * are every combination of the listed values); each runs on the search's seeds. Successive
 * halving then runs rung by rung: every configuration at the first rung's budget, the best 1/eta
 * (by the objective) at eta times that, and so on up to the spec's whole budget. A rung is a set of
 * trials of their own, each with the rung's budget (a promoted configuration starts again rather
 * than continuing: a trial's result depends on its spec and seed alone, never on the order in
 * which threads finish, so the same spec gives the same promotions on any thread count, and a
 * killed search resumes from the trials on disk).
 */
public final class SearchSource implements TrialSource {

    private final SearchPlan search;
    private final SearchSpec spec;
    private final List<Map<String, Object>> configurations;
    private final List<Long> budgets;
    private final Map<Integer, List<Trial>> baseTrials = new HashMap<>();

    private SearchSource(SearchPlan search, List<Map<String, Object>> configurations, List<Long> budgets) {
        this.search = search;
        this.spec = search.spec();
        this.configurations = configurations;
        this.budgets = budgets;
    }

    public static SearchSource of(ExperimentPlan plan) {
        SearchPlan search = plan.search();
        SearchSpec spec = search.spec();
        List<Map<String, Object>> configurations = spec.method().equals("grid") ? grid(spec) : draw(spec);
        long whole = plan.budget().inSteps() ? plan.budget().steps() : plan.budget().episodes();
        List<Long> budgets = new ArrayList<>();
        if (spec.rungs() != null) {
            for (long b = spec.rungs().minimum(); b < whole; b *= spec.rungs().reductionFactor()) {
                budgets.add(b);
                if (b > Long.MAX_VALUE / spec.rungs().reductionFactor()) {
                    break;
                }
            }
        }
        budgets.add(whole);
        return new SearchSource(search, configurations, budgets);
    }

    /** Independent draws, each dimension from its own uniform number, in a fixed order. */
    static List<Map<String, Object>> draw(SearchSpec spec) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {spec.seed(), 0x5EA4C4L});
        List<Map<String, Object>> out = new ArrayList<>();
        for (int c = 0; c < spec.configurations(); c++) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (SearchSpec.Dimension d : spec.space()) {
                values.put(d.path(), d.at(rng.nextDouble()));
            }
            out.add(values);
        }
        return out;
    }

    /** Every combination of the dimensions' values, the first dimension slowest. */
    static List<Map<String, Object>> grid(SearchSpec spec) {
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (SearchSpec.Dimension d : spec.space()) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> partial : out) {
                for (Object v : d.choices()) {
                    Map<String, Object> m = new LinkedHashMap<>(partial);
                    m.put(d.path(), v);
                    next.add(m);
                }
            }
            out = next;
        }
        return out;
    }

    public List<Map<String, Object>> configurations() {
        return configurations;
    }

    /** The rungs' budgets, in the budget's unit, the last being the spec's whole budget. */
    public List<Long> budgets() {
        return budgets;
    }

    /** The configurations at each rung given the finished trials (the first rung: all of them). */
    public List<List<Integer>> rungs(List<TrialRecord> finished) {
        Map<String, TrialRecord> byKey = new HashMap<>();
        finished.forEach(r -> byKey.put(r.key(), r));
        List<List<Integer>> out = new ArrayList<>();
        List<Integer> alive = new ArrayList<>();
        for (int i = 0; i < configurations.size(); i++) {
            alive.add(i);
        }
        for (int k = 0; k < budgets.size(); k++) {
            out.add(alive);
            List<Trial> trials = trials(alive, k);
            if (!trials.stream().allMatch(t -> byKey.containsKey(t.key())) || k == budgets.size() - 1) {
                break;
            }
            alive = promote(alive, k, byKey);
        }
        return out;
    }

    @Override
    public List<Trial> next(List<TrialRecord> finished) {
        Map<String, TrialRecord> byKey = new HashMap<>();
        finished.forEach(r -> byKey.put(r.key(), r));
        List<List<Integer>> rungs = rungs(finished);
        int k = rungs.size() - 1;
        List<Trial> trials = trials(rungs.get(k), k);
        return trials.stream().allMatch(t -> byKey.containsKey(t.key())) ? List.of() : trials;
    }

    /** The best 1/eta of a rung's configurations by the objective (at least one), in configuration order. */
    private List<Integer> promote(List<Integer> alive, int rung, Map<String, TrialRecord> byKey) {
        List<double[]> scored = new ArrayList<>();
        for (int i : alive) {
            scored.add(new double[] {i, objective(i, rung, byKey)});
        }
        int keep = Math.max(1, alive.size() / spec.rungs().reductionFactor());
        boolean max = spec.objective().maximise();
        // best first; ties by configuration index, so the choice never depends on anything else
        scored.sort((a, b) -> a[1] != b[1] ? (max ? Double.compare(b[1], a[1]) : Double.compare(a[1], b[1]))
                : Double.compare(a[0], b[0]));
        List<Integer> out = new ArrayList<>();
        for (int j = 0; j < keep; j++) {
            out.add((int) scored.get(j)[0]);
        }
        out.sort(null);
        return out;
    }

    /** A configuration's objective at a rung from its finished trials; the worst value when any failed. */
    public double objective(int configuration, int rung, Map<String, TrialRecord> byKey) {
        List<TrialRecord> records = new ArrayList<>();
        for (Trial t : trials(List.of(configuration), rung)) {
            TrialRecord r = byKey.get(t.key());
            if (r != null) {
                records.add(r);
            }
        }
        return Objectives.of(spec.objective(), records);
    }

    /** The trials of these configurations at a rung. */
    public List<Trial> trials(List<Integer> which, int rung) {
        List<Trial> out = new ArrayList<>();
        boolean capped = rung < budgets.size() - 1;
        for (int i : which) {
            for (Trial t : baseTrials.computeIfAbsent(i, c -> Trial.all(search.at(configurations.get(c))))) {
                out.add(capped ? t.capped(budgets.get(rung)) : t);
            }
        }
        return out;
    }

    @Override
    public int planned() {
        int n = configurations.size();
        int total = 0;
        for (int k = 0; k < budgets.size(); k++) {
            total += n * spec.seedsPerConfiguration();
            n = spec.rungs() == null ? n : Math.max(1, n / spec.rungs().reductionFactor());
        }
        return total;
    }
}
