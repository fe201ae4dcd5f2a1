package dev.lrlab.experiments.run;

import dev.lrlab.agents.Agent;
import dev.lrlab.agents.DivergedException;
import dev.lrlab.agents.EpisodeLoop;
import dev.lrlab.agents.LockStepAgent;
import dev.lrlab.agents.TabularValues;
import dev.lrlab.env.Environment;
import dev.lrlab.env.GridLayout;
import dev.lrlab.env.metrics.MetricLog;
import dev.lrlab.env.metrics.PublishesMetrics;
import dev.lrlab.env.metrics.Reduction;
import dev.lrlab.experiments.listen.Decision;
import dev.lrlab.experiments.listen.TrialListener;
import dev.lrlab.experiments.listen.TrialProgress;
import dev.lrlab.experiments.spec.ExperimentPlan;
import dev.lrlab.experiments.spec.TrialSetup;
import dev.lrlab.reports.results.Evaluation;
import dev.lrlab.reports.results.GridPolicy;
import dev.lrlab.reports.results.MetricSeries;
import dev.lrlab.reports.results.TrialError;
import dev.lrlab.reports.results.TrialRecord;
import dev.lrlab.reports.results.TrialStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Runs one trial to the end of its budget and returns its record: completed, diverged (with the
 * step and what diverged), failed (with the error), or stopped by a listener. Divergence and
 * failure end only this trial.
 */
public final class TrialRunner {

    /** Greedy episodes stop here when neither the environment nor the budget limits them. */
    private static final int EVALUATION_STEP_CAP = 10_000;
    /** The reason a search's rung gives the trials it stops at its budget. */
    public static final String RUNG_STOP = "stopped by the search at its rung's budget of ";
    /** Frames of a failure's stack kept in its record. */
    private static final int ERROR_FRAMES = 8;

    private final ExperimentPlan plan;
    private final List<TrialListener.Factory> listenerFactories;

    public TrialRunner(ExperimentPlan plan) {
        this(plan, List.of());
    }

    /** A runner that also gives each trial the listeners these factories make. */
    public TrialRunner(ExperimentPlan plan, List<TrialListener.Factory> listenerFactories) {
        this.plan = plan;
        this.listenerFactories = List.copyOf(listenerFactories);
    }

    /**
     * A trial's metric log with the runner's own metrics registered: the return and length of each
     * episode, and each evaluation's mean return when the plan evaluates. The record keeps these in
     * full elsewhere, so they are there for listeners, not recorded per interval.
     */
    static MetricLog runnerMetrics(ExperimentPlan plan) {
        MetricLog log = new MetricLog();
        log.registerLive("episode_return", Reduction.MEAN);
        log.registerLive("episode_length", Reduction.MEAN);
        if (plan.evaluation() != null) {
            log.registerLive("evaluation_return", Reduction.MEAN);
        }
        return log;
    }

    /** The metric a reduce-on-plateau schedule watches when its spec names none. */
    static String defaultMonitor(ExperimentPlan plan) {
        return plan.evaluation() != null ? "evaluation_return" : "episode_return";
    }

    /** Runs the trial; returns null if {@code cancelled} turned true before it finished. */
    public TrialRecord run(Trial trial, BooleanSupplier cancelled) {
        return run(trial, cancelled, agent -> { });
    }

    /**
     * Runs one trial and hands its agent, as training left it, to {@code trained} (whatever the
     * trial's status): what {@code play} and {@code trace} replay a run's greedy policy with.
     */
    public TrialRecord run(Trial trial, BooleanSupplier cancelled, java.util.function.Consumer<Agent> trained) {
        long started = System.nanoTime();
        TrialSetup setup = trial.setup();
        UniformRandomProvider trialRng = trial.generator(plan.masterSeed());
        long envSeed = trialRng.nextLong();
        long evalSeed = trialRng.nextLong();
        UniformRandomProvider agentRng = RandomSource.XO_RO_SHI_RO_128_PP.create(
                new long[] {trialRng.nextLong(), trialRng.nextLong()});

        Progress progress = new Progress(trial.budgetCap());
        TrialStatus status = TrialStatus.completed;
        Long divergedAt = null;
        Long stoppedAt = null;
        String reason = null;
        TrialError error = null;
        Environment env = setup.environment().create();
        Agent agent = null;
        boolean training = false;
        try {
            if (env.unwrapped() instanceof PublishesMetrics publisher) {
                publisher.publishTo(progress.metrics);
            }
            List<TrialListener> listeners = new ArrayList<>();
            agent = setup.agent().blueprint().create(env, RunnerContext.of(
                    setup.schedule().create(setup.learningRate()), agentRng, progress.metrics, listeners,
                    defaultMonitor(plan)));
            for (TrialListener.Factory f : listenerFactories) {
                listeners.add(f.create(trial));
            }
            Environment evalEnv = plan.evaluation() == null ? null : setup.environment().create();
            long budgetSteps = plan.budget().inSteps() ? plan.budget().steps() : Long.MAX_VALUE;
            int budgetEpisodes = plan.budget().inSteps() ? Integer.MAX_VALUE : plan.budget().episodes();
            if (trial.budgetCap() > 0) {
                // a rung of successive halving: the trial's own, smaller budget
                if (plan.budget().inSteps()) {
                    budgetSteps = Math.min(budgetSteps, trial.budgetCap());
                } else {
                    budgetEpisodes = (int) Math.min(budgetEpisodes, trial.budgetCap());
                }
            }
            Decision decision;
            if (agent instanceof LockStepAgent lockStep && lockStep.copies() > 1) {
                training = true; // its steps are counted as they are taken
                decision = trainLockStep(lockStep, env, setup, envSeed, evalEnv, evalSeed, budgetSteps, budgetEpisodes,
                        listeners, progress, cancelled);
                training = false;
                if (decision == null) {
                    return null;
                }
            } else {
                env.reset(envSeed);
                // the training loop: one episode at a time until the budget is spent or a listener stops it
                decision = Decision.CONTINUE;
                while (progress.episodes < budgetEpisodes && progress.steps < budgetSteps && !decision.stop()) {
                    if (cancelled.getAsBoolean()) {
                        return null;
                    }
                    if (progress.episodes > 0) {
                        env.reset();
                    }
                    training = true;
                    double g = EpisodeLoop.train(agent, env, budgetSteps - progress.steps);
                    training = false;
                    progress.steps += env.episodeSteps();
                    if (!env.episodeOver()) {
                        break; // the step budget ran out mid-episode: that episode is not recorded
                    }
                    decision = episodeEnded(g, env, evalEnv, evalSeed, agent, listeners, progress);
                }
            }
            if (decision.stop()) {
                status = TrialStatus.stopped;
                stoppedAt = progress.steps;
                reason = decision.reason();
            } else if (trial.budgetCap() > 0) {
                // a rung of a search: stopped by it at the rung's budget, its curve kept as far as it went
                status = TrialStatus.stopped;
                stoppedAt = progress.steps;
                reason = RUNG_STOP + trial.budgetCap() + (plan.budget().inSteps() ? " steps" : " episodes");
            }
        } catch (DivergedException e) {
            status = TrialStatus.diverged;
            divergedAt = e.step();
            reason = e.getMessage();
        } catch (RuntimeException | StackOverflowError e) {
            status = TrialStatus.failed;
            error = TrialError.of(e, ERROR_FRAMES);
            reason = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (OutOfMemoryError e) {
            // this trial alone outgrew the heap: its curves go, so that its record fits and the sweep goes on
            progress.discardCurves();
            status = TrialStatus.failed;
            error = TrialError.of(e, ERROR_FRAMES);
            reason = "OutOfMemoryError: " + e.getMessage() + " (the trial needed more memory than the heap had; its "
                    + "curves were dropped; give a smaller budget or more heap with LRLAB_JAVA_OPTS=-Xmx...)";
        }
        if (training && !(agent instanceof LockStepAgent lockStep && lockStep.copies() > 1)) {
            progress.steps += env.episodeSteps(); // the steps of the episode the trial ended in
        }
        if (agent != null) {
            trained.accept(agent);
        }
        if (status == TrialStatus.completed && progress.episodes > 0 && progress.truncated == progress.episodes) {
            // completed, but it never once reached the goal: say so, or the curve reads as a plateau
            reason = TrialRecord.TRUNCATED_EVERY_EPISODE + " (" + progress.episodes + " episodes, each cut at "
                    + progress.lengths[0] + " steps)";
        }
        double wall = (System.nanoTime() - started) / 1e9;
        return new TrialRecord(trial.key(), setup.environment().id(), setup.agent().label(),
                setup.schedule().label(), setup.learningRate(), trial.seed(), status, divergedAt, reason,
                progress.returns(), progress.lengths(), progress.steps, wall,
                plan.evaluation() == null ? null : progress.evaluations.toArray(new Evaluation[0]),
                null, status == TrialStatus.completed ? gridPolicy(agent, env) : null, setup.params(),
                progress.metricSeries(), stoppedAt, error);
    }

    /** Records a finished episode, asks the listeners, and evaluates when it is due. */
    private Decision episodeEnded(double g, Environment env, Environment evalEnv, long evalSeed, Agent agent,
            List<TrialListener> listeners, Progress progress) {
        if (env.truncated() && !env.terminated()) {
            progress.truncated++;
        }
        progress.episodeDone(g, env.episodeSteps());
        Decision decision = progress.decide(TrialListener.Boundary.EPISODE, listeners);
        if (evalEnv != null && progress.episodes % plan.evaluation().every() == 0) {
            double mean = evaluate(agent, evalEnv, evalSeed, progress.evaluations.isEmpty());
            progress.evaluated(mean, plan.evaluation().episodes());
            decision = decision.stop() ? decision : progress.decide(TrialListener.Boundary.EVALUATION, listeners);
        }
        return decision;
    }

    /**
     * Trains an agent that acts in several copies of the environment at once, stepped in lock-step
     * in this thread: copy 0 is {@code env}, seeded as a single-copy trial's, the others from seeds
     * drawn from it. The budget counts every copy's steps; episodes are recorded in the order they
     * end (copies in order within a step). Returns null when cancelled.
     */
    private Decision trainLockStep(LockStepAgent agent, Environment env, TrialSetup setup, long envSeed,
            Environment evalEnv, long evalSeed, long budgetSteps, int budgetEpisodes, List<TrialListener> listeners,
            Progress progress, BooleanSupplier cancelled) {
        int n = agent.copies();
        Environment[] envs = new Environment[n];
        double[] returns = new double[n];
        int[] actions = new int[n];
        UniformRandomProvider seeds = RandomSource.SPLIT_MIX_64.create(envSeed);
        for (int i = 0; i < n; i++) {
            envs[i] = i == 0 ? env : setup.environment().create();
            envs[i].reset(i == 0 ? envSeed : seeds.nextLong());
            if (i > 0 && envs[i].unwrapped() instanceof PublishesMetrics publisher) {
                publisher.publishTo(progress.metrics); // every copy's episodes count, so do its events
            }
        }
        agent.act(envs, actions);
        Decision decision = Decision.CONTINUE;
        while (progress.episodes < budgetEpisodes && progress.steps < budgetSteps && !decision.stop()) {
            if (cancelled.getAsBoolean()) {
                return null;
            }
            for (int i = 0; i < n; i++) {
                double r = envs[i].step(actions[i]);
                returns[i] += r;
                agent.observe(i, r, envs[i]);
            }
            progress.steps += n;
            for (int i = 0; i < n && !decision.stop() && progress.episodes < budgetEpisodes; i++) {
                if (envs[i].episodeOver()) {
                    decision = episodeEnded(returns[i], envs[i], evalEnv, evalSeed, agent, listeners, progress);
                    returns[i] = 0;
                    envs[i].reset();
                }
            }
            if (progress.episodes < budgetEpisodes && progress.steps < budgetSteps && !decision.stop()) {
                agent.act(envs, actions);
            }
        }
        return decision;
    }

    private double evaluate(Agent agent, Environment env, long seed, boolean first) {
        int cap = env.timeLimit() > 0 ? env.timeLimit() : EVALUATION_STEP_CAP;
        double sum = 0;
        for (int i = 0; i < plan.evaluation().episodes(); i++) {
            if (first && i == 0) {
                env.reset(seed);
            } else {
                env.reset();
            }
            sum += EpisodeLoop.evaluate(agent, env, cap);
        }
        return sum / plan.evaluation().episodes();
    }

    private static GridPolicy gridPolicy(Agent agent, Environment env) {
        if (!(agent instanceof TabularValues table) || !(env.unwrapped() instanceof GridLayout grid)) {
            return null;
        }
        int[] policy = table.greedyPolicy();
        String[] glyphs = new String[policy.length];
        for (int s = 0; s < policy.length; s++) {
            glyphs[s] = grid.actionGlyph(policy[s]);
        }
        return new GridPolicy(grid.mapRows().toArray(new String[0]), glyphs, table.stateValues());
    }

    /** The most episodes a trial's curves are allocated for up front; longer ones grow from there. */
    private static final int MOST_EPISODES_RESERVED = 1 << 16;

    /** What a trial has produced so far; what its listeners see. */
    private final class Progress implements TrialProgress {
        final List<Evaluation> evaluations = new ArrayList<>();
        final MetricLog metrics = runnerMetrics(plan);
        private final int returnMetric = metrics.id("episode_return");
        private final int lengthMetric = metrics.id("episode_length");
        private final int evaluationMetric = metrics.id("evaluation_return");
        long steps;
        private double[] returns;
        private int[] lengths;
        private int episodes;

        Progress(long budgetCap) {
            // a budget in episodes says how long the curves get: allocated once, not grown by doubling
            int expected = 64;
            if (!plan.budget().inSteps()) {
                long episodesPlanned = budgetCap > 0 ? Math.min(budgetCap, plan.budget().episodes()) : plan.budget().episodes();
                expected = (int) Math.max(1, Math.min(episodesPlanned, MOST_EPISODES_RESERVED));
                if (plan.metricsEvery() > 0) {
                    metrics.expectIntervals(expected / plan.metricsEvery() + 1);
                }
            }
            returns = new double[expected];
            lengths = new int[expected];
        }

        @Override
        public int episodes() {
            return episodes;
        }

        @Override
        public long steps() {
            return steps;
        }

        @Override
        public MetricLog metrics() {
            return metrics;
        }

        /** Episodes cut by a time limit rather than ended by the environment. */
        int truncated;

        void episodeDone(double g, int length) {
            if (episodes == returns.length) {
                returns = Arrays.copyOf(returns, Math.max(16, episodes * 2));
                lengths = Arrays.copyOf(lengths, Math.max(16, episodes * 2));
            }
            returns[episodes] = g;
            lengths[episodes] = length;
            episodes++;
            metrics.add(returnMetric, g);
            metrics.add(lengthMetric, length);
            int every = plan.metricsEvery();
            if (every > 0 && episodes % every == 0) {
                metrics.closeInterval(episodes, steps, every);
            }
        }

        void evaluated(double mean, int count) {
            evaluations.add(new Evaluation(episodes, steps, mean, count));
            metrics.add(evaluationMetric, mean);
        }

        Decision decide(TrialListener.Boundary boundary, List<TrialListener> listeners) {
            for (TrialListener listener : listeners) {
                Decision d = listener.at(boundary, this);
                if (d.stop()) {
                    return d;
                }
            }
            return Decision.CONTINUE;
        }

        /** Drops the curves (after an OutOfMemoryError), keeping the count of steps. */
        void discardCurves() {
            returns = new double[0];
            lengths = new int[0];
            episodes = 0;
        }

        double[] returns() {
            return Arrays.copyOf(returns, episodes);
        }

        int[] lengths() {
            return Arrays.copyOf(lengths, episodes);
        }

        MetricSeries metricSeries() {
            if (plan.metricsEvery() == 0 || metrics.intervals() == 0) {
                return null;
            }
            return new MetricSeries(plan.metricsEvery(), metrics.intervalEpisodes(), metrics.intervalSteps(),
                    metrics.recordedSeries());
        }
    }
}
