package dev.lrlab.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lrlab.env.metrics.MetricLog;
import dev.lrlab.experiments.listen.Decision;
import dev.lrlab.experiments.listen.TrialListener;
import dev.lrlab.experiments.listen.TrialProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {

    /** Off a terminal, a line every few seconds and one at the end: the last line counts every trial of every worker. */
    @Test
    void theLastLineCountsEveryTrialFromEveryThread() throws Exception {
        StringWriter text = new StringWriter();
        int total = 20_000;
        try (ProgressReporter progress = new ProgressReporter(new PrintWriter(text), total, false)) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            for (int t = 0; t < 4; t++) {
                int worker = t;
                pool.submit(() -> {
                    for (int i = 0; i < total / 4; i++) {
                        progress.trialDone("t" + worker + "-" + i, 10);
                    }
                });
            }
            pool.shutdown();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        }
        String[] lines = text.toString().strip().split("\n");
        String last = lines[lines.length - 1];
        assertTrue(last.startsWith("20000/20000 trials, "), last);
        assertTrue(last.contains(" steps/s, "), last);
        assertTrue(last.endsWith("ETA 0 s"), last);
        // 20,000 trials in well under 5 s: the end's line only, not one per trial
        assertTrue(lines.length <= 2, text.toString());
    }

    @Test
    void nothingIsWrittenBeforeTheIntervalWhileTrialsRemain() {
        StringWriter text = new StringWriter();
        try (ProgressReporter progress = new ProgressReporter(new PrintWriter(text), 3, false)) {
            progress.trialDone("a", 5);
            progress.trialDone("b", 5);
            assertEquals("", text.toString());
            progress.trialDone("c", 5);
        }
        assertTrue(text.toString().startsWith("3/3 trials, 15 steps/s") || text.toString().startsWith("3/3 trials, "),
                text.toString());
        assertEquals(1, text.toString().strip().split("\n").length, text.toString());
    }

    /**
     * Long trials show their steps while they run: each trial's listener reports its episodes'
     * steps, a line says how many of the planned steps are done, and a finished trial's steps are
     * counted once (what its listener reported, and the rest).
     */
    @Test
    void runningTrialsReportTheirStepsAndNoStepCountsTwice() {
        StringWriter text = new StringWriter();
        long budget = 100_000;
        try (ProgressReporter progress = new ProgressReporter(new PrintWriter(text), 2, 2 * budget, false, 0)) {
            TrialListener.Factory live = progress.live();
            FakeProgress first = new FakeProgress();
            FakeProgress second = new FakeProgress();
            TrialListener a = live.create(new Trial("first", null, 1));
            TrialListener b = live.create(new Trial("second", null, 2));
            for (int episode = 0; episode < 40; episode++) { // episodes of 1,000 steps, reported every 16,384 or more
                first.steps += 1_000;
                second.steps += 1_000;
                assertEquals(Decision.CONTINUE, a.at(TrialListener.Boundary.EPISODE, first));
                assertEquals(Decision.CONTINUE, b.at(TrialListener.Boundary.EPISODE, second));
            }
            String running = text.toString();
            assertTrue(running.contains("0/2 trials, 68.0 k of 200.0 k steps (34.0%)"), running);
            progress.trialDone("first", budget);
            progress.trialDone("second", budget);
        }
        String[] lines = text.toString().strip().split("\n");
        assertTrue(lines[lines.length - 1].startsWith("2/2 trials, 200.0 k of 200.0 k steps (100.0%), "),
                lines[lines.length - 1]);
        assertTrue(lines[lines.length - 1].endsWith("ETA 0 s"), lines[lines.length - 1]);
    }

    @Test
    void countsAndDurationsAreShort() {
        assertEquals("950", ProgressReporter.count(950));
        assertEquals("12.3 k", ProgressReporter.count(12_345));
        assertEquals("4.50 M", ProgressReporter.count(4_500_000));
        assertEquals("59 s", ProgressReporter.duration(59.4));
        assertEquals("45 min", ProgressReporter.duration(45 * 60));
        assertEquals("2 h 5 min", ProgressReporter.duration(125 * 60));
        assertEquals("?", ProgressReporter.duration(Double.NaN));
    }

    private static final class FakeProgress implements TrialProgress {
        long steps;

        @Override
        public int episodes() {
            return (int) (steps / 1_000);
        }

        @Override
        public long steps() {
            return steps;
        }

        @Override
        public MetricLog metrics() {
            return new MetricLog();
        }
    }
}
