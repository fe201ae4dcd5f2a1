package dev.lrlab.experiments.run;

import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a sweep's progress: a live bar (trials, steps per second, ETA) on a terminal, and plain
 * lines every few seconds when the output is a file or a pipe.
 */
final class ProgressReporter implements AutoCloseable {

    private static final long LINE_INTERVAL_NANOS = 5_000_000_000L;

    private final PrintWriter log;
    private final ProgressBar bar;
    private final int total;
    private final long started = System.nanoTime();
    private long lastLine = System.nanoTime();
    private int done;
    private long steps;

    ProgressReporter(PrintWriter log, int total, boolean terminal) {
        this.log = log;
        this.total = total;
        this.bar = terminal && total > 0
                ? new ProgressBarBuilder().setTaskName("trials").setInitialMax(total)
                        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).continuousUpdate()
                        .showSpeed().build()
                : null;
    }

    synchronized void trialDone(long trialSteps) {
        done++;
        steps += trialSteps;
        double seconds = (System.nanoTime() - started) / 1e9;
        String rate = String.format(Locale.ROOT, "%.2f M steps/s", seconds > 0 ? steps / seconds / 1e6 : 0.0);
        if (bar != null) {
            bar.step();
            bar.setExtraMessage(" " + rate);
        } else if (System.nanoTime() - lastLine >= LINE_INTERVAL_NANOS || done == total) {
            lastLine = System.nanoTime();
            double eta = done == 0 ? 0 : seconds / done * (total - done);
            log.printf(Locale.ROOT, "%d/%d trials, %s, %.0f s elapsed, ETA %.0f s%n", done, total, rate,
                    seconds, eta);
            log.flush();
        }
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
