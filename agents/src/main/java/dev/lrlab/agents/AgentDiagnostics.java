package dev.lrlab.agents;

import dev.lrlab.agents.optim.StepSizeStats;

/**
 * What an agent measured over a stretch of training (usually an episode), for the runner to
 * record next to the returns.
 *
 * @param updates parameter updates made in the stretch
 * @param meanAbsTdError mean |TD error| (value-based agents, critics), NaN if none
 * @param meanPolicyLoss mean policy loss {@code -weight * log pi(a|s)} (policy-gradient agents), NaN if none
 * @param meanUpdateMagnitude mean norm of the change each update made to the parameters
 * @param meanRate mean base step size the updates used
 * @param stepSizes distribution of the optimizer's effective per-parameter step sizes at the last
 *     update, or null for agents without an optimizer
 */
public record AgentDiagnostics(long updates, double meanAbsTdError, double meanPolicyLoss,
        double meanUpdateMagnitude, double meanRate, StepSizeStats stepSizes) {
}
