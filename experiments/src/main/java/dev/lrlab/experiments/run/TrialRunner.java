package dev.lrlab.experiments.run;

import dev.lrlab.agents.Agent;
import dev.lrlab.agents.AgentDiagnostics;
import dev.lrlab.agents.DivergedException;
import dev.lrlab.agents.EpisodeLoop;
import dev.lrlab.agents.schedule.ScheduleKinds;
import dev.lrlab.agents.tabular.TabularAgent;
import dev.lrlab.env.Environment;
import dev.lrlab.env.TimeLimit;
import dev.lrlab.env.gridworld.Gridworld;
import dev.lrlab.experiments.spec.ExperimentSpec;
import dev.lrlab.reports.results.Diagnostics;
import dev.lrlab.reports.results.Evaluation;
import dev.lrlab.reports.results.GridPolicy;
import dev.lrlab.reports.results.TrialRecord;
import dev.lrlab.reports.results.TrialStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Runs one trial to the end of its budget and returns its record: completed, diverged (with the
 * step and what diverged), or failed (with the error). Divergence and failure end only this trial.
 */
public final class TrialRunner {

    /** Greedy episodes stop here when neither the environment nor the budget limits them. */
    private static final int EVALUATION_STEP_CAP = 10_000;

    private final ExperimentSpec spec;
    private final ScheduleKinds kinds;

    public TrialRunner(ExperimentSpec spec, ScheduleKinds kinds) {
        this.spec = spec;
        this.kinds = kinds;
    }

    /** Runs the trial; returns null if {@code cancelled} turned true before it finished. */
    public TrialRecord run(Trial trial, BooleanSupplier cancelled) {
        long started = System.nanoTime();
        UniformRandomProvider trialRng = trial.generator(spec.masterSeed());
        long envSeed = trialRng.nextLong();
        long evalSeed = trialRng.nextLong();
        UniformRandomProvider agentRng = RandomSource.XO_RO_SHI_RO_128_PP.create(
                new long[] {trialRng.nextLong(), trialRng.nextLong()});

        Progress progress = new Progress(spec);
        TrialStatus status = TrialStatus.completed;
        Long divergedAt = null;
        String reason = null;
        Environment env = spec.environment().create();
        Agent agent = null;
        try {
            agent = trial.agent().blueprint().create(env,
                    trial.schedule().create(kinds, trial.learningRate()), trial.learningRate(), agentRng);
            Environment evalEnv = spec.evaluation() == null ? null : spec.environment().create();
            long budgetSteps = spec.budget().inSteps() ? spec.budget().steps() : Long.MAX_VALUE;
            int budgetEpisodes = spec.budget().inSteps() ? Integer.MAX_VALUE : spec.budget().episodes();
            env.reset(envSeed);
            // the training loop: one episode at a time until the budget is spent
            while (progress.episodes() < budgetEpisodes && progress.steps < budgetSteps) {
                if (cancelled.getAsBoolean()) {
                    return null;
                }
                if (progress.episodes() > 0) {
                    env.reset();
                }
                double g = EpisodeLoop.train(agent, env, budgetSteps - progress.steps);
                progress.steps += env.episodeSteps();
                if (!env.episodeOver()) {
                    break; // the step budget ran out mid-episode: that episode is not recorded
                }
                progress.episodeDone(g, env.episodeSteps());
                if (spec.diagnosticsEvery() > 0 && progress.episodes() % spec.diagnosticsEvery() == 0) {
                    progress.diagnostics(agent.takeDiagnostics());
                }
                if (evalEnv != null && progress.episodes() % spec.evaluation().every() == 0) {
                    double mean = evaluate(agent, evalEnv, evalSeed, progress.evaluations.isEmpty());
                    progress.evaluations.add(new Evaluation(progress.episodes(), progress.steps, mean,
                            spec.evaluation().episodes()));
                    agent.observeMetric(mean);
                } else if (evalEnv == null) {
                    agent.observeMetric(g);
                }
            }
        } catch (DivergedException e) {
            status = TrialStatus.diverged;
            divergedAt = e.step();
            reason = e.getMessage();
        } catch (RuntimeException | StackOverflowError e) {
            status = TrialStatus.failed;
            reason = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        double wall = (System.nanoTime() - started) / 1e9;
        return new TrialRecord(trial.key(), spec.environment().id(), trial.agent().label(),
                trial.schedule().label(), trial.learningRate(), trial.seed(), status, divergedAt, reason,
                progress.returns(), progress.lengths(), progress.steps, wall,
                spec.evaluation() == null ? null : progress.evaluations.toArray(new Evaluation[0]),
                progress.diagnosticsRecord(), status == TrialStatus.completed ? gridPolicy(agent, env) : null);
    }

    private double evaluate(Agent agent, Environment env, long seed, boolean first) {
        int cap = env.timeLimit() > 0 ? env.timeLimit() : EVALUATION_STEP_CAP;
        double sum = 0;
        for (int i = 0; i < spec.evaluation().episodes(); i++) {
            if (first && i == 0) {
                env.reset(seed);
            } else {
                env.reset();
            }
            sum += EpisodeLoop.evaluate(agent, env, cap);
        }
        return sum / spec.evaluation().episodes();
    }

    private static GridPolicy gridPolicy(Agent agent, Environment env) {
        Environment inner = env instanceof TimeLimit t ? t.inner() : env;
        if (!(agent instanceof TabularAgent tabular) || !(inner instanceof Gridworld world)) {
            return null;
        }
        int[] policy = tabular.greedyPolicy();
        String[] glyphs = new String[policy.length];
        for (int s = 0; s < policy.length; s++) {
            glyphs[s] = world.spec().moves().get(policy[s]).glyph();
        }
        return new GridPolicy(world.spec().rows().toArray(new String[0]), glyphs, tabular.stateValues());
    }

    /** What a trial has produced so far. */
    private static final class Progress {
        final List<Evaluation> evaluations = new ArrayList<>();
        final int diagnosticsEvery;
        long steps;
        private double[] returns = new double[64];
        private int[] lengths = new int[64];
        private int episodes;
        private final List<AgentDiagnostics> diagnostics = new ArrayList<>();

        Progress(ExperimentSpec spec) {
            this.diagnosticsEvery = spec.diagnosticsEvery();
        }

        int episodes() {
            return episodes;
        }

        void episodeDone(double g, int length) {
            if (episodes == returns.length) {
                returns = java.util.Arrays.copyOf(returns, episodes * 2);
                lengths = java.util.Arrays.copyOf(lengths, episodes * 2);
            }
            returns[episodes] = g;
            lengths[episodes] = length;
            episodes++;
        }

        void diagnostics(AgentDiagnostics d) {
            diagnostics.add(d);
        }

        double[] returns() {
            return java.util.Arrays.copyOf(returns, episodes);
        }

        int[] lengths() {
            return java.util.Arrays.copyOf(lengths, episodes);
        }

        Diagnostics diagnosticsRecord() {
            if (diagnosticsEvery == 0 || diagnostics.isEmpty()) {
                return null;
            }
            int n = diagnostics.size();
            int[] episode = new int[n];
            double[][] columns = new double[8][n];
            for (int i = 0; i < n; i++) {
                AgentDiagnostics d = diagnostics.get(i);
                episode[i] = (i + 1) * diagnosticsEvery;
                columns[0][i] = d.meanAbsTdError();
                columns[1][i] = d.meanPolicyLoss();
                columns[2][i] = d.meanUpdateMagnitude();
                columns[3][i] = d.meanRate();
                columns[4][i] = d.stepSizes() == null ? Double.NaN : d.stepSizes().p5();
                columns[5][i] = d.stepSizes() == null ? Double.NaN : d.stepSizes().p50();
                columns[6][i] = d.stepSizes() == null ? Double.NaN : d.stepSizes().p95();
                columns[7][i] = d.stepSizes() == null ? Double.NaN : d.stepSizes().updateToParamRatio();
            }
            return new Diagnostics(diagnosticsEvery, episode, columns[0], columns[1], columns[2], columns[3],
                    columns[4], columns[5], columns[6], columns[7]);
        }
    }
}
