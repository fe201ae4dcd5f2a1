package dev.lrlab.experiments.run;

import dev.lrlab.experiments.spec.ExperimentPlan;
import dev.lrlab.reports.results.TrialRecord;
import java.util.List;

/** Every point of the spec's grid with every seed, all at once. */
public final class GridSource implements TrialSource {

    private final List<Trial> trials;
    private final java.util.Set<String> keys;
    private boolean given;

    private GridSource(List<Trial> trials) {
        this.trials = trials;
        this.keys = new java.util.HashSet<>(trials.stream().map(Trial::key).toList());
    }

    @Override
    public boolean owns(String key) {
        return keys.contains(key);
    }

    public static GridSource of(ExperimentPlan plan) {
        return new GridSource(Trial.all(plan));
    }

    @Override
    public List<Trial> next(List<TrialRecord> finished) {
        if (given) {
            return List.of();
        }
        given = true;
        return trials;
    }

    @Override
    public int planned() {
        return trials.size();
    }
}
