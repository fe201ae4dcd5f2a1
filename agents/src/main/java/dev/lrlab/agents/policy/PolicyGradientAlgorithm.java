package dev.lrlab.agents.policy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The policy-gradient methods of Sutton &amp; Barto chapter 13. */
public enum PolicyGradientAlgorithm {
    /** Monte Carlo policy gradient (section 13.3). */
    REINFORCE("reinforce"),
    /** REINFORCE with a learned state-value baseline (section 13.4). */
    REINFORCE_BASELINE("reinforce-baseline"),
    /** One-step actor-critic (section 13.5). */
    ACTOR_CRITIC("actor-critic");

    private final String id;

    PolicyGradientAlgorithm(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<PolicyGradientAlgorithm> byId(String id) {
        return Arrays.stream(values()).filter(a -> a.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(PolicyGradientAlgorithm::id).toList();
    }
}
