package dev.lrlab.agents;

/**
 * An agent's values became non-finite or left their bound: the trial ends as {@code diverged},
 * which is a result (the step size was too large), not a crash.
 */
public final class DivergedException extends RuntimeException {

    private final long step;

    public DivergedException(long step, String cause) {
        super(cause + " at step " + step);
        this.step = step;
    }

    /** The environment step (counted over the trial) at which divergence was detected. */
    public long step() {
        return step;
    }

    /**
     * Whether {@code value} is non-finite or beyond {@code bound} in magnitude. Callers test this
     * first and only then build the message, so that the hot path allocates nothing.
     */
    public static boolean beyond(double value, double bound) {
        return !(Math.abs(value) <= bound);
    }

    /** The exception for a value that {@link #beyond} flagged, saying what it was. */
    public static DivergedException of(double value, double bound, long step, String what) {
        return new DivergedException(step, Double.isNaN(value) ? what + " is NaN"
                : Double.isInfinite(value) ? what + " is infinite"
                : what + " = " + value + " exceeds the bound " + bound);
    }
}
