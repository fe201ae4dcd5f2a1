package dev.lrlab.experiments.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.google.gson.GsonBuilder;
import dev.lrlab.experiments.spec.ExperimentPlan;
import dev.lrlab.reports.results.TrialRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a search found: every configuration with its objective at each rung it reached
 * ({@code search.json}), and the best one as a ready-to-run spec ({@code best.yaml}).
 *
 * @param best the best configuration's values, or null when none finished
 * @param objective its objective
 * @param configurations how many were tried
 */
public record SearchResults(Map<String, Object> best, double objective, int configurations) {

    public static SearchResults write(Path dir, ExperimentPlan plan, SearchSource source, List<TrialRecord> finished)
            throws IOException {
        Map<String, TrialRecord> byKey = new HashMap<>();
        finished.forEach(r -> byKey.put(r.key(), r));
        List<List<List<Integer>>> rungs = source.rungs(finished);
        boolean complete = true;
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < source.configurations().size(); i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("configuration", i);
            row.put("values", source.configurations().get(i));
            rows.add(row);
        }
        int best = -1;
        double bestValue = Double.NaN;
        boolean max = plan.search().spec().objective().maximise();
        for (int b = 0; b < source.brackets().size(); b++) {
            SearchSource.Bracket bracket = source.brackets().get(b);
            List<List<Integer>> reached = rungs.get(b);
            int last = reached.size() - 1;
            complete &= last == bracket.budgets().size() - 1 && source.trials(reached.get(last),
                    bracket.budgets().get(last)).stream().allMatch(t -> byKey.containsKey(t.key()));
            for (int k = 0; k < reached.size(); k++) {
                for (int i : reached.get(k)) {
                    double v = source.objective(i, bracket.budgets().get(k), byKey);
                    @SuppressWarnings("unchecked")
                    List<Object> objectives = (List<Object>) rows.get(i).computeIfAbsent("objective_by_rung",
                            x -> new ArrayList<>());
                    objectives.add(Double.isFinite(v) ? v : null);
                    @SuppressWarnings("unchecked")
                    List<Object> budgets = (List<Object>) rows.get(i).computeIfAbsent("budget_by_rung",
                            x -> new ArrayList<>());
                    budgets.add(bracket.budgets().get(k));
                    long steps = source.trials(List.of(i), bracket.budgets().get(k)).stream()
                            .map(t -> byKey.get(t.key())).filter(java.util.Objects::nonNull)
                            .mapToLong(TrialRecord::steps).sum();
                    @SuppressWarnings("unchecked")
                    List<Object> used = (List<Object>) rows.get(i).computeIfAbsent("steps_by_rung",
                            x -> new ArrayList<>());
                    used.add(steps);
                    rows.get(i).put("bracket", b);
                    // the best is judged on the whole budget, which only a bracket's last rung has
                    if (bracket.budgets().get(k) == bracket.budgets().get(bracket.budgets().size() - 1)
                            && Double.isFinite(v) && (best < 0 || (max ? v > bestValue : v < bestValue))) {
                        best = i;
                        bestValue = v;
                    }
                }
            }
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("method", plan.search().spec().method());
        json.put("mode", plan.search().spec().objective().mode());
        json.put("whole_budget", source.budgets().get(source.budgets().size() - 1));
        json.put("space", plan.search().spec().space().stream().map(d -> Map.of("path", d.path(), "kind", d.kind()))
                .toList());
        json.put("objective", plan.search().spec().objective().metric() + ", " + plan.search().spec().objective()
                .aggregate() + " over seeds");
        json.put("brackets", source.brackets().stream().map(SearchSource.Bracket::budgets).toList());
        json.put("complete", complete);
        json.put("best", best < 0 ? null : Map.of("configuration", best, "values", source.configurations().get(best),
                "objective", bestValue));
        json.put("configurations", rows);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("search.json"), new GsonBuilder().setPrettyPrinting().serializeNulls().create()
                .toJson(json), StandardCharsets.UTF_8);
        if (best >= 0) {
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
            String text = "# The best configuration of the search in " + dir + " (" + plan.search().spec().method()
                    + ", objective " + bestValue + "), as a spec of its own: `lrlab run best.yaml`\n"
                    + yaml.writeValueAsString(plan.search().specOf(source.configurations().get(best)));
            Files.writeString(dir.resolve("best.yaml"), text, StandardCharsets.UTF_8);
        }
        return new SearchResults(best < 0 ? null : source.configurations().get(best), bestValue, rows.size());
    }
}
