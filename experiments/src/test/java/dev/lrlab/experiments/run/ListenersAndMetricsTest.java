package dev.lrlab.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lrlab.experiments.cli.Lrlab;
import dev.lrlab.experiments.listen.Decision;
import dev.lrlab.experiments.listen.TrialListener;
import dev.lrlab.experiments.spec.ExperimentPlan;
import dev.lrlab.reports.results.TrialRecord;
import dev.lrlab.reports.results.TrialStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trial listeners stop trials and feed plateau schedules wherever nested; metrics reach the records. */
class ListenersAndMetricsTest {

    @TempDir
    Path tmp;

    private List<TrialRecord> run(String yaml, List<TrialListener.Factory> listeners) throws Exception {
        ExperimentPlan plan = Specs.parse(yaml);
        new SweepRunner(plan, new SweepRunner.Options(tmp, 2, false, false, listeners),
                new PrintWriter(new StringWriter())).run();
        return dev.lrlab.reports.results.RunResults.read(tmp).records();
    }

    private static double[] metric(TrialRecord r, String name) {
        assertNotNull(r.metrics(), "metrics were recorded");
        double[] v = r.metrics().values().get(name);
        assertNotNull(v, name + " is among " + r.metrics().values().keySet());
        return v;
    }

    @Test
    void aListenerStopsATrialWhichIsRecordedAsStoppedWithItsStep() throws Exception {
        TrialListener.Factory afterFive = trial -> (boundary, progress) -> progress.episodes() >= 5
                ? Decision.stop("enough after " + progress.episodes() + " episodes") : Decision.CONTINUE;
        List<TrialRecord> records = run("""
                name: stop
                environment: open-room
                agent: { type: q-learning }
                sweep: { learning-rates: [0.5], seeds: 2 }
                budget: { episodes: 50 }
                """, List.of(afterFive));
        for (TrialRecord r : records) {
            assertEquals(TrialStatus.stopped, r.status());
            assertEquals(5, r.returns().length);
            assertEquals(Arrays.stream(r.lengths()).sum(), r.steps());
            assertEquals(r.steps(), r.stoppedAtStep());
            assertEquals("enough after 5 episodes", r.reason());
        }
    }

    @Test
    void aPlateauNestedInAWarmUpIsFedItsMetric() throws Exception {
        // before listeners, only a top-level plateau received its metric; nested, its rate never moved
        List<TrialRecord> records = run("""
                name: nested
                environment: short-corridor
                agent: { type: reinforce, gamma: 1.0 }
                learning-rate:
                  schedule: { type: warmup, length: 1, start-factor: 1,
                              then: { type: reduce-on-plateau, factor: 0.5, patience: 0 } }
                sweep: { learning-rates: ["2^-20"], seeds: 1 }
                budget: { episodes: 40 }
                evaluation: { every: 5, episodes: 3 }
                record: { metrics-every: 5 }
                """, List.of());
        double[] rate = metric(records.get(0), "step_size");
        assertEquals(Math.pow(2, -20), rate[0], 1e-18, "unchanged before the first evaluation");
        assertTrue(rate[rate.length - 1] < rate[0] / 2, Arrays.toString(rate));
    }

    @Test
    void anEpsilonOnAPlateauScheduleWatchingAnyMetricFollowsIt() throws Exception {
        List<TrialRecord> records = run("""
                name: epsilon-plateau
                environment: open-room
                agent:
                  type: q-learning
                  exploration:
                    type: epsilon-greedy
                    epsilon: { value: 0.8, schedule: { type: reduce-on-plateau, monitor: episode_length,
                                                       mode: min, factor: 0.5, patience: 0 } }
                sweep: { learning-rates: [0.5], seeds: 1 }
                budget: { episodes: 60 }
                record: { metrics-every: 10 }
                """, List.of());
        double[] epsilon = metric(records.get(0), "epsilon");
        assertEquals(6, epsilon.length);
        assertTrue(epsilon[5] < 0.8 / 4, "epsilon fell as episode lengths stopped improving: " + Arrays.toString(epsilon));
    }

    @Test
    void agentsOptimizersEnvironmentsPublishMetricsThatTheRecordKeeps() throws Exception {
        List<TrialRecord> records = run("""
                name: metrics
                environment: cliff-walking
                agents:
                  - { type: q-learning }
                  - { type: linear-sarsa, optimizer: { type: adam }, features: { type: one-hot } }
                sweep: { learning-rates: [0.1], seeds: 1 }
                budget: { episodes: 20, max-episode-steps: 300 }
                record: { metrics-every: 5 }
                """, List.of());
        for (TrialRecord r : records) {
            assertEquals(List.of(5, 10, 15, 20), Arrays.stream(r.metrics().episode()).boxed().toList());
            assertTrue(metric(r, "abs_td_error")[0] > 0);
            assertTrue(metric(r, "cliff_falls")[0] >= 0, "the environment's own metric");
            assertFalse(r.metrics().values().containsKey("episode_return"), "kept in full as returns, not per interval");
        }
        TrialRecord adam = records.stream().filter(r -> r.agent().equals("linear-sarsa")).findFirst().orElseThrow();
        assertTrue(metric(adam, "effective_step_size_p95")[3] > metric(adam, "effective_step_size_p5")[3],
                "the optimizer's effective step sizes spread");
        assertTrue(metric(adam, "grad_norm")[0] > 0);
    }

    @Test
    void aDivergedTrialRecordsTheStepsItRan() throws Exception {
        List<TrialRecord> records = run("""
                name: diverge
                environment: cliff-walking
                agent: { type: linear-q-learning, gamma: 1.0, features: { type: one-hot } }
                sweep: { learning-rates: [1000], seeds: 2 }
                budget: { episodes: 30, max-episode-steps: 300 }
                """, List.of());
        for (TrialRecord r : records) {
            assertEquals(TrialStatus.diverged, r.status());
            assertTrue(r.steps() > 0);
            assertEquals(r.divergedAtStep(), r.steps(), "steps counts the episode it diverged in");
        }
    }

    @Test
    void aFailedTrialKeepsItsCauseAndTheRunSaysSoAndExitsOne() throws Exception {
        Path spec = Specs.write(tmp, "faulty.yaml", """
                name: faulty
                environment: open-room
                agent: { type: q-learning }
                learning-rate: { schedule: { type: test-faulty, after: 20 } }
                sweep: { learning-rates: [0.1, 0.5], seeds: 2 }
                budget: { episodes: 20 }
                """);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path dir = tmp.resolve("run");
        int code = Lrlab.execute(new PrintWriter(out), new PrintWriter(err), "run", spec.toString(), "--out",
                dir.toString(), "--no-report", "--threads", "2");
        assertEquals(Lrlab.EXIT_INTERNAL, code, out.toString() + err);
        assertTrue(out.toString().contains("failed (2 trials): ArithmeticException: test-faulty schedule broke at t = 20 "
                + "(at dev.lrlab.experiments.run.FaultyScheduleKinds"), out.toString());
        TrialRecord failed = dev.lrlab.reports.results.RunResults.read(dir).records().stream()
                .filter(r -> r.status() == TrialStatus.failed).findFirst().orElseThrow();
        assertEquals("java.lang.ArithmeticException", failed.error().type());
        assertTrue(failed.error().frames().get(0).contains("FaultyScheduleKinds"), failed.error().frames().toString());
        assertTrue(failed.steps() > 0, "the steps it ran before failing");
        TrialRecord fine = dev.lrlab.reports.results.RunResults.read(dir).records().stream()
                .filter(r -> r.status() == TrialStatus.completed).findFirst().orElseThrow();
        assertNull(fine.error());
    }

    @Test
    void aPluginAgentSweepsItsOwnKeyThroughTheRunner() throws Exception {
        List<TrialRecord> records = run("""
                name: toy
                environment: open-room
                agent: { type: test-biased-walk }
                sweep: { learning-rates: [0.1], agent.bias: [0, 0.5], seeds: 2 }
                budget: { episodes: 10 }
                record: { metrics-every: 5 }
                """, List.of());
        assertEquals(4, records.size());
        for (TrialRecord r : records) {
            double bias = (Double) r.params().get("agent.bias");
            assertEquals(bias, metric(r, "toy_right_share")[0], bias == 0 ? 0 : 0.15);
            if (bias == 0) {
                // always down: into the bottom-left corner, then against the wall until the time limit
                assertTrue(Arrays.stream(r.returns()).allMatch(g -> g == -100), Arrays.toString(r.returns()));
            } else {
                assertTrue(Arrays.stream(r.returns()).average().orElseThrow() > -100, Arrays.toString(r.returns()));
            }
        }
    }

    @Test
    void recordsCarryTheirPointAndReloadIt() throws Exception {
        List<TrialRecord> records = run("""
                name: points
                environment: open-room
                agent: { type: q-learning }
                sweep: { learning-rates: [0.1, 0.5], agent.exploration.epsilon: [0.05, 0.2], seeds: 1 }
                budget: { episodes: 5 }
                """, List.of());
        assertEquals(4, records.size());
        for (TrialRecord r : records) {
            assertEquals(r.learningRate(), (Double) r.params().get("learning-rate.value"), 0);
            assertTrue(List.of(0.05, 0.2).contains((Double) r.params().get("agent.exploration.epsilon")));
        }
    }

    @Test
    void aTrialThatRunsOutOfMemoryFailsAloneWithItsCause() throws Exception {
        List<TrialRecord> records = run("""
                name: hog
                environment: open-room
                agent: { type: test-memory-hog, after: 30 }
                sweep: { learning-rates: [0.1, 0.5], seeds: 2 }
                budget: { episodes: 5 }
                """, List.of());
        assertEquals(4, records.size(), "the sweep went on");
        for (TrialRecord r : records) {
            if (r.learningRate() == 0.5) {
                assertEquals(TrialStatus.failed, r.status());
                assertEquals("java.lang.OutOfMemoryError", r.error().type());
                assertTrue(r.reason().contains("needed more memory than the heap had"), r.reason());
                assertEquals(0, r.returns().length, "its curves were dropped");
            } else {
                assertEquals(TrialStatus.completed, r.status());
            }
        }
    }
}
