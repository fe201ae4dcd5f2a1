package dev.lrlab.experiments.spec;

import dev.lrlab.agents.schedule.Clock;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A spec read once, validated, and turned into what runs: the setup of every point of the sweep
 * (agents x schedules x swept values) with its parsed environment, agent and schedule, and the
 * seeds each runs with. Trials are built from these parsed objects; nothing is read again.
 *
 * @param name the experiment's name (also the default output folder)
 * @param setups every (agent, schedule, point) of the sweep, in a fixed order
 * @param sweep the swept paths and the seeds
 * @param clock what the learning rate's schedule counts
 * @param budget training length per trial
 * @param evaluation greedy evaluation, or null
 * @param metricsEvery close a metrics interval every this many episodes (0: never)
 * @param output the run directory
 * @param masterSeed mixed with each trial's key to seed it
 * @param resolved the spec with every default filled in, for the manifest and resume checks
 * @param warnings what is valid but probably not meant, each a line for the user (with its key's path)
 * @param defaultsUsed the settings that change results and were left to their defaults, as
 *     {@code path = value} (they are in {@code resolved} too, and so in the manifest)
 * @param search the spec's search, or null for a grid sweep (the setups are then the check of the
 *     search's ranges, not its trials)
 */
public record ExperimentPlan(String name, List<TrialSetup> setups, Sweep sweep, Clock clock, Budget budget,
        EvaluationSpec evaluation, int metricsEvery, Path output, long masterSeed, Map<String, Object> resolved,
        List<String> warnings, List<String> defaultsUsed, SearchPlan search) {

    public ExperimentPlan {
        setups = List.copyOf(setups);
        warnings = List.copyOf(warnings);
        defaultsUsed = List.copyOf(defaultsUsed);
    }

    /** How many trials the sweep has. */
    public int trialCount() {
        return setups.size() * sweep.seeds().length;
    }

    /**
     * Whether the plan is a parameter study: agents that bring their own learning rate or sweep, each
     * over its own points (its resolved agents say so), rather than one grid for all.
     */
    public boolean isStudy() {
        return resolved.get("agents") instanceof List<?> agents && agents.stream().anyMatch(a -> a instanceof Map<?, ?> m
                && (m.containsKey("sweep") || m.containsKey("learning-rate")));
    }

    /** The agents' labels, in order. */
    public List<String> agentLabels() {
        return setups.stream().map(s -> s.agent().label()).distinct().toList();
    }

    /** The schedules' labels, in order. */
    public List<String> scheduleLabels() {
        return setups.stream().map(s -> s.schedule().label()).distinct().toList();
    }

    /** The environment's id. */
    public String environmentId() {
        return setups.get(0).environment().id();
    }
}
