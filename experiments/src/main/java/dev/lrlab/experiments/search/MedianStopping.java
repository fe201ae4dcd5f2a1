package dev.lrlab.experiments.search;

import dev.lrlab.env.metrics.MetricLog;
import dev.lrlab.experiments.listen.Decision;
import dev.lrlab.experiments.listen.TrialListener;
import dev.lrlab.experiments.listen.TrialProgress;
import java.util.Locale;

/**
 * The median-stopping rule (Golovin et al. 2017, Google Vizier): after a grace period, a trial
 * whose running mean return is worse than the median of earlier configurations' running means at
 * the same episode is stopped. The medians are fixed before the trial starts.
 */
final class MedianStopping implements TrialListener {

    /** The reason a stopped trial carries; a configuration with such a trial is never the pick. */
    static final String REASON = "stopped by the median rule";

    private final double[] median;
    private final int after;
    private final boolean maximise;
    private int returnId = -1;
    private double sum;

    MedianStopping(double[] median, int after, boolean maximise) {
        this.median = median;
        this.after = after;
        this.maximise = maximise;
    }

    @Override
    public Decision at(Boundary boundary, TrialProgress progress) {
        if (boundary != Boundary.EPISODE) {
            return Decision.CONTINUE;
        }
        MetricLog log = progress.metrics();
        if (returnId < 0) {
            returnId = log.id("episode_return");
        }
        sum += log.latest(returnId);
        int n = progress.episodes();
        if (n < after || n > median.length) {
            return Decision.CONTINUE;
        }
        double mean = sum / n;
        double reference = median[n - 1];
        if (maximise ? mean < reference : mean > reference) {
            return Decision.stop(String.format(Locale.ROOT, "%s at episode %d: running mean return %.4g, the median "
                    + "of earlier configurations %.4g", REASON, n, mean, reference));
        }
        return Decision.CONTINUE;
    }
}
