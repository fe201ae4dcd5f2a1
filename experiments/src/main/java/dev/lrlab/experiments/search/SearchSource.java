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

    /**
     * Configurations that go through the same rungs: successive halving and ASHA have one bracket,
     * Hyperband several (Li et al. 2018), each trading how many configurations it starts against
     * how much budget each gets first.
     *
     * @param configurations the configurations' indices
     * @param budgets the rungs' budgets, the last being the spec's whole budget
     */
    public record Bracket(List<Integer> configurations, List<Long> budgets) {
    }

    private final SearchPlan search;
    private final SearchSpec spec;
    private final List<Map<String, Object>> configurations;
    private final List<Bracket> brackets;
    private final long whole;
    private final Map<Integer, List<Trial>> baseTrials = new HashMap<>();

    private SearchSource(SearchPlan search, List<Map<String, Object>> configurations, List<Bracket> brackets,
            long whole) {
        this.search = search;
        this.spec = search.spec();
        this.configurations = configurations;
        this.brackets = brackets;
        this.whole = whole;
    }

    public static SearchSource of(ExperimentPlan plan) {
        SearchPlan search = plan.search();
        SearchSpec spec = search.spec();
        long whole = plan.budget().inSteps() ? plan.budget().steps() : plan.budget().episodes();
        if (spec.method().equals("hyperband")) {
            return hyperband(search, whole);
        }
        List<Map<String, Object>> configurations = spec.method().equals("grid") ? grid(spec)
                : spec.method().equals("tpe") ? new ArrayList<>(draw(spec, Math.min(Tpe.STARTUP, spec.configurations())))
                : draw(spec, spec.configurations());
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
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < configurations.size(); i++) {
            all.add(i);
        }
        return new SearchSource(search, configurations, List.of(new Bracket(all, budgets)), whole);
    }

    /** TPE proposes this many configurations a round: fixed, so that the rounds never depend on the threads. */
    static final int TPE_ROUND = 4;

    /**
     * TPE's rounds: after its random start, while every configuration so far has finished, the next
     * round's proposals are made from their objectives, each from a generator of its own round.
     * Recomputed from the finished trials each time, so a resumed search proposes the same.
     */
    private void proposeFrom(Map<String, TrialRecord> byKey) {
        if (!spec.method().equals("tpe")) {
            return;
        }
        List<Integer> members = brackets.get(0).configurations();
        while (configurations.size() < spec.configurations()
                && trials(members, whole).stream().allMatch(t -> byKey.containsKey(t.key()))) {
            double[] objectives = new double[configurations.size()];
            for (int i = 0; i < objectives.length; i++) {
                double v = objective(i, whole, byKey);
                // a configuration that diverged is the worst there is, and still tells TPE where not to look
                objectives[i] = Double.isFinite(v) ? v : spec.objective().maximise() ? -1e300 : 1e300;
            }
            int round = (configurations.size() - Tpe.STARTUP) / TPE_ROUND + 1;
            int count = Math.min(TPE_ROUND, spec.configurations() - configurations.size());
            for (int j = 0; j < count; j++) {
                UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(
                        new long[] {spec.seed(), 0x79E0L + round, j});
                configurations.add(Tpe.propose(spec, configurations.subList(0, objectives.length), objectives, rng));
                members.add(configurations.size() - 1);
            }
        }
    }

    /**
     * Hyperband: with R the whole budget, r the rungs' minimum and eta their factor, s_max =
     * floor(log_eta(R / r)); bracket s (s_max down to 0) starts ceil((s_max + 1) / (s + 1) eta^s)
     * configurations at R / eta^s and halves them by eta up to R.
     */
    private static SearchSource hyperband(SearchPlan search, long whole) {
        SearchSpec spec = search.spec();
        int eta = spec.rungs().reductionFactor();
        int sMax = 0;
        while (spec.rungs().minimum() * Math.pow(eta, sMax + 1) <= whole) {
            sMax++;
        }
        List<int[]> sizes = new ArrayList<>();
        int total = 0;
        for (int s = sMax; s >= 0; s--) {
            int n = (int) Math.ceil((sMax + 1.0) / (s + 1) * Math.pow(eta, s));
            sizes.add(new int[] {s, n});
            total += n;
        }
        List<Map<String, Object>> configurations = draw(spec, total);
        List<Bracket> brackets = new ArrayList<>();
        int next = 0;
        for (int[] sn : sizes) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < sn[1]; i++) {
                members.add(next++);
            }
            List<Long> budgets = new ArrayList<>();
            for (int i = 0; i <= sn[0]; i++) {
                budgets.add(Math.max(1, Math.round(whole / Math.pow(eta, sn[0] - i))));
            }
            brackets.add(new Bracket(members, budgets));
        }
        return new SearchSource(search, configurations, brackets, whole);
    }

    /** Independent draws, each dimension from its own uniform number, in a fixed order. */
    static List<Map<String, Object>> draw(SearchSpec spec, int count) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {spec.seed(), 0x5EA4C4L});
        List<Map<String, Object>> out = new ArrayList<>();
        for (int c = 0; c < count; c++) {
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

    public List<Bracket> brackets() {
        return brackets;
    }

    /** The budgets of the (first) bracket's rungs, the last being the spec's whole budget. */
    public List<Long> budgets() {
        return brackets.get(0).budgets();
    }

    /** Each bracket's configurations at each rung reached, given the finished trials. */
    public List<List<List<Integer>>> rungs(List<TrialRecord> finished) {
        Map<String, TrialRecord> byKey = new HashMap<>();
        finished.forEach(r -> byKey.put(r.key(), r));
        proposeFrom(byKey);
        List<List<List<Integer>>> out = new ArrayList<>();
        for (Bracket b : brackets) {
            List<List<Integer>> rungs = new ArrayList<>();
            List<Integer> alive = b.configurations();
            for (int k = 0; k < b.budgets().size(); k++) {
                rungs.add(alive);
                long budget = b.budgets().get(k);
                if (!trials(alive, budget).stream().allMatch(t -> byKey.containsKey(t.key()))
                        || k == b.budgets().size() - 1) {
                    break;
                }
                alive = spec.method().equals("asha") ? promoteInOrder(alive, budget, byKey)
                        : promote(alive, budget, byKey);
            }
            out.add(rungs);
        }
        return out;
    }

    @Override
    public List<Trial> next(List<TrialRecord> finished) {
        java.util.Set<String> done = new java.util.HashSet<>();
        finished.forEach(r -> done.add(r.key()));
        List<List<List<Integer>>> rungs = rungs(finished);
        List<Trial> out = new ArrayList<>();
        for (int b = 0; b < brackets.size(); b++) {
            List<List<Integer>> bracket = rungs.get(b);
            int k = bracket.size() - 1;
            List<Integer> members = bracket.get(k);
            if (spec.medianAfter() > 0) {
                members = currentRound(members, done);
                medians(members, finished);
            }
            for (Trial t : trials(members, brackets.get(b).budgets().get(k))) {
                if (!done.contains(t.key())) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    /** With the median rule, configurations go in rounds of this many, each judged against the rounds before. */
    static final int MEDIAN_ROUND = 4;

    /** What the median rule compares each trial with, by trial key: the median running mean at each episode. */
    private final Map<String, double[]> medianByTrial = new java.util.concurrent.ConcurrentHashMap<>();

    /** The first round (in configuration order) with a trial not yet finished; TPE's rounds are its own. */
    private List<Integer> currentRound(List<Integer> members, java.util.Set<String> done) {
        if (spec.method().equals("tpe")) {
            List<Integer> open = new ArrayList<>();
            for (int i : members) {
                if (!trials(List.of(i), whole).stream().allMatch(t -> done.contains(t.key()))) {
                    open.add(i);
                }
            }
            return open;
        }
        for (int from = 0; from < members.size(); from += MEDIAN_ROUND) {
            List<Integer> round = members.subList(from, Math.min(members.size(), from + MEDIAN_ROUND));
            if (!trials(round, whole).stream().allMatch(t -> done.contains(t.key()))) {
                return round;
            }
        }
        return List.of();
    }

    /**
     * The median rule's reference for these configurations' trials: at each episode, the median over
     * the completed trials of every earlier configuration of their running mean return (none for
     * the first round, which runs whole).
     */
    private void medians(List<Integer> round, List<TrialRecord> finished) {
        if (round.isEmpty()) {
            return;
        }
        int first = round.get(0);
        java.util.Set<String> earlier = new java.util.HashSet<>();
        for (int i = 0; i < first; i++) {
            trials(List.of(i), whole).forEach(t -> earlier.add(t.key()));
        }
        List<double[]> means = new ArrayList<>();
        for (TrialRecord r : finished) {
            if (earlier.contains(r.key()) && r.status() == dev.lrlab.reports.results.TrialStatus.completed) {
                double[] m = new double[r.returns().length];
                double sum = 0;
                for (int e = 0; e < m.length; e++) {
                    sum += r.returns()[e];
                    m[e] = sum / (e + 1);
                }
                means.add(m);
            }
        }
        if (means.isEmpty()) {
            return;
        }
        int length = means.stream().mapToInt(m -> m.length).max().orElse(0);
        double[] median = new double[length];
        for (int e = 0; e < length; e++) {
            int at = e;
            double[] values = means.stream().filter(m -> m.length > at).mapToDouble(m -> m[at]).sorted().toArray();
            median[e] = values.length % 2 == 1 ? values[values.length / 2]
                    : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
        }
        for (Trial t : trials(round, whole)) {
            medianByTrial.put(t.key(), median);
        }
    }

    @Override
    public List<dev.lrlab.experiments.listen.TrialListener.Factory> listeners() {
        if (spec.medianAfter() <= 0) {
            return List.of();
        }
        return List.of(trial -> {
            double[] median = medianByTrial.get(trial.key());
            return median == null ? (boundary, progress) -> dev.lrlab.experiments.listen.Decision.CONTINUE
                    : new MedianStopping(median, spec.medianAfter(), spec.objective().maximise());
        });
    }

    /** The best 1/eta of a rung's configurations by the objective (at least one), in configuration order. */
    private List<Integer> promote(List<Integer> alive, long budget, Map<String, TrialRecord> byKey) {
        List<double[]> scored = new ArrayList<>();
        for (int i : alive) {
            scored.add(new double[] {i, objective(i, budget, byKey)});
        }
        int keep = Math.max(1, alive.size() / spec.rungs().reductionFactor());
        scored.sort(this::better);
        List<Integer> out = new ArrayList<>();
        for (int j = 0; j < keep; j++) {
            out.add((int) scored.get(j)[0]);
        }
        out.sort(null);
        return out;
    }

    /**
     * ASHA's rule (Li et al. 2020), with the rung's results taken in configuration order instead of
     * the order threads finish them: a configuration goes on when it is among the best 1/eta of
     * the results so far, itself included. Early ones thus go on more easily, as in ASHA, and the
     * promotions are the same on any thread count.
     */
    private List<Integer> promoteInOrder(List<Integer> alive, long budget, Map<String, TrialRecord> byKey) {
        List<double[]> seen = new ArrayList<>();
        List<Integer> out = new ArrayList<>();
        for (int i : alive) {
            double[] mine = {i, objective(i, budget, byKey)};
            seen.add(mine);
            List<double[]> ranked = new ArrayList<>(seen);
            ranked.sort(this::better);
            int top = seen.size() / spec.rungs().reductionFactor();
            if (ranked.indexOf(mine) < top) {
                out.add(i);
            }
        }
        if (out.isEmpty()) {
            out.add((int) alive.stream().map(i -> new double[] {i, objective(i, budget, byKey)}).sorted(this::better)
                    .findFirst().orElseThrow()[0]);
        }
        return out;
    }

    /** Best first; ties by configuration index, so that a choice never depends on anything else. */
    private int better(double[] a, double[] b) {
        if (a[1] != b[1]) {
            return spec.objective().maximise() ? Double.compare(b[1], a[1]) : Double.compare(a[1], b[1]);
        }
        return Double.compare(a[0], b[0]);
    }

    /** A configuration's objective at a budget from its finished trials; the worst value when any failed. */
    public double objective(int configuration, long budget, Map<String, TrialRecord> byKey) {
        List<TrialRecord> records = new ArrayList<>();
        for (Trial t : trials(List.of(configuration), budget)) {
            TrialRecord r = byKey.get(t.key());
            if (r != null) {
                records.add(r);
            }
        }
        return Objectives.of(spec.objective(), records);
    }

    /** The trials of these configurations at a budget (capped below the whole budget). */
    public List<Trial> trials(List<Integer> which, long budget) {
        List<Trial> out = new ArrayList<>();
        for (int i : which) {
            for (Trial t : baseTrials.computeIfAbsent(i, c -> Trial.all(search.at(configurations.get(c))))) {
                out.add(budget < whole ? t.capped(budget) : t);
            }
        }
        return out;
    }

    /**
     * The most trials the search can run: successive halving's and Hyperband's are fixed; ASHA's
     * depend on the results, and this is their bound (every configuration through every rung).
     */
    @Override
    public int planned() {
        if (spec.method().equals("tpe")) {
            return spec.configurations() * spec.seedsPerConfiguration();
        }
        int total = 0;
        for (Bracket b : brackets) {
            int n = b.configurations().size();
            for (int k = 0; k < b.budgets().size(); k++) {
                total += n * spec.seedsPerConfiguration();
                if (spec.rungs() != null && !spec.method().equals("asha")) {
                    n = Math.max(1, n / spec.rungs().reductionFactor());
                }
            }
        }
        return total;
    }
}
