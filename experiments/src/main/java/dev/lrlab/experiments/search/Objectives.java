package dev.lrlab.experiments.search;

import dev.lrlab.experiments.spec.SearchSpec;
import dev.lrlab.reports.results.TrialRecord;
import dev.lrlab.reports.results.TrialStatus;
import java.util.Arrays;
import java.util.List;

/** A configuration's objective from its trials: each trial's window mean, then their mean or IQM. */
final class Objectives {

    private Objectives() {
    }

    static double of(SearchSpec.Objective objective, List<TrialRecord> records) {
        double worst = objective.maximise() ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        if (records.isEmpty()) {
            return worst;
        }
        double[] values = new double[records.size()];
        for (int i = 0; i < values.length; i++) {
            TrialRecord r = records.get(i);
            boolean rung = r.status() == TrialStatus.stopped && r.reason() != null
                    && r.reason().startsWith(dev.lrlab.experiments.run.TrialRunner.RUNG_STOP);
            if (r.status() != TrialStatus.completed && !rung) {
                return worst; // a configuration that diverges on a seed is not one to pick
            }
            double[] series = objective.metric().equals("evaluation_return")
                    ? (r.evaluations() == null ? new double[0]
                            : Arrays.stream(r.evaluations()).mapToDouble(e -> e.meanReturn()).toArray())
                    : r.returns();
            if (series.length == 0) {
                return worst;
            }
            int n = objective.windowEpisodes() > 0 ? Math.min(objective.windowEpisodes(), series.length)
                    : Math.max(1, (int) Math.round(objective.windowFraction() * series.length));
            values[i] = Arrays.stream(series, series.length - n, series.length).average().orElse(worst);
        }
        if (objective.aggregate().equals("iqm") && values.length >= 4) {
            Arrays.sort(values);
            int cut = values.length / 4;
            return Arrays.stream(values, cut, values.length - cut).average().orElse(worst);
        }
        return Arrays.stream(values).average().orElse(worst);
    }
}
