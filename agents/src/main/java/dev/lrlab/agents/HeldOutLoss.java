package dev.lrlab.agents;

import dev.lrlab.env.Environment;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * An optional ability, what the learning-rate range test measures: a loss on data held out from
 * training, recorded once from an environment under a uniformly random policy (the same for every
 * agent and every rate, so that losses at different rates compare) and then frozen. The loss is
 * evaluated with the agent's parameters as they are when asked.
 */
public interface HeldOutLoss {

    /** Records about {@code steps} steps of {@code env} under a random policy, as this agent encodes them. */
    HeldOut holdOut(Environment env, int steps, UniformRandomProvider rng);

    /** Held-out data bound to the agent that recorded it. */
    @FunctionalInterface
    interface HeldOut {
        /** The loss on the data with the agent's current parameters. */
        double loss();
    }

    /** What the loss is, for figures and files ("mean squared TD error on held-out transitions"). */
    String lossName();
}
