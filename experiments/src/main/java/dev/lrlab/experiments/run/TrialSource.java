package dev.lrlab.experiments.run;

import dev.lrlab.reports.results.TrialRecord;
import java.util.List;

/**
 * Where a sweep's trials come from: the grid of the spec today; random search and successive
 * halving answer the same question, "which trials next, given those finished?".
 */
public interface TrialSource {

    /**
     * The trials to run next, given every trial finished so far (from this run and earlier ones, in
     * no particular order); empty when the sweep is done. The runner skips trials already finished.
     */
    List<Trial> next(List<TrialRecord> finished);

    /**
     * Whether {@link #next} looks at the finished trials' records; a source that does not (a grid)
     * spares the runner holding every record of a large sweep in memory.
     */
    default boolean needsRecords() {
        return true;
    }

    /** How many trials the sweep plans in all, for progress and the manifest. */
    int planned();

    /**
     * Whether a trial of this key belongs to this sweep; a run directory holding trials that do
     * not is refused rather than merged. Sources that cannot tell in advance say yes.
     */
    default boolean owns(String key) {
        return true;
    }

    /**
     * Listeners the source gives its trials (a search's early-stopping rule), made for each trial
     * as it starts; what they know is fixed when {@link #next} returns the trial's batch, so a
     * trial's fate never depends on which thread runs it or when.
     */
    default List<dev.lrlab.experiments.listen.TrialListener.Factory> listeners() {
        return List.of();
    }
}
