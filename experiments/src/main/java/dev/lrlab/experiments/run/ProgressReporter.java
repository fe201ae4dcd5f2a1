package dev.lrlab.experiments.run;

import dev.lrlab.experiments.listen.Decision;
import dev.lrlab.experiments.listen.TrialListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a sweep's progress: a live bar (trials, steps per second, ETA) on a terminal, and plain
 * lines every few seconds when the output is a file or a pipe. Steps are counted while trials run,
 * not only when they finish ({@link #live}), so that a sweep of a few long trials (a DQN of five
 * million frames runs for an hour) shows how far it is and when it will end.
 */
final class ProgressReporter implements AutoCloseable {

    private static final long LINE_INTERVAL_NANOS = 5_000_000_000L;
    /** As often as the bar redraws. */
    private static final long BAR_INTERVAL_NANOS = 200_000_000L;
    /** Steps a running trial makes between two reports of them: shared counters are touched rarely. */
    static final long PUBLISH_STEPS = 1 << 14;

    private final PrintWriter log;
    private final long lineInterval;
    private boolean endShown;
    private final ProgressBar bar;
    private final int total;
    /** Steps the trials to run will make, when the budget counts steps; 0 when unknown. */
    private final long plannedSteps;
    private final long started = System.nanoTime();
    private volatile long nextShow;
    private final java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
    /** Steps made so far, by finished and running trials. */
    private final LongAdder steps = new LongAdder();
    /** Per running trial (by key), the steps it has reported. */
    private final Map<String, long[]> reported = new ConcurrentHashMap<>();

    ProgressReporter(PrintWriter log, int total, boolean terminal) {
        this(log, total, 0, terminal);
    }

    ProgressReporter(PrintWriter log, int total, long plannedSteps, boolean terminal) {
        this(log, total, plannedSteps, terminal, LINE_INTERVAL_NANOS);
    }

    /** With lines every {@code lineInterval} nanoseconds off a terminal (tests shorten it). */
    ProgressReporter(PrintWriter log, int total, long plannedSteps, boolean terminal, long lineInterval) {
        this.lineInterval = lineInterval;
        this.log = log;
        this.total = total;
        this.plannedSteps = plannedSteps;
        this.bar = terminal && total > 0
                ? new ProgressBarBuilder().setTaskName("trials").setInitialMax(total)
                        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).continuousUpdate()
                        .showSpeed().build()
                : null;
        this.nextShow = started + interval();
    }

    private long interval() {
        return bar != null ? BAR_INTERVAL_NANOS : lineInterval;
    }

    /**
     * Each trial's listener, which adds the steps of its episodes as they end (every {@link
     * #PUBLISH_STEPS} or more, so that short episodes cost a comparison each) and shows the
     * progress when it is due; it never stops a trial.
     */
    TrialListener.Factory live() {
        return trial -> {
            long[] mine = new long[1];
            reported.put(trial.key(), mine);
            return (boundary, progress) -> {
                long delta = progress.steps() - mine[0];
                if (boundary == TrialListener.Boundary.EPISODE && delta >= PUBLISH_STEPS) {
                    mine[0] = progress.steps();
                    steps.add(delta);
                    if (System.nanoTime() >= nextShow) {
                        show(false);
                    }
                }
                return Decision.CONTINUE;
            };
        };
    }

    /**
     * Counts a finished trial and the steps it made that its listener had not yet reported.
     * Every worker calls it; the message is formatted only when it is shown (the bar's every
     * 200 ms, a line's every 5 s), not once per trial.
     */
    void trialDone(String key, long trialSteps) {
        long[] mine = reported.remove(key);
        steps.add(trialSteps - (mine == null ? 0 : mine[0]));
        if (done.incrementAndGet() == total || System.nanoTime() >= nextShow) {
            show(true);
        }
    }

    private synchronized void show(boolean trialEnded) {
        long now = System.nanoTime();
        int done = this.done.get();
        boolean last = done == total && trialEnded;
        if (now < nextShow && !last || endShown) {
            return;
        }
        endShown = last;
        nextShow = now + interval();
        double seconds = (now - started) / 1e9;
        long made = steps.sum();
        String rate = count(seconds > 0 ? made / seconds : 0) + " steps/s";
        if (bar != null) {
            bar.stepTo(done);
            bar.setExtraMessage(" " + (plannedSteps > 0 ? count(made) + "/" + count(plannedSteps) + " steps, " : "")
                    + rate);
            return;
        }
        double eta;
        String line;
        if (plannedSteps > 0) {
            eta = made == 0 ? Double.NaN : seconds / made * Math.max(0, plannedSteps - made);
            line = String.format(Locale.ROOT, "%d/%d trials, %s of %s steps (%.1f%%), %s", done, total, count(made),
                    count(plannedSteps), 100.0 * made / plannedSteps, rate);
        } else {
            eta = done == 0 ? Double.NaN : seconds / done * (total - done);
            line = String.format(Locale.ROOT, "%d/%d trials, %s", done, total, rate);
        }
        log.printf(Locale.ROOT, "%s, %s elapsed, ETA %s%n", line, duration(seconds), last ? "0 s" : duration(eta));
        log.flush();
    }

    /** A count with a unit prefix: 950, 12.3 k, 4.50 M. */
    static String count(double n) {
        if (n >= 1e9) {
            return String.format(Locale.ROOT, "%.2f G", n / 1e9);
        }
        if (n >= 1e6) {
            return String.format(Locale.ROOT, "%.2f M", n / 1e6);
        }
        if (n >= 1e4) {
            return String.format(Locale.ROOT, "%.1f k", n / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f", n);
    }

    /** Seconds below two minutes, then minutes, then hours and minutes; "?" while unknown. */
    static String duration(double seconds) {
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            return "?";
        }
        if (seconds < 120) {
            return String.format(Locale.ROOT, "%.0f s", seconds);
        }
        long minutes = Math.round(seconds / 60);
        return minutes < 120 ? minutes + " min" : minutes / 60 + " h " + minutes % 60 + " min";
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
