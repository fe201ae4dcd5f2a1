package dev.lrlab.agents.tabular;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Which bootstrap target a temporal-difference agent learns toward. */
public enum TdRule {
    /** r + gamma max_a' Q(s', a'): off-policy, learns the greedy policy's values. */
    Q_LEARNING("q-learning"),
    /** r + gamma Q(s', a') for the action actually chosen next: on-policy. */
    SARSA("sarsa"),
    /** r + gamma E_pi[Q(s', A')] under the exploring policy. */
    EXPECTED_SARSA("expected-sarsa"),
    /** Two tables, each evaluating the other's greedy action (van Hasselt 2010). */
    DOUBLE_Q_LEARNING("double-q-learning");

    private final String id;

    TdRule(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<TdRule> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(TdRule::id).toList();
    }
}
