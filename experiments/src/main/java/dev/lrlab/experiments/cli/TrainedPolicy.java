package dev.lrlab.experiments.cli;

import dev.lrlab.agents.Agent;
import dev.lrlab.agents.Registries;
import dev.lrlab.env.Environment;
import dev.lrlab.experiments.run.Trial;
import dev.lrlab.experiments.run.TrialRunner;
import dev.lrlab.experiments.spec.ExperimentPlan;
import dev.lrlab.experiments.spec.SpecException;
import dev.lrlab.experiments.spec.SpecReader;
import dev.lrlab.reports.ReportException;
import dev.lrlab.reports.RunData;
import dev.lrlab.reports.results.TrialRecord;
import dev.lrlab.reports.results.TrialStatus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trial of a run directory trained again, so that {@code play} and {@code trace} can follow its
 * greedy policy. Runs keep returns, not agents; but a trial's result is a function of its spec and
 * key alone, so training it again gives the same agent, and the recorded returns prove it.
 *
 * @param record the trial as the run recorded it
 * @param agent the agent as its training left it
 * @param environment a fresh environment with the run's settings, to play in
 */
record TrainedPolicy(TrialRecord record, Agent agent, Environment environment) {

    /**
     * Trains a run's trial again: the one with {@code key}, or else the best trial (highest mean
     * return over its last tenth of episodes) of the best cell (agent, schedule and point, by the
     * same mean over its seeds), among the agents labelled {@code agentLabel} when it is given.
     */
    static TrainedPolicy of(Path dir, String key, String agentLabel, PrintWriter log) {
        RunData run;
        try {
            run = RunData.load(dir);
        } catch (ReportException e) {
            throw new UserInputException("--run: " + e.getMessage());
        }
        if (run.manifest() == null || run.manifest().spec() == null) {
            throw new UserInputException("--run: " + dir + " has no manifest.json with its spec, so its trials cannot be "
                    + "trained again");
        }
        List<TrialRecord> trials;
        try {
            trials = run.trials();
        } catch (java.io.IOException e) {
            throw new UserInputException("--run: cannot read the trials of " + dir + ": " + e.getMessage());
        }
        TrialRecord chosen = key != null ? byKey(trials, key) : best(trials, agentLabel);
        ExperimentPlan plan;
        try {
            plan = SpecReader.of(Registries.load()).parse(run.manifest().spec().toString(),
                    dir.resolve("manifest.json").toString());
        } catch (SpecException e) {
            throw new UserInputException("--run: the spec in " + dir.resolve("manifest.json") + " no longer reads: "
                    + e.getMessage());
        }
        Trial trial = Trial.all(plan).stream().filter(t -> t.key().equals(chosen.key())).findFirst()
                .orElseThrow(() -> new UserInputException("--run: the run's spec no longer gives trial " + chosen.key()
                        + " (this lrlab reads the spec differently from the one that ran it)"));
        log.printf("training trial %s again (%s, %s, seed %d: %,d steps) to follow its greedy policy%n", chosen.key(),
                chosen.agent(), pointOf(chosen), chosen.seed(), chosen.steps());
        log.flush();
        Agent[] agent = new Agent[1];
        TrialRecord again = new TrialRunner(plan).run(trial, () -> false, a -> agent[0] = a);
        if (!Arrays.equals(again.returns(), chosen.returns()) || again.status() != chosen.status()) {
            int at = Arrays.mismatch(again.returns(), chosen.returns());
            throw new UserInputException("--run: training trial " + chosen.key() + " again did not give its recorded "
                    + "returns (first difference at episode " + at + "); the run was made by "
                    + run.manifest().lrlabVersion() + (run.manifest().gitCommit() == null ? ""
                    : " at commit " + run.manifest().gitCommit()) + ", and its policy cannot be replayed by this lrlab");
        }
        return new TrainedPolicy(chosen, agent[0], trial.setup().environment().create());
    }

    private static TrialRecord byKey(List<TrialRecord> trials, String key) {
        return trials.stream().filter(t -> t.key().equals(key)).findFirst().orElseThrow(() ->
                new UserInputException("--trial " + key + ": no such trial in the run (`lrlab export RUN` "
                        + "lists every trial with its key)"));
    }

    private static TrialRecord best(List<TrialRecord> trials, String agentLabel) {
        List<TrialRecord> candidates = trials.stream()
                .filter(t -> t.status() == TrialStatus.completed && t.returns().length > 0)
                .filter(t -> agentLabel == null || t.agent().equals(agentLabel)).toList();
        if (candidates.isEmpty()) {
            throw new UserInputException(agentLabel == null ? "--run: no trial of the run completed"
                    : "--agent " + agentLabel + ": no completed trial of that agent; the run's agents: "
                            + String.join(", ", trials.stream().map(TrialRecord::agent).distinct().toList()));
        }
        Map<String, List<TrialRecord>> cells = new LinkedHashMap<>();
        for (TrialRecord t : candidates) {
            cells.computeIfAbsent(t.agent() + " / " + t.schedule() + " / " + pointOf(t), k -> new java.util.ArrayList<>())
                    .add(t);
        }
        List<TrialRecord> bestCell = cells.values().stream().max(Comparator.comparingDouble(
                cell -> cell.stream().mapToDouble(TrainedPolicy::lateReturn).average().orElse(Double.NEGATIVE_INFINITY)))
                .orElseThrow();
        return bestCell.stream().max(Comparator.comparingDouble(TrainedPolicy::lateReturn)
                .thenComparing(Comparator.comparingLong(TrialRecord::seed).reversed())).orElseThrow();
    }

    /** The mean return over the trial's last tenth of episodes. */
    private static double lateReturn(TrialRecord t) {
        double[] r = t.returns();
        int n = Math.max(1, r.length / 10);
        return Arrays.stream(r, r.length - n, r.length).average().orElse(Double.NEGATIVE_INFINITY);
    }

    private static String pointOf(TrialRecord t) {
        return t.params() == null || t.params().isEmpty() ? "alpha = " + t.learningRate() : t.params().toString();
    }
}
