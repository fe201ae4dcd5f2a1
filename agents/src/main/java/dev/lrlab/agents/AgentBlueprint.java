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
}
