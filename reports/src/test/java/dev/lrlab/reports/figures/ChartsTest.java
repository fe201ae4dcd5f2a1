package dev.lrlab.reports.figures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

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

    /** Seeds that differ late give a band below the mean curve: the axis keeps the band in view too. */
    @Test
    void theCurvesAxisKeepsALateBandInView() {
        List<TrialRecord> trials = new ArrayList<>();
        for (int seed = 0; seed < 5; seed++) {
            double[] returns = new double[200];
            for (int e = 0; e < returns.length; e++) {
                returns[e] = e < 5 ? -1000 : (e >= 150 ? -20 - 100 * seed : -20);
            }
            trials.add(trial(0.5, seed, returns));
        }
        Analysis a = Analysis.of(trials, new ReportOptions(1, ReportOptions.XAxis.EPISODES, 0, 200, 0.95, 0));
        double lowestMean = -220; // the mean of -20, -120, ..., -420
        double clip = Charts.lowerClip(a);
        assertTrue(clip < lowestMean - 1, "the band's lower edge, below the mean's " + lowestMean + ": " + clip);
        double lowestBand = Double.POSITIVE_INFINITY;
        for (var g : a.groups()) {
            for (int j = 10; j < g.curve().low().length; j++) {
                lowestBand = Math.min(lowestBand, g.curve().low()[j]);
            }
        }
        assertEquals(lowestBand, clip, 1e-9);
    }

    /**
     * A fraction (a name ending in _fraction) is summarised by its mean over seeds: the seeds'
     * median of a share over a few steps jumps between a handful of values. The band is the
     * 95% t-interval, never outside [0, 1].
     */
    @Test
    void aFractionIsDrawnAsTheMeanOverSeedsWithItsInterval() {
        double[][] perSeed = {{0, 0.1, 1}, {0, 0.3, 1}, {0.2, 0.2, 1}, {0, 0.6, 0.9}};
        List<TrialRecord> trials = new ArrayList<>();
        for (int seed = 0; seed < perSeed.length; seed++) {
            dev.lrlab.reports.results.MetricSeries m = new dev.lrlab.reports.results.MetricSeries(10,
                    new int[] {10, 20, 30}, new long[] {10, 20, 30}, java.util.Map.of("optimal_action_fraction",
                            perSeed[seed]));
            trials.add(new TrialRecord("k" + seed, "k-armed-bandit", "a", "constant", 0.1, seed,
                    TrialStatus.completed, null, null, new double[30], new int[30], 30, 0, null, null, null, null, m,
                    null, null));
        }
        assertTrue(Charts.isFraction("optimal_action_fraction"));
        assertFalse(Charts.isFraction("abs_td_error"));
        double[][] band = Charts.meanBand(trials, "optimal_action_fraction", false);
        assertArrayEquals(new double[] {10, 20, 30}, band[0]);
        assertArrayEquals(new double[] {0.05, 0.3, 0.975}, band[1], 1e-12);
        // point 2: sd of (0.1, 0.3, 0.2, 0.6) is 0.2160, t(3) 97.5% = 3.1824: half width 0.3437
        assertEquals(0.3 + 3.182446305284263 * Math.sqrt(0.14 / 3 / 4), band[3][1], 1e-9);
        assertEquals(0, band[2][1], "0.3 - 0.3437 is cut at 0");
        assertEquals(1, band[3][2], "cut at 1");
    }

    /** Figures whose points and curves rest on one seed each say so, and promise no bars or bands. */
    @Test
    void figuresSayWhenTheirPointsAndCurvesHaveNoInterval() {
        for (int seeds : new int[] {1, 2}) {
            List<TrialRecord> trials = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                for (int seed = 0; seed < seeds; seed++) {
                    double[] returns = new double[200];
                    java.util.Arrays.fill(returns, -20 - r - seed);
                    trials.add(trial(0.1 * (r + 1), seed, returns));
                }
            }
            Analysis a = Analysis.of(trials, new ReportOptions(1, ReportOptions.XAxis.EPISODES, 0, 200, 0.95, 0));
            String caption = Charts.sensitivity(a, null).caption();
            assertEquals(seeds > 1, caption.contains("95% bootstrap intervals"), caption);
            assertEquals(seeds == 1, caption.contains("one seed per point (no intervals)"), caption);
            String curves = Charts.returnCurves(a).caption();
            assertEquals(seeds > 1, curves.contains("95% bands"), curves);
            assertEquals(seeds == 1, curves.contains("one seed per curve (no bands)"), curves);
        }
    }
}
