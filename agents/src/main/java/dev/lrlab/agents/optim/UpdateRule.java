package dev.lrlab.agents.optim;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The update rules of lrlab's built-in optimizers, under the names a spec uses; each is registered
 * as an {@link OptimizerKind} by {@link BuiltInOptimizers}.
 */
public enum UpdateRule {
    /** w -= rate * g. */
    SGD("sgd"),
    /** Heavy-ball momentum, PyTorch's SGD(momentum=mu). */
    MOMENTUM("momentum"),
    /** PyTorch's SGD(momentum=mu, nesterov=True). */
    NESTEROV("nesterov"),
    /** PyTorch's RMSprop, plain or centered. */
    RMSPROP("rmsprop"),
    /** PyTorch's Adam. */
    ADAM("adam"),
    /** PyTorch's AdamW: Adam with decoupled weight decay. */
    ADAMW("adamw"),
    /** PyTorch's Adagrad. */
    ADAGRAD("adagrad");

    private final String id;

    UpdateRule(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<UpdateRule> byId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(UpdateRule::id).toList();
    }
}
