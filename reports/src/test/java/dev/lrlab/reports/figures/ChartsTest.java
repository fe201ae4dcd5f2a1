package dev.lrlab.reports.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lrlab.reports.Analysis;
import dev.lrlab.reports.ReportOptions;
import dev.lrlab.reports.results.TrialRecord;
import dev.lrlab.reports.results.TrialStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartsTest {

    private static TrialRecord trial(double rate, long seed, double[] returns) {
        int[] lengths = new int[returns.length];
        java.util.Arrays.fill(lengths, 10);
        return new TrialRecord("k" + rate + "-" + seed, "open-room", "a", "constant", rate, seed, TrialStatus.completed,
                null, null, returns, lengths, 10L * returns.length, 0, null, null, null, null, null, null, null);
    }

    /**
     * Every curve starts at -1000 and one falls to -300 late: the axis may cut the shared first
     * episodes, never the late fall (the 5th percentile of all curves together cut it).
     */
    @Test
    void theCurvesAxisKeepsALateFallOfAnyOneCurveInView() {
        List<TrialRecord> trials = new ArrayList<>();
        for (int seed = 0; seed < 3; seed++) {
            for (int r = 0; r < 10; r++) {
                double[] returns = new double[200];
                for (int e = 0; e < returns.length; e++) {
                    returns[e] = e < 5 ? -1000 : (r == 9 && e >= 190 ? -300 : -20);
                }
                trials.add(trial(0.1 * (r + 1), seed, returns));
            }
        }
        Analysis a = Analysis.of(trials, new ReportOptions(1, ReportOptions.XAxis.EPISODES, 0, 200, 0.95, 0));
        assertEquals(-300, Charts.lowerClip(a), 1e-9);
    }
}
