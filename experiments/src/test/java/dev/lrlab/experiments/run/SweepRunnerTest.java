package dev.lrlab.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lrlab.experiments.spec.ExperimentPlan;
import dev.lrlab.reports.results.Manifest;
import dev.lrlab.reports.results.TrialRecord;
import dev.lrlab.reports.results.TrialStatus;
import dev.lrlab.reports.results.RunResults;
import dev.lrlab.reports.results.TrialsFile;
import dev.lrlab.reports.results.TrialsWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepRunnerTest {

    @TempDir
    Path tmp;

    private SweepSummary run(ExperimentPlan spec, Path out, int threads, boolean forceNew)
            throws IOException, RunDirectoryException {
        return new SweepRunner(spec, new SweepRunner.Options(out, threads, forceNew, false),
                new PrintWriter(new StringWriter())).run();
    }

    @Test
    void resultsAreByteIdenticalOnOneAndFourThreads() throws Exception {
        ExperimentPlan spec = Specs.parse(Specs.SMALL);
        run(spec, tmp.resolve("one"), 1, false);
        run(spec, tmp.resolve("four"), 4, false);
        run(spec, tmp.resolve("again"), 4, false);
        List<String> one = Specs.canonical(tmp.resolve("one"));
        assertEquals(spec.trialCount(), one.size());
        assertEquals(one, Specs.canonical(tmp.resolve("four")));
        assertEquals(one, Specs.canonical(tmp.resolve("again")));
    }

    /** A DQN sweep, metrics included, on Breakout's board and a gridworld: the same bytes on one and three threads. */
    @Test
    void dqnResultsAreByteIdenticalOnOneAndThreeThreads() throws Exception {
        for (String env : java.util.List.of("breakout", "open-room")) {
            ExperimentPlan spec = Specs.parse("""
                    name: dqn-threads
                    environment: { id: %s }
                    agent: { type: dqn, filters: 4, hidden: 16, batch-size: 8, replay-start: 50, target-update: 40,
                             replay-capacity: 1000 }
                    learning-rate: { schedule: { type: constant } }
                    sweep: { learning-rates: [0.001, 0.01], seeds: 2 }
                    budget: { steps: 600 }
                    record: { metrics-every: 2 }
                    """.formatted(env));
            run(spec, tmp.resolve(env + "-one"), 1, false);
            run(spec, tmp.resolve(env + "-three"), 3, false);
            List<String> one = Specs.canonical(tmp.resolve(env + "-one"));
            assertEquals(4, one.size());
            assertTrue(one.get(0).contains("\"loss\""), "metrics recorded: " + one.get(0).substring(0, 300));
            assertEquals(one, Specs.canonical(tmp.resolve(env + "-three")), env);
        }
    }

    /**
     * PPO's copies step in lock-step in one thread: results are the same on one and three threads,
     * every copy's steps count against the budget, and an episode budget stops at its count.
     */
    @Test
    void lockStepCopiesAreByteIdenticalOnOneAndThreeThreadsAndCountEveryStep() throws Exception {
        ExperimentPlan spec = Specs.parse("""
                name: ppo-threads
                environment: { id: breakout, actions: minimal, time-limit: 100 }
                agent: { type: ppo, filters: 4, hidden: 16, copies: 3, rollout-steps: 16, minibatches: 2 }
                learning-rate: { clock: updates, schedule: { type: linear, start-factor: 1, end-factor: 0, total-iters: 40 } }
                sweep: { learning-rates: [0.001, 0.01], seeds: 2 }
                budget: { steps: 900 }
                record: { metrics-every: 5 }
                """);
        run(spec, tmp.resolve("one"), 1, false);
        run(spec, tmp.resolve("three"), 3, false);
        List<String> one = Specs.canonical(tmp.resolve("one"));
        assertEquals(4, one.size());
        assertTrue(one.get(0).contains("\"approx_kl\""), "metrics recorded: " + one.get(0).substring(0, 300));
        assertEquals(one, Specs.canonical(tmp.resolve("three")));
        for (TrialRecord r : dev.lrlab.reports.results.RunResults.read(tmp.resolve("one")).records()) {
            assertEquals(900, r.steps(), "3 copies x 300 lock-steps");
            assertTrue(r.returns().length >= 9, "episodes of every copy are recorded: " + r.returns().length);
            assertTrue(java.util.Arrays.stream(r.lengths()).sum() <= 900, "ended episodes fit in the steps taken");
        }
        ExperimentPlan episodes = Specs.parse("""
                name: ppo-episodes
                environment: { id: open-room }
                agent: { type: ppo, copies: 4, rollout-steps: 8, minibatches: 2 }
                learning-rate: { schedule: { type: constant } }
                sweep: { learning-rates: [0.001], seeds: 1 }
                budget: { episodes: 30 }
                """);
        run(episodes, tmp.resolve("episodes"), 1, false);
        TrialRecord r = dev.lrlab.reports.results.RunResults.read(tmp.resolve("episodes")).records().get(0);
        assertEquals(30, r.returns().length, "exactly the budget's episodes, though copies end them together");
    }

    /**
     * The environment's own metrics count every copy's events: on the cliff walk each fall costs
     * -100 instead of -1, so an episode's falls are (-return - length) / 99, and the cliff_falls
     * metric (per episode, per interval of 10) adds up to about the falls of all 30 episodes of 3
     * copies (events count when they happen: an interval also holds the falls of the other copies'
     * episodes still running when it closes), where copy 0 alone would give about a third.
     */
    @Test
    void everyCopyPublishesItsEnvironmentsMetrics() throws Exception {
        ExperimentPlan spec = Specs.parse("""
                name: ppo-cliff
                environment: { id: cliff-walking, time-limit: 200 }
                agent: { type: ppo, copies: 3, rollout-steps: 8, minibatches: 2 }
                learning-rate: { schedule: { type: constant } }
                sweep: { learning-rates: [0.001], seeds: 1 }
                budget: { episodes: 30 }
                record: { metrics-every: 10 }
                """);
        run(spec, tmp.resolve("cliff"), 1, false);
        TrialRecord r = dev.lrlab.reports.results.RunResults.read(tmp.resolve("cliff")).records().get(0);
        double falls = 0;
        for (int e = 0; e < r.returns().length; e++) {
            falls += (-r.returns()[e] - r.lengths()[e]) / 99;
        }
        double recorded = 0;
        for (double perEpisode : r.metricSeries().values().get("cliff_falls")) {
            recorded += perEpisode * 10;
        }
        assertTrue(falls > 20, "the random start falls: " + falls);
        assertEquals(falls, recorded, 0.1 * falls, "falls of ended episodes " + falls + ", recorded " + recorded);
    }

    @Test
    void everyTrialIsWrittenOnceWithItsCurveAndEvaluations() throws Exception {
        ExperimentPlan spec = Specs.parse(Specs.SMALL);
        SweepSummary s = run(spec, tmp, 2, false);
        assertEquals(12, s.completed());
        List<TrialRecord> records = dev.lrlab.reports.results.RunResults.read(tmp).records();
        assertEquals(12, new HashSet<>(records.stream().map(TrialRecord::key).toList()).size());
        for (TrialRecord r : records) {
            assertEquals(50, r.returns().length);
            assertEquals(50, r.lengths().length);
            assertEquals(java.util.Arrays.stream(r.lengths()).sum(), r.steps());
            assertEquals(2, r.evaluations().length);
            assertEquals(25, r.evaluations()[0].episode());
            assertNotNull(r.gridPolicy(), "tabular agents on gridworlds record their greedy policy");
        }
        Manifest m = Manifest.read(tmp);
        assertNotNull(m.endedAt());
        assertEquals(12, m.trialsPlanned());
        assertFalse(m.schedules().isEmpty());
    }

    @Test
    void rerunSkipsFinishedTrials() throws Exception {
        ExperimentPlan spec = Specs.parse(Specs.SMALL);
        run(spec, tmp, 2, false);
        List<String> before = Specs.canonical(tmp);
        SweepSummary again = run(spec, tmp, 2, false);
        assertEquals(12, again.skipped());
        assertEquals(0, again.completed());
        assertEquals(before, Specs.canonical(tmp));
    }

    @Test
    void aKilledRunsJournalWithATornLastEntryIsPublishedAndTheTornTrialRedone() throws Exception {
        ExperimentPlan spec = Specs.parse(Specs.SMALL);
        run(spec, tmp.resolve("whole"), 2, false);
        Path dir = tmp.resolve("torn");
        run(spec, dir, 2, false);
        List<TrialRecord> all = RunResults.read(dir).records();
        // as a kill -9 leaves it: five whole entries and half of the sixth in a journal segment, no part
        java.io.ByteArrayOutputStream journal = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < 5; i++) {
            journal.write(TrialsWriter.journalEntry(all.get(i)));
        }
        byte[] sixth = TrialsWriter.journalEntry(all.get(5));
        journal.write(sixth, 0, sixth.length / 2);
        deleteRecursively(dir.resolve(RunResults.TRIALS));
        deleteRecursively(dir.resolve(RunResults.METRICS));
        Files.createDirectories(dir.resolve(RunResults.JOURNAL));
        Files.write(dir.resolve(RunResults.JOURNAL).resolve("segment-000000.bin"), journal.toByteArray());
        RunResults.Contents c = RunResults.read(dir);
        assertEquals("journal/segment-000000.bin entry 6", c.torn());
        assertEquals(5, c.records().size());
        SweepSummary s = run(spec, dir, 2, false);
        assertEquals(5, s.skipped());
        assertEquals(7, s.completed());
        assertEquals(Specs.canonical(tmp.resolve("whole")), Specs.canonical(dir));
        assertEquals(null, RunResults.read(dir).torn());
        assertFalse(Files.exists(dir.resolve(RunResults.JOURNAL)), "the journal was published as parts");
    }

    @Test
    void aTrialBothInAPartAndInTheJournalCountsOnce() throws Exception {
        // a kill between publishing a part and deleting the journal segment it came from
        ExperimentPlan spec = Specs.parse(Specs.SMALL);
        Path dir = tmp.resolve("twice");
        run(spec, dir, 2, false);
        List<TrialRecord> all = RunResults.read(dir).records();
        Files.createDirectories(dir.resolve(RunResults.JOURNAL));
        Files.write(dir.resolve(RunResults.JOURNAL).resolve("segment-000003.bin"), TrialsWriter.journalEntry(all.get(2)));
        assertEquals(12, RunResults.read(dir).records().size());
        SweepSummary s = run(spec, dir, 2, false);
        assertEquals(12, s.skipped());
        assertEquals(12, RunResults.read(dir).records().size());
        assertFalse(Files.exists(dir.resolve(RunResults.JOURNAL)));
    }

    private static void deleteRecursively(Path p) throws java.io.IOException {
        try (var s = Files.walk(p)) {
            for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }

    @Test
    void tornLastLineOfAnOldJsonlRunIsRedone() throws Exception {
        ExperimentPlan spec = Specs.parse(Specs.SMALL);
        run(spec, tmp.resolve("whole"), 2, false);
        Path dir = tmp.resolve("torn");
        run(spec, dir, 2, false);
        // the same run as lrlab wrote it before Parquet, one JSON line per trial
        List<String> lines = RunResults.read(dir).records().stream()
                .map(r -> dev.lrlab.reports.results.ResultsJson.compact().toJson(r)).toList();
        deleteRecursively(dir.resolve(RunResults.TRIALS));
        deleteRecursively(dir.resolve(RunResults.METRICS));
        Path file = dir.resolve(TrialsFile.NAME);
        // keep five whole lines and half of the sixth, as a crash mid-write would
        String torn = String.join("\n", lines.subList(0, 5)) + "\n" + lines.get(5).substring(0, 40);
        Files.writeString(file, torn);
        TrialsFile.Contents c = TrialsFile.read(file);
        assertEquals(6, c.tornLine());
        assertEquals(5, c.records().size());
        SweepSummary s = run(spec, dir, 2, false);
        assertEquals(5, s.skipped());
        assertEquals(7, s.completed());
        assertEquals(Specs.canonical(tmp.resolve("whole")), Specs.canonical(dir));
        assertEquals(0, TrialsFile.read(file).tornLine());
        assertEquals(5, TrialsFile.read(file).records().size(), "the old file keeps its trials; new ones go to parts");
    }

    @Test
    void aSpecThatChangesFinishedTrialsIsRefusedWithWhatDiffers() throws Exception {
        run(Specs.parse(Specs.SMALL), tmp, 2, false);
        ExperimentPlan other = Specs.parse(Specs.SMALL.replace("episodes: 50", "episodes: 60"));
        RunDirectoryException e = assertThrows(RunDirectoryException.class, () -> run(other, tmp, 2, false));
        assertTrue(e.getMessage().contains("budget.episodes: was 50, now 60"), e.getMessage());
        assertTrue(e.getMessage().contains("--force-new"), e.getMessage());
        ExperimentPlan fewer = Specs.parse(Specs.SMALL.replace("seeds: 3", "seeds: 2"));
        e = assertThrows(RunDirectoryException.class, () -> run(fewer, tmp, 2, false));
        assertTrue(e.getMessage().contains("sweep.seeds: was [0,1,2], now [0,1]"), e.getMessage());
        assertEquals(12, dev.lrlab.reports.results.RunResults.read(tmp).records().size(), "nothing lost");
    }

    @Test
    void aSpecThatAddsSeedsRatesOrAgentsExtendsTheRunAndReusesEveryFinishedTrial() throws Exception {
        run(Specs.parse(Specs.SMALL), tmp.resolve("grown"), 2, false);
        StringWriter log = new StringWriter();
        ExperimentPlan more = Specs.parse(Specs.SMALL.replace("seeds: 3", "seeds: 4")
                .replace("[0.1, 0.5]", "[0.1, 0.5, 0.9]")
                .replace("  - { type: q-learning, gamma: 1.0 }\n", "  - { type: q-learning, gamma: 1.0 }\n"
                        + "  - { type: expected-sarsa, gamma: 1.0 }\n"));
        SweepSummary s = new SweepRunner(more, new SweepRunner.Options(tmp.resolve("grown"), 2, false, false),
                new PrintWriter(log)).run();
        assertEquals(12, s.skipped(), log.toString());
        assertEquals(36 - 12, s.completed());
        assertTrue(log.toString().contains("the spec extends the run in") && log.toString().contains("sweep.seeds: was "
                + "[0,1,2], now [0,1,2,3]") && log.toString().contains("its finished trials are reused"), log.toString());
        assertTrue(log.toString().contains("12 of 36 trials already done, 24 to run"), log.toString());
        // the grown run is the run the larger spec would have made from scratch
        run(more, tmp.resolve("whole"), 2, false);
        assertEquals(Specs.canonical(tmp.resolve("whole")), Specs.canonical(tmp.resolve("grown")));

        log = new StringWriter();
        s = new SweepRunner(more, new SweepRunner.Options(tmp.resolve("grown"), 2, false, false),
                new PrintWriter(log)).run();
        assertTrue(log.toString().contains("nothing to run: all 36 trials are already in"), log.toString());
        assertEquals("36 trials, all already done: nothing was run", s.describe());
    }

    @Test
    void writingOutADefaultIsNotADifference() throws Exception {
        run(Specs.parse(Specs.SMALL), tmp, 2, false);
        // gamma 1.0 was given; epsilon 0.1 and the constant schedule were defaults
        ExperimentPlan same = Specs.parse(Specs.SMALL.replace("{ type: sarsa, gamma: 1.0 }",
                "{ type: sarsa, gamma: 1.0, exploration: { type: epsilon-greedy, epsilon: 0.1 } }")
                + "learning-rate: { schedule: { type: constant } }\n");
        SweepSummary s = run(same, tmp, 2, false);
        assertEquals(12, s.skipped(), "the same trials, by key");
    }

    @Test
    void theResolvedSpecIsAValidSpecOfTheSameTrials() throws Exception {
        ExperimentPlan spec = Specs.parse(Specs.SMALL);
        String json = new com.google.gson.Gson().toJson(spec.resolved());
        ExperimentPlan again = dev.lrlab.experiments.spec.SpecReader.of(Specs.KINDS).parse(json, "resolved.json");
        assertEquals(Trial.all(spec).stream().map(Trial::key).toList(),
                Trial.all(again).stream().map(Trial::key).toList());
        assertEquals(spec.resolved().toString(), again.resolved().toString());
    }

    @Test
    void forceNewKeepsTheOldRunAside() throws Exception {
        run(Specs.parse(Specs.SMALL), tmp, 2, false);
        ExperimentPlan other = Specs.parse(Specs.SMALL.replace("seeds: 3", "seeds: 1"));
        SweepSummary s = run(other, tmp, 2, true);
        assertEquals(4, s.completed());
        Path previous;
        try (var list = Files.list(tmp)) {
            previous = list.filter(p -> p.getFileName().toString().startsWith("previous-")).findFirst().orElseThrow();
        }
        assertEquals(12, dev.lrlab.reports.results.RunResults.read(previous).records().size());
        assertEquals(4, dev.lrlab.reports.results.RunResults.read(tmp).records().size());
    }

    @Test
    void unwritableOutputIsReportedBeforeAnyTrialRuns() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        RunDirectoryException e = assertThrows(RunDirectoryException.class,
                () -> run(Specs.parse(Specs.SMALL), file.resolve("sub"), 2, false));
        assertTrue(e.getMessage().contains("cannot write to the output directory"), e.getMessage());
    }

    @Test
    void divergenceIsRecordedAndTheSweepGoesOn() throws Exception {
        ExperimentPlan spec = Specs.parse("""
                name: diverge
                environment: cliff-walking
                agent: { type: linear-q-learning, gamma: 1.0, features: { type: one-hot } }
                sweep: { learning-rates: [0.1, 1000], seeds: 2 }
                budget: { episodes: 30, max-episode-steps: 300 }
                """);
        SweepSummary s = run(spec, tmp, 2, false);
        assertEquals(2, s.completed());
        assertEquals(2, s.diverged());
        for (TrialRecord r : dev.lrlab.reports.results.RunResults.read(tmp).records()) {
            if (r.learningRate() == 1000) {
                assertEquals(TrialStatus.diverged, r.status());
                assertNotNull(r.divergedAtStep());
                assertTrue(r.reason().contains("at step " + r.divergedAtStep()), r.reason());
                for (double g : r.returns()) {
                    assertTrue(Double.isFinite(g));
                }
            } else {
                assertEquals(TrialStatus.completed, r.status());
            }
        }
    }

    @Test
    void aBugInOneTrialFailsThatTrialOnly() throws Exception {
        ExperimentPlan spec = Specs.parse("""
                name: faulty
                environment: open-room
                agent: { type: q-learning }
                learning-rate: { schedule: { type: test-faulty, after: 20 } }
                sweep: { learning-rates: [0.1, 0.5], seeds: 2 }
                budget: { episodes: 20 }
                """);
        SweepSummary s = run(spec, tmp, 2, false);
        assertEquals(2, s.completed());
        assertEquals(2, s.failed());
        TrialRecord failed = dev.lrlab.reports.results.RunResults.read(tmp).records().stream()
                .filter(r -> r.status() == TrialStatus.failed).findFirst().orElseThrow();
        assertTrue(failed.reason().contains("ArithmeticException: test-faulty schedule broke"), failed.reason());
    }

    @Test
    void reduceOnPlateauIsFedByTheRunnerAndLowersTheRate() throws Exception {
        // the short corridor with an agent that never improves much: patience 0 cuts the rate at
        // every evaluation that is not a new best
        ExperimentPlan spec = Specs.parse("""
                name: plateau
                environment: short-corridor
                agent: { type: reinforce, gamma: 1.0 }
                learning-rate: { schedule: { type: reduce-on-plateau, factor: 0.5, patience: 0 } }
                sweep: { learning-rates: ["2^-20"], seeds: 1 }
                budget: { episodes: 40 }
                evaluation: { every: 5, episodes: 3 }
                record: { diagnostics-every: 5 }
                """);
        run(spec, tmp, 1, false);
        TrialRecord r = dev.lrlab.reports.results.RunResults.read(tmp).records().get(0);
        double[] rate = r.metrics().values().get("step_size");
        assertEquals(8, rate.length);
        assertEquals(Math.pow(2, -20), rate[0], 1e-18, "unchanged before the first evaluation");
        assertTrue(rate[rate.length - 1] < rate[0] / 2, java.util.Arrays.toString(rate));
        for (int i = 1; i < rate.length; i++) {
            assertTrue(rate[i] <= rate[i - 1], "never raised: " + java.util.Arrays.toString(rate));
        }
    }

    @Test
    void epsilonScheduleInASpecIsBuiltOnItsClock() throws Exception {
        String template = """
                name: eps
                environment: open-room
                agent:
                  type: q-learning
                  exploration: { type: epsilon-greedy, epsilon: EPSILON }
                sweep: { learning-rates: [0.5], seeds: 5 }
                budget: { episodes: 60 }
                """;
        ExperimentPlan decaying = Specs.parse(template.replace("EPSILON", "{ value: 1.0, schedule: { type: linear, "
                + "start-factor: 1, end-factor: 0, total-iters: 20 }, clock: episodes }"));
        ExperimentPlan constant = Specs.parse(template.replace("EPSILON", "1.0"));
        run(decaying, tmp.resolve("decaying"), 1, false);
        run(constant, tmp.resolve("constant"), 1, false);
        // a random walk in the 5x5 room takes about 60 steps (capped at 100); once epsilon reaches 0
        // after 20 episodes, Q-learning walks much shorter paths
        assertTrue(lastTenMeanLength(tmp.resolve("decaying")) < 20, "decaying: " + lastTenMeanLength(tmp.resolve("decaying")));
        assertTrue(lastTenMeanLength(tmp.resolve("constant")) > 40, "constant: " + lastTenMeanLength(tmp.resolve("constant")));
    }

    private static double lastTenMeanLength(Path dir) throws IOException {
        return dev.lrlab.reports.results.RunResults.read(dir).records().stream()
                .flatMapToInt(r -> java.util.Arrays.stream(r.lengths(), r.lengths().length - 10, r.lengths().length))
                .average().orElseThrow();
    }

    @Test
    void stepBudgetsStopAtTheBudget() throws Exception {
        ExperimentPlan spec = Specs.parse("""
                name: steps
                environment: cliff-walking
                agent: { type: q-learning }
                sweep: { learning-rates: [0.5], seeds: 1 }
                budget: { steps: 5000 }
                """);
        run(spec, tmp, 1, false);
        TrialRecord r = dev.lrlab.reports.results.RunResults.read(tmp).records().get(0);
        assertEquals(5000, r.steps());
        assertTrue(java.util.Arrays.stream(r.lengths()).sum() <= 5000);
    }

    @Test
    void aSourceThatNeedsNoRecordsIsHandedNoneAndOneThatDoesIsHandedEvery() throws Exception {
        ExperimentPlan spec = Specs.parse(Specs.SMALL);
        for (boolean needs : new boolean[] {false, true}) {
            GridSource grid = GridSource.of(spec);
            List<Integer> seen = new java.util.ArrayList<>();
            TrialSource source = new TrialSource() {
                @Override
                public List<Trial> next(List<TrialRecord> finished) {
                    seen.add(finished.size());
                    return grid.next(finished);
                }

                @Override
                public boolean needsRecords() {
                    return needs;
                }

                @Override
                public int planned() {
                    return grid.planned();
                }
            };
            Path dir = tmp.resolve("needs-" + needs);
            new SweepRunner(spec, source, new SweepRunner.Options(dir, 2, false, false),
                    new PrintWriter(new StringWriter())).run();
            // a grid's sweep of a million trials would otherwise hold a million records
            assertEquals(needs ? List.of(0, 12) : List.of(0, 0), seen);
            assertEquals(12, RunResults.read(dir).records().size());
        }
    }
}
