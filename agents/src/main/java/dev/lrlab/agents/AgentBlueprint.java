package dev.lrlab.agents;

import dev.lrlab.env.Environment;

/** An agent read from a spec and validated: builds a fresh agent for each trial. */
@FunctionalInterface
public interface AgentBlueprint {

    /** A fresh agent for {@code env}, drawing what it needs (rates, randomness, a metric sink) from the trial. */
    Agent create(Environment env, TrialContext context);

    /**
     * What the swept learning rate means for this agent when it is not the plain step size (tile
     * coding divides it among the tilings), for reports' axis labels; "" otherwise.
     */
    default String rateNote() {
        return "";
    }

    /**
     * The most heap one agent of this blueprint holds while it learns in an environment with
     * these observations and actions (a replay buffer, networks and optimizer state), for the
     * memory check before a run; 0 when it is small.
     */
    default long workingBytes(dev.lrlab.env.ObservationSpace space, int actions) {
        return 0;
    }
}
