package dev.lrlab.experiments.spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A validated experiment: what to sweep (agents x schedules x learning rates x seeds), on which
 * environment, for how long, and where the results go.
 *
 * @param name the experiment's name (also the default output folder)
 * @param environment the environment
 * @param agents the agents to compare
 * @param schedules the step-size schedules to compare
 * @param learningRates the swept base rates
 * @param seeds the trial seeds
 * @param budget training length per trial
 * @param evaluation greedy evaluation, or null
 * @param diagnosticsEvery record the agent's diagnostics every this many episodes (0: never)
 * @param output the run directory
 * @param masterSeed mixed with each trial's key to seed it
 * @param resolved the spec with every default filled in, for the manifest and resume checks
 */
public record ExperimentSpec(String name, EnvironmentChoice environment, List<AgentChoice> agents,
        List<ScheduleChoice> schedules, double[] learningRates, long[] seeds, Budget budget,
        EvaluationSpec evaluation, int diagnosticsEvery, Path output, long masterSeed,
        Map<String, Object> resolved) {

    /** How many trials the sweep has. */
    public int trialCount() {
        return agents.size() * schedules.size() * learningRates.length * seeds.length;
    }
}
