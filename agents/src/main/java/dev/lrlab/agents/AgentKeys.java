package dev.lrlab.agents;

import dev.lrlab.env.registry.Key;
import dev.lrlab.env.registry.Parameters.Range;

/** Keys that several agent kinds share, so that they are named, bounded and documented alike. */
public final class AgentKeys {

    /** The discount; 0.99 unless given (the book's episodic examples use 1). */
    public static final Key GAMMA = Key.number("gamma", 0.99, Range.UNIT, "discount factor");
    public static final Key DIVERGENCE_BOUND = Key.number("divergence-bound", 1e10, Range.POSITIVE,
            "a value or TD error beyond this in magnitude ends the trial as diverged");
    public static final Key EXPLORATION = Key.kind("exploration", "exploration", "epsilon-greedy",
            "how actions are chosen while learning");
    public static final Key OPTIMIZER = Key.kind("optimizer", "optimizer", "sgd",
            "how gradients become updates, at the swept rate");
    public static final Key FEATURES = Key.kind("features", "feature map", "environment",
            "the binary features the values or preferences are linear in");

    private AgentKeys() {
    }
}
