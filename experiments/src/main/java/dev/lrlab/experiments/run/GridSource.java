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

    /**
     * Shard {@code index} of {@code count}: every count-th trial of the plan's fixed order,
     * starting at index, so that the shards are disjoint, cover the sweep, and are balanced across
     * agents, schedules and points.
     */
    public static GridSource shard(ExperimentPlan plan, int index, int count) {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + ": give I/N with 0 <= I < N");
        }
        List<Trial> all = Trial.all(plan);
        List<Trial> mine = new java.util.ArrayList<>();
        for (int i = index; i < all.size(); i += count) {
            mine.add(all.get(i));
        }
        return new GridSource(mine);
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
    public boolean needsRecords() {
        return false;
    }

    @Override
    public int planned() {
        return trials.size();
    }
}
