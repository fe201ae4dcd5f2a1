package dev.lrlab.agents.schedule;

/**
 * PyTorch's ReduceLROnPlateau (with a relative threshold that also works for negative metrics):
 * multiplies the rate by {@code factor} when a monitored metric (fed
 * through {@link #observe(double)}, for example an evaluation return) has not improved for more
 * than {@code patience} checks. The one schedule that is not a pure function of its clock: its
 * state is a {@link State} value that can be saved and restored. Which metric it watches is named
 * in its {@link Settings}; the trial runner feeds it, wherever the schedule is nested.
 */
public final class ReduceOnPlateau implements StepSizeSchedule {

    /** Whether a larger metric is better (returns) or a smaller one (losses). */
    public enum Mode { MAX, MIN }

    /** Whether the improvement threshold is relative to the best value or absolute. */
    public enum ThresholdMode { REL, ABS }

    /**
     * The settings, with PyTorch's defaults except the mode (returns are maximised).
     *
     * @param monitor the metric watched, by name (such as {@code evaluation_return}), or null for
     *     the runner's default: the evaluation return when the spec evaluates, else the episode return
     */
    public record Settings(Mode mode, double factor, int patience, double threshold,
            ThresholdMode thresholdMode, int cooldown, double minRate, String monitor) {

        public static final Settings DEFAULTS =
                new Settings(Mode.MAX, 0.1, 10, 1e-4, ThresholdMode.REL, 0, 0, null);

        public Settings {
            if (!(factor > 0 && factor < 1)) {
                throw new IllegalArgumentException("factor must be in (0, 1), was " + factor);
            }
            if (patience < 0 || cooldown < 0) {
                throw new IllegalArgumentException("patience and cooldown must be >= 0");
            }
            Check.nonNegative("threshold", threshold);
            Check.nonNegative("min-lr", minRate);
        }
    }

    /**
     * Everything that changes as metrics arrive.
     *
     * @param rate the current rate
     * @param best the best metric so far (NaN before the first)
     * @param badChecks checks since the last improvement
     * @param cooldownLeft checks left before bad checks count again
     */
    public record State(double rate, double best, int badChecks, int cooldownLeft) {
    }

    private final double base;
    private final Settings settings;
    private State state;

    private ReduceOnPlateau(double base, Settings settings, State state) {
        this.base = base;
        this.settings = settings;
        this.state = state;
    }

    public static ReduceOnPlateau of(double base, Settings settings) {
        Check.nonNegative("base rate", base);
        java.util.Objects.requireNonNull(settings, "settings");
        return new ReduceOnPlateau(base, settings, new State(base, Double.NaN, 0, 0));
    }

    public double base() {
        return base;
    }

    public Settings settings() {
        return settings;
    }

    /** The current rate, whatever t is. */
    @Override
    public double rate(long t) {
        return state.rate;
    }

    /** Feeds one check of the monitored metric. */
    public void observe(double metric) {
        double best = state.best;
        int bad = state.badChecks;
        int cooldown = state.cooldownLeft;
        double rate = state.rate;
        if (Double.isNaN(best) || isBetter(metric, best)) {
            best = metric;
            bad = 0;
        } else {
            bad++;
        }
        if (cooldown > 0) {
            cooldown--;
            bad = 0;
        }
        if (bad > settings.patience()) {
            rate = Math.max(rate * settings.factor(), settings.minRate());
            cooldown = settings.cooldown();
            bad = 0;
        }
        state = new State(rate, best, bad, cooldown);
    }

    /**
     * Whether a metric improves on the best by more than the threshold. A relative threshold is
     * taken of |best|: PyTorch's {@code best * (1 + threshold)} counts an unchanged metric as an
     * improvement whenever the best is negative, as returns often are, and would never reduce.
     */
    private boolean isBetter(double metric, double best) {
        double margin = settings.thresholdMode() == ThresholdMode.REL
                ? Math.abs(best) * settings.threshold() : settings.threshold();
        return settings.mode() == Mode.MAX ? metric > best + margin : metric < best - margin;
    }

    /** The state, to save with a checkpoint. */
    public State state() {
        return state;
    }

    /** Restores a saved state. */
    public void restore(State saved) {
        this.state = saved;
    }
}
