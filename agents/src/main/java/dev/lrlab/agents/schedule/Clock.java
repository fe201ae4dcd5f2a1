package dev.lrlab.agents.schedule;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a schedule's t counts. Every clock counts the events before the current one, so the first
 * update sees t = 0. With {@link #VISITS}, t is the number of earlier updates of the same
 * (state, action) pair, so {@code inverse-time} with decay 1 and power omega gives the classic
 * alpha0 / N(s, a)^omega (omega = 1: the sample average).
 */
public enum Clock {
    /** Environment steps taken in the trial so far. */
    STEPS("steps"),
    /** Episodes finished in the trial so far. */
    EPISODES("episodes"),
    /** Parameter updates made so far. */
    UPDATES("updates"),
    /** Earlier updates of the same (state, action) pair; tabular agents only. */
    VISITS("visits");

    private final String id;

    Clock(String id) {
        this.id = id;
    }

    /** The name a spec uses. */
    public String id() {
        return id;
    }

    public static Optional<Clock> byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }
}
