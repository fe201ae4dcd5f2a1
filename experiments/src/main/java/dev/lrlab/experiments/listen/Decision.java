package dev.lrlab.experiments.listen;

/**
 * What a {@link TrialListener} says at a boundary: go on, or stop with a reason.
 *
 * @param stop whether the trial stops here
 * @param reason why, for the record (null when it goes on)
 */
public record Decision(boolean stop, String reason) {

    /** Go on. */
    public static final Decision CONTINUE = new Decision(false, null);

    /** Stop, saying why. */
    public static Decision stop(String reason) {
        return new Decision(true, reason);
    }
}
