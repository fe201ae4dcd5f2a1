package dev.lrlab.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
                pool.submit(() -> {
                    for (int i = 0; i < total / 4; i++) {
                        progress.trialDone(10);
                    }
                });
            }
            pool.shutdown();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        }
        String[] lines = text.toString().strip().split("\n");
        String last = lines[lines.length - 1];
        assertTrue(last.startsWith("20000/20000 trials, "), last);
        assertTrue(last.contains(" M steps/s, "), last);
        assertTrue(last.endsWith("ETA 0 s"), last);
        // 20,000 trials in well under 5 s: the end's line only, not one per trial
        assertTrue(lines.length <= 2, text.toString());
    }

    @Test
    void nothingIsWrittenBeforeTheIntervalWhileTrialsRemain() {
        StringWriter text = new StringWriter();
        try (ProgressReporter progress = new ProgressReporter(new PrintWriter(text), 3, false)) {
            progress.trialDone(5);
            progress.trialDone(5);
            assertEquals("", text.toString());
            progress.trialDone(5);
        }
        assertTrue(text.toString().startsWith("3/3 trials, "), text.toString());
    }
}
