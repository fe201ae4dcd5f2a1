package dev.lrlab.agents.optim;

/** An optimizer read from a spec: builds a fresh one for each parameter vector of each trial. */
@FunctionalInterface
public interface OptimizerBlueprint {

    /** A new optimizer for a parameter vector of {@code size} entries. */
    Optimizer create(int size);
}
