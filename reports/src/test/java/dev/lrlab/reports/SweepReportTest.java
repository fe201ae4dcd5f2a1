package dev.lrlab.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lrlab.reports.Analysis.Group;
import dev.lrlab.reports.Analysis.Metric;
import dev.lrlab.reports.results.Diagnostics;
import dev.lrlab.reports.results.MetricSeries;
import dev.lrlab.reports.results.ResultsJson;
import dev.lrlab.reports.results.TrialRecord;
import dev.lrlab.reports.results.TrialStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports of sweeps over any paths: points, series, the x parameter, heat maps, and metrics found by name. */
class SweepReportTest {

    @TempDir
    Path tmp;

    /**
     * Two agents over learning rate x epsilon, 3 seeds: the return of episode e is
     * e + 10 rate - 20 (epsilon - 0.1)^2, and the metrics are named ones, a flat one among them.
     */
    static List<TrialRecord> twoParameterSweep() {
        List<TrialRecord> out = new ArrayList<>();
        for (String agent : List.of("a", "b")) {
            for (double rate : List.of(0.1, 0.5, 1.0)) {
                for (double epsilon : List.of(0.05, 0.1, 0.3)) {
                    for (long seed = 0; seed < 3; seed++) {
                        double[] returns = new double[20];
                        int[] lengths = new int[20];
                        for (int e = 0; e < 20; e++) {
                            returns[e] = e + 10 * rate - 20 * (epsilon - 0.1) * (epsilon - 0.1) + seed;
                            lengths[e] = 10;
                        }
                        Map<String, Object> params = new LinkedHashMap<>();
                        params.put("learning-rate.value", rate);
                        params.put("agent.exploration.epsilon", epsilon);
                        Map<String, double[]> values = new LinkedHashMap<>();
                        values.put("abs_td_error", new double[] {1 / rate, 0.5 / rate, 0.25 / rate, 0.1 / rate});
                        values.put("step_size", new double[] {rate, rate, rate, rate});
                        values.put("epsilon_decay", new double[] {1.0, 0.7, 0.4, 0.1}); // the same at every point
                        values.put("effective_step_size_p5", new double[] {rate / 10, rate / 20, rate / 40, rate / 80});
                        values.put("effective_step_size_p50", new double[] {rate, rate, rate, rate});
                        values.put("effective_step_size_p95", new double[] {rate * 10, rate * 20, rate * 40, rate * 80});
                        MetricSeries metrics = new MetricSeries(5, new int[] {5, 10, 15, 20}, new long[] {50, 100, 150, 200},
                                values);
                        TrialStatus status = agent.equals("b") && rate == 1.0 ? TrialStatus.diverged : TrialStatus.completed;
                        out.add(new TrialRecord(agent + rate + epsilon + seed, "open-room", agent, "constant", rate, seed,
                                status, status == TrialStatus.diverged ? 40L : null, null, returns, lengths, 200, 0.01,
                                null, null, null, params, metrics, null, null));
                    }
                }
            }
        }
        return out;
    }

    @Test
    void trialsAreGroupedByEveryPathOfTheirPoint() {
        Analysis a = Analysis.of(twoParameterSweep(), new ReportOptions(1, ReportOptions.XAxis.EPISODES, 5, 200, 0.95, 0));
        assertEquals(2 * 3 * 3, a.groups().size());
        assertEquals(List.of("learning-rate.value", "agent.exploration.epsilon"),
                a.swept().stream().map(Analysis.Parameter::path).toList());
        assertEquals("learning-rate.value", a.xParameter().path(), "the learning rate is x by default");
        assertEquals(List.of("a / constant · epsilon = 0.05", "a / constant · epsilon = 0.1", "a / constant · epsilon = 0.3",
                "b / constant · epsilon = 0.05", "b / constant · epsilon = 0.1", "b / constant · epsilon = 0.3"), a.series());
        Group g = a.groupsOfSeries("a / constant · epsilon = 0.3").get(2);
        assertEquals(1.0, g.learningRate());
        // last 5 episodes 15..19, plus 10 - 20 * 0.04 and the mean seed 1
        assertEquals(17 + 10 - 0.8 + 1, g.summaries().get(Metric.ASYMPTOTIC).mean().estimate(), 1e-9);
        assertEquals(0.1, a.best("a / constant").value("agent.exploration.epsilon"));
        assertEquals(1.0, a.best("a / constant").learningRate());
    }

    @Test
    void anyPathCanBeTheXAxisAndAnUnknownOneIsRefused() throws Exception {
        Analysis a = Analysis.of(twoParameterSweep(), new ReportOptions(1, ReportOptions.XAxis.EPISODES, 5, 200, 0.95, 0,
                "agent.exploration.epsilon"));
        assertEquals("agent.exploration.epsilon", a.xParameter().path());
        assertTrue(a.series().contains("a / constant · α = 0.5"), a.series().toString());
        Path dir = SyntheticRun.write(tmp, twoParameterSweep());
        ReportException e = assertThrows(ReportException.class, () -> Report.write(RunData.load(dir),
                new ReportOptions(0, ReportOptions.XAxis.AUTO, 0, 200, 0.95, 0, "agent.gamma")));
        assertTrue(e.getMessage().contains("no swept path 'agent.gamma'; its paths: learning-rate.value, "
                + "agent.exploration.epsilon"), e.getMessage());
    }

    @Test
    void aTwoParameterSweepGetsAHeatMapAndTheTablesCarryThePoint() throws Exception {
        Path dir = SyntheticRun.write(tmp, twoParameterSweep());
        Report.Result r = Report.write(RunData.load(dir), new ReportOptions(0, ReportOptions.XAxis.AUTO, 0, 200, 0.95, 0));
        assertTrue(r.figures().contains("heat-map"), r.figures().toString());
        List<String> csv = Files.readAllLines(r.dir().resolve("summary.csv"));
        assertTrue(csv.get(0).startsWith("configuration,agent,schedule,learning_rate,agent.exploration.epsilon,trials"),
                csv.get(0));
        assertEquals(1 + 18, csv.size());
        assertTrue(Files.readAllLines(r.dir().resolve("curves.csv")).get(0)
                .startsWith("configuration,learning_rate,agent.exploration.epsilon,episode"));
        assertTrue(Files.readString(r.dir().resolve("summary.md")).contains("| configuration | α | epsilon |"));
    }

    @Test
    void metricsAreFoundByNameAndPercentileFamiliesDrawnTogether() throws Exception {
        Path dir = SyntheticRun.write(tmp, twoParameterSweep());
        Report.Result r = Report.write(RunData.load(dir), ReportOptions.DEFAULTS);
        assertTrue(r.figures().contains("metric-abs-td-error"), r.figures().toString());
        assertTrue(r.figures().contains("metric-effective-step-size"), r.figures().toString());
        assertFalse(r.figures().contains("metric-step-size"), "a metric constant within every trial adds nothing");
        assertFalse(r.figures().stream().anyMatch(f -> f.startsWith("metric-effective-step-size-p")),
                "percentiles are drawn as one family");
        for (String name : r.figures()) {
            assertTrue(Files.size(r.dir().resolve(name + ".png")) > 1000, name);
        }
        // a metric that does not depend on the rate is one line, and its panel says so
        String same = Files.readString(r.dir().resolve("metric-epsilon-decay.svg"));
        assertTrue(same.contains("the same at every"), "identical curves are drawn once, with a note");
        assertFalse(Files.readString(r.dir().resolve("metric-abs-td-error.svg")).contains("the same at every"));
    }

    @Test
    void recordsOfOlderRunsShowTheirDiagnosticsAsMetrics() {
        String line = "{\"key\":\"k\",\"environment\":\"open-room\",\"agent\":\"a\",\"schedule\":\"constant\","
                + "\"learning_rate\":0.1,\"seed\":0,\"status\":\"completed\",\"returns\":[1,2],\"lengths\":[3,4],"
                + "\"steps\":7,\"wall_seconds\":0.1,\"diagnostics\":{\"every\":1,\"episode\":[1,2],"
                + "\"td_error\":[0.5,0.25],\"policy_loss\":[null,null],\"update_magnitude\":[0.1,0.1],"
                + "\"rate\":[0.1,0.1],\"step_size_p5\":[null,null],\"step_size_p50\":[null,null],"
                + "\"step_size_p95\":[null,null],\"update_ratio\":[null,null]}}";
        TrialRecord old = ResultsJson.compact().fromJson(line, TrialRecord.class);
        MetricSeries m = old.metricSeries();
        assertNotNull(m);
        assertEquals(List.of("abs_td_error", "update_size", "step_size"), List.copyOf(m.values().keySet()),
                "columns with values, under today's names");
        assertEquals(0.25, m.values().get("abs_td_error")[1]);
        assertEquals(Map.of(), old.point(), "no params: the learning rate is the point");
        Analysis a = Analysis.of(List.of(old), ReportOptions.DEFAULTS);
        assertEquals(0.1, a.groups().get(0).value(Analysis.LEARNING_RATE));
        assertTrue(Diagnostics.class.isRecord());
    }

    @Test
    void valuesThatLookAlikeAtThreeDigitsStillGetLinesOfTheirOwn() throws Exception {
        List<TrialRecord> trials = new ArrayList<>();
        for (double rate : List.of(0.1, 0.1000001)) {
            for (long seed = 0; seed < 2; seed++) {
                trials.add(SyntheticRun.trial("a", rate, seed, 10, seed, TrialStatus.completed));
            }
        }
        Path dir = SyntheticRun.write(tmp, trials);
        Report.Result r = Report.write(RunData.load(dir), ReportOptions.DEFAULTS);
        assertTrue(r.figures().contains("sensitivity"));
        Analysis a = Analysis.of(trials, ReportOptions.DEFAULTS);
        assertEquals(List.of("0.1", "0.1000001"), a.xParameter().values().stream().map(a.xParameter()::show).toList());
        assertEquals("0.5", a.xParameter().show(0.5), "three digits when they are enough");
    }
}
