package dev.lrlab.agents.policy;

import dev.lrlab.agents.Agent;
import dev.lrlab.agents.DivergedException;
import dev.lrlab.agents.features.FeatureMap;
import dev.lrlab.agents.optim.Optimizer;
import dev.lrlab.env.Environment;
import dev.lrlab.env.metrics.MetricSink;
import dev.lrlab.env.metrics.Reduction;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * REINFORCE, REINFORCE with baseline, and one-step actor-critic (Sutton &amp; Barto sections
 * 13.3-13.5) with a softmax policy linear in binary features. Parameter updates go through
 * {@link Optimizer}s, so the book's SGD updates and Adam or RMSprop are one setting apart.
 *
 * <p>REINFORCE updates once per time step of the finished episode, in order, as the book's
 * pseudocode does; actor-critic updates after every step.
 *
 * <p>Metrics: {@code policy_loss}, {@code policy_entropy} (of the acting policy, per step),
 * {@code step_size} (the actor's), the actor optimizer's; with a baseline or critic also
 * {@code abs_td_error} (the critic's delta), {@code critic_step_size} and the critic optimizer's
 * under {@code critic_}.
 */
public final class PolicyGradientAgent implements Agent, dev.lrlab.agents.HeldOutLoss {

    private final PolicyGradientConfig config;
    private final FeatureMap features;
    private final UniformRandomProvider rng;
    private final SoftmaxPolicy policy;
    private final Optimizer actor;
    private final double[] actorGradient;
    /** State values v(s) = w . x(s), for the baseline or critic. */
    private final double[] w;
    private final Optimizer critic;
    private final double[] criticGradient;
    private final int[] touched;
    private final int[] x;
    private final EpisodeBuffer episode;
    private final double rateScale;
    private final MetricSink metrics;
    private final int lossMetric;
    private final int entropyMetric;
    private final int rateMetric;
    private final int tdMetric;
    private final int criticRateMetric;

    private int action;
    private int activeCount;
    private double discount;
    private long steps;
    private long episodes;

    private PolicyGradientAgent(PolicyGradientConfig config, FeatureMap features, int actions,
            int timeLimit, UniformRandomProvider rng, MetricSink metrics) {
        this.config = config;
        this.features = features;
        this.rng = rng;
        int f = features.featureCount();
        this.policy = new SoftmaxPolicy(actions, f, config.initialPreferences());
        this.actor = config.actorOptimizer().create(policy.theta.length);
        this.actorGradient = new double[policy.theta.length];
        this.w = new double[f];
        this.critic = config.criticOptimizer().create(f);
        this.criticGradient = new double[f];
        this.touched = new int[actions * f];
        this.x = new int[f];
        // sized for the longest possible episode when there is a time limit, so it never grows
        this.episode = new EpisodeBuffer(f, timeLimit > 0 ? timeLimit + 1 : 1024);
        this.rateScale = features.rateScale();
        this.metrics = metrics;
        this.lossMetric = metrics.register("policy_loss", Reduction.MEAN);
        this.entropyMetric = metrics.register("policy_entropy", Reduction.MEAN);
        this.rateMetric = metrics.register("step_size", Reduction.MEAN);
        actor.publishTo(metrics, "");
        boolean learnsValues = config.algorithm() != PolicyGradientAlgorithm.REINFORCE;
        this.tdMetric = learnsValues ? metrics.register("abs_td_error", Reduction.MEAN) : 0;
        this.criticRateMetric = learnsValues ? metrics.register("critic_step_size", Reduction.MEAN) : 0;
        if (learnsValues) {
            critic.publishTo(metrics, "critic_");
        }
    }

    public static PolicyGradientAgent of(PolicyGradientConfig config, FeatureMap features,
            Environment env, UniformRandomProvider rng) {
        return of(config, features, env, rng, MetricSink.NONE);
    }

    /** As {@link #of(PolicyGradientConfig, FeatureMap, Environment, UniformRandomProvider)}, publishing into {@code metrics}. */
    public static PolicyGradientAgent of(PolicyGradientConfig config, FeatureMap features,
            Environment env, UniformRandomProvider rng, MetricSink metrics) {
        if (config.initialPreferences().length != 0
                && config.initialPreferences().length != env.actionCount()) {
            throw new IllegalArgumentException("initial preferences need one value per action ("
                    + env.actionCount() + ")");
        }
        return new PolicyGradientAgent(config, features, env.actionCount(), env.timeLimit(), rng, metrics);
    }

    @Override
    public int start(Environment env) {
        episode.clear();
        discount = 1;
        activeCount = features.encode(env, x);
        policy.evaluate(x, activeCount);
        metrics.add(entropyMetric, policy.entropy());
        action = policy.sample(rng);
        return action;
    }

    @Override
    public int step(double reward, Environment env) {
        steps++;
        if (config.algorithm() == PolicyGradientAlgorithm.ACTOR_CRITIC) {
            actorCriticUpdate(reward, env);
        } else {
            episode.add(x, activeCount, action, reward);
        }
        activeCount = features.encode(env, x);
        policy.evaluate(x, activeCount);
        metrics.add(entropyMetric, policy.entropy());
        action = policy.sample(rng);
        return action;
    }

    private void actorCriticUpdate(double reward, Environment env) {
        double v = value(x, activeCount);
        int nextCount = features.encode(env, episode.scratch);
        double next = env.terminated() ? 0 : value(episode.scratch, nextCount);
        double delta = reward + config.gamma() * next - v;
        if (DivergedException.beyond(delta, config.divergenceBound())) {
            throw DivergedException.of(delta, config.divergenceBound(), steps, "TD error");
        }
        metrics.add(tdMetric, Math.abs(delta));
        updateCritic(x, activeCount, delta);
        updateActor(x, activeCount, action, discount * delta);
        discount *= config.gamma();
    }

    @Override
    public void end(Environment env) {
        episodes++;
        if (config.algorithm() == PolicyGradientAlgorithm.ACTOR_CRITIC) {
            return;
        }
        // returns G_t, computed backwards over the episode, then one update per step in order
        int length = episode.length();
        double[] returns = episode.returns(config.gamma());
        double weight = 1;
        for (int t = 0; t < length; t++) {
            int n = episode.features(t, x);
            double delta = returns[t];
            if (config.algorithm() == PolicyGradientAlgorithm.REINFORCE_BASELINE) {
                delta -= value(x, n);
                metrics.add(tdMetric, Math.abs(delta));
                updateCritic(x, n, delta);
            }
            updateActor(x, n, episode.action(t), weight * delta);
            weight *= config.gamma();
        }
    }

    /** theta -= rate * grad(-weight log pi(a|s)): the policy-gradient ascent step. */
    private void updateActor(int[] xs, int n, int a, double weight) {
        policy.evaluate(xs, n);
        metrics.add(lossMetric, -weight * Math.log(policy.probabilities[a]));
        int count = policy.lossGradient(xs, n, a, weight, actorGradient, touched);
        double rate = config.actorRate().rate(steps - 1, episodes, actor.updates(), 0) * rateScale;
        actor.update(policy.theta, actorGradient, touched, count, rate);
        for (int i = 0; i < count; i++) {
            actorGradient[touched[i]] = 0;
            if (DivergedException.beyond(policy.theta[touched[i]], config.divergenceBound())) {
                throw DivergedException.of(policy.theta[touched[i]], config.divergenceBound(), steps,
                        "policy parameter theta[" + touched[i] + "]");
            }
        }
        metrics.add(rateMetric, rate);
    }

    /** w -= rate * grad(1/2 delta^2) = w + rate delta x(s). */
    private void updateCritic(int[] xs, int n, double delta) {
        for (int i = 0; i < n; i++) {
            criticGradient[xs[i]] = -delta;
        }
        double rate = config.criticRate().rate(steps - 1, episodes, critic.updates(), 0) * rateScale;
        critic.update(w, criticGradient, xs, n, rate);
        metrics.add(criticRateMetric, rate);
        for (int i = 0; i < n; i++) {
            criticGradient[xs[i]] = 0;
            if (DivergedException.beyond(w[xs[i]], config.divergenceBound())) {
                throw DivergedException.of(w[xs[i]], config.divergenceBound(), steps,
                        "value weight w[" + xs[i] + "]");
            }
        }
    }

    private double value(int[] xs, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += w[xs[i]];
        }
        return sum;
    }

    @Override
    public int greedyAction(Environment env) {
        int n = features.encode(env, episode.scratch);
        policy.evaluate(episode.scratch, n);
        return policy.mode();
    }

    /**
     * The negative log-likelihood, under the current policy, of the held-out actions that did better
     * than average: -sum_t w_t log pi(a_t | s_t) / sum_t w_t on random-policy episodes, with w_t =
     * max(0, G_t - mean G) and G_t the discounted return from step t. It is never negative (the
     * range test's stopping rule compares it with its minimum), it falls as the policy moves
     * towards the actions that did well (its gradient at the random policy points as REINFORCE's
     * with a baseline), and it grows without bound when too large a step size makes the policy
     * certain of the wrong action. The plain surrogate -(G - b) log pi was tried first: it changes
     * sign, so "four times its minimum" means nothing for it.
     */
    @Override
    public HeldOut holdOut(Environment env, int steps, UniformRandomProvider rng) {
        int[] buffer = new int[features.featureCount()];
        var data = dev.lrlab.agents.heldout.RandomTransitions.record(env, steps, rng, e -> {
            int n = features.encode(e, buffer);
            return java.util.Arrays.copyOf(buffer, n);
        });
        double[] g = data.returnsToGo(config.gamma());
        double baseline = java.util.Arrays.stream(g).average().orElse(0);
        double[] weight = new double[g.length];
        double totalWeight = 0;
        for (int t = 0; t < g.length; t++) {
            weight[t] = Math.max(0, g[t] - baseline);
            totalWeight += weight[t];
        }
        double norm = totalWeight > 0 ? totalWeight : 1;
        int actions = policy.actions;
        int f = policy.featureCount;
        double[] h = new double[actions];
        return () -> {
            double sum = 0;
            for (int t = 0; t < data.size(); t++) {
                if (weight[t] == 0) {
                    continue;
                }
                int[] x = data.states().get(t);
                double max = Double.NEGATIVE_INFINITY;
                for (int a = 0; a < actions; a++) {
                    double pref = 0;
                    for (int i : x) {
                        pref += policy.theta[a * f + i];
                    }
                    h[a] = pref;
                    max = Math.max(max, pref);
                }
                double z = 0;
                for (int a = 0; a < actions; a++) {
                    z += Math.exp(h[a] - max);
                }
                double logPi = h[data.actions()[t]] - max - Math.log(z);
                sum -= weight[t] * logPi;
            }
            return sum / norm;
        };
    }

    @Override
    public String lossName() {
        return "negative log-likelihood of the better-than-average actions of held-out random-policy episodes";
    }

    /** pi(a | s) for the environment's current observation. */
    public double probability(Environment env, int a) {
        int n = features.encode(env, episode.scratch);
        policy.evaluate(episode.scratch, n);
        return policy.probabilities[a];
    }

    /**
     * One episode's features, actions and rewards, in arrays that grow by doubling: allocation only
     * when an episode is longer than any before it.
     */
    private static final class EpisodeBuffer {
        final int[] scratch;
        private int[] featureStart;
        private int[] featureData;
        private int[] actions;
        private double[] rewards;
        private double[] returns;
        private int length;
        private int used;

        EpisodeBuffer(int featureCount, int capacity) {
            this.scratch = new int[featureCount];
            this.featureStart = new int[capacity + 1];
            this.featureData = new int[capacity * Math.min(featureCount, 4)];
            this.actions = new int[capacity + 1];
            this.rewards = new double[capacity + 1];
            this.returns = new double[capacity + 1];
        }

        void clear() {
            length = 0;
            used = 0;
        }

        void add(int[] xs, int n, int action, double reward) {
            if (length + 1 >= actions.length) {
                int size = actions.length * 2;
                featureStart = Arrays.copyOf(featureStart, size);
                actions = Arrays.copyOf(actions, size);
                rewards = Arrays.copyOf(rewards, size);
                returns = new double[size];
            }
            if (used + n > featureData.length) {
                featureData = Arrays.copyOf(featureData, Math.max(featureData.length * 2, used + n));
            }
            featureStart[length] = used;
            System.arraycopy(xs, 0, featureData, used, n);
            used += n;
            actions[length] = action;
            rewards[length] = reward;
            length++;
            featureStart[length] = used;
        }

        int length() {
            return length;
        }

        int action(int t) {
            return actions[t];
        }

        int features(int t, int[] out) {
            int n = featureStart[t + 1] - featureStart[t];
            System.arraycopy(featureData, featureStart[t], out, 0, n);
            return n;
        }

        double[] returns(double gamma) {
            double g = 0;
            for (int t = length - 1; t >= 0; t--) {
                g = rewards[t] + gamma * g;
                returns[t] = g;
            }
            return returns;
        }
    }
}
