package dev.lrlab.agents.neuralpolicy;

import dev.lrlab.agents.Agent;
import dev.lrlab.agents.AgentBlueprint;
import dev.lrlab.agents.AgentKeys;
import dev.lrlab.agents.AgentKind;
import dev.lrlab.agents.TrialContext;
import dev.lrlab.agents.nn.Activation;
import dev.lrlab.agents.nn.Initialization;
import dev.lrlab.agents.nn.NetworkShape;
import dev.lrlab.agents.optim.OptimizerBlueprint;
import dev.lrlab.agents.optim.OptimizerKind;
import dev.lrlab.agents.schedule.Clock;
import dev.lrlab.agents.schedule.ScheduledValue;
import dev.lrlab.env.Environment;
import dev.lrlab.env.ObservationSpace;
import dev.lrlab.env.registry.Key;
import dev.lrlab.env.registry.KindProvider;
import dev.lrlab.env.registry.Parameters;
import dev.lrlab.env.registry.Parameters.Range;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The neural policy-gradient agents as kinds a spec can name: {@code ac-lambda} (MinAtar's
 * AC(lambda)), {@code ppo} (CleanRL's defaults), {@code a2c} (Stable-Baselines3's), and
 * {@code neural-reinforce} / {@code neural-reinforce-baseline}. They share the network keys of
 * {@code dqn} (a MinAtar convolution on boards, dense layers on one-hot states).
 */
public final class NeuralPolicyAgents implements KindProvider {

    private static final List<String> ACTIVATIONS =
            Arrays.stream(Activation.Function.values()).map(Activation.Function::id).toList();
    private static final Key NETWORK = Key.choice("network", "auto", List.of("auto", "conv", "mlp"),
            "conv: MinAtar's 3x3 convolution then dense; mlp: dense layers on the flat features; auto: conv on boards, mlp on one-hot states");
    private static final Key FILTERS = Key.integer("filters", 16, 1, "convolution filters");
    private static final Key HIDDEN = Key.integer("hidden", 128, 1, "units per hidden dense layer");
    private static final Key DEPTH = Key.integer("depth", 1, 0, "hidden dense layers");
    private static final Key SHARED = Key.flag("shared-torso", true,
            "one torso for the policy and the value (two heads), or a network each");
    private static final Key GAMMA = AgentKeys.GAMMA;
    private static final Key ENTROPY = Key.scheduled("entropy-coef", 0.01, Range.NON_NEGATIVE,
            "weight of the entropy bonus (a number or a schedule on a clock whose updates are optimizer steps)");
    private static final Key LAMBDA = Key.number("lambda", 0.8, Range.UNIT, "trace decay");
    private static final Key POLICY_WEIGHT = Key.number("policy-weight", 0.5, Range.NON_NEGATIVE,
            "weight of log pi against V in the shared trace (MinAtar's 0.5)");
    private static final Key LOG_FLOOR = Key.number("log-floor", 1e-4, Range.NON_NEGATIVE,
            "added to probabilities inside logarithms (MinAtar's MIN_DENOM)");
    private static final Key COPIES = Key.integer("copies", 4, 1, "environment copies stepped together");
    private static final Key ROLLOUT = Key.integer("rollout-steps", 128, 1, "steps per copy between updates");
    private static final Key GAE = Key.number("gae-lambda", 0.95, Range.UNIT, "lambda of generalised advantage estimation");
    private static final Key EPOCHS = Key.integer("epochs", 4, 1, "passes over each rollout");
    private static final Key MINIBATCHES = Key.integer("minibatches", 4, 1, "minibatches per pass");
    private static final Key NORMALIZE = Key.flag("normalize-advantages", true, "normalise advantages per minibatch");
    private static final Key CLIP = Key.scheduled("clip", 0.2, Range.NON_NEGATIVE,
            "PPO's clip coefficient epsilon (a number or a schedule)");
    private static final Key CLIP_VALUES = Key.flag("clip-values", true, "clip the value error as the policy ratio");
    private static final Key VALUE_COEF = Key.number("value-coef", 0.5, Range.NON_NEGATIVE, "weight of the value loss");
    private static final Key MAX_GRAD_NORM = Key.number("max-grad-norm", Range.POSITIVE,
            "clip the global gradient norm to this (unset: no clipping)").optional();
    private static final Key POLICY_GAIN = Key.number("policy-head-gain", 0.01, Range.POSITIVE,
            "the policy head's orthogonal gain (CleanRL's std 0.01: a near-uniform first policy)");
    private static final Key VALUE_GAIN = Key.number("value-head-gain", 1, Range.POSITIVE, "the value head's orthogonal gain");

    @Override
    public List<AgentKind> kinds() {
        return List.of(
                AgentKind.of("ac-lambda", "online actor-critic with eligibility traces, MinAtar's AC(lambda)",
                        keys(List.of(GAMMA, LAMBDA, ENTROPY, POLICY_WEIGHT, LOG_FLOOR), "dsilu", "silu", "pytorch", true,
                                Map.of("type", "rmsprop", "rho", 0.999, "eps", 1e-4, "eps-inside-root", true, "debiased",
                                        true)),
                        Math.pow(2, -11), (p, s) -> bind(null, false, p, s)),
                AgentKind.of("ppo", "proximal policy optimisation, clipped surrogate with GAE (CleanRL's ppo.py)",
                        keys(List.of(GAMMA, COPIES, ROLLOUT, GAE, EPOCHS, MINIBATCHES, NORMALIZE, CLIP, CLIP_VALUES, ENTROPY,
                                VALUE_COEF, MAX_GRAD_NORM.withDefault(0.5), POLICY_GAIN, VALUE_GAIN), "relu", "relu",
                                "orthogonal", true, Map.of("type", "adam", "eps", 1e-5)),
                        2.5e-4, (p, s) -> bind(RolloutAgent.Algorithm.PPO, true, p, s)),
                AgentKind.of("a2c", "synchronous advantage actor-critic, n-step returns (Stable-Baselines3's A2C)",
                        keys(List.of(GAMMA, COPIES.withDefault(8), ROLLOUT.withDefault(5), GAE.withDefault(1.0),
                                NORMALIZE.withDefault(false), ENTROPY, VALUE_COEF, MAX_GRAD_NORM.withDefault(0.5),
                                POLICY_GAIN, VALUE_GAIN), "relu", "relu", "orthogonal", true,
                                Map.of("type", "rmsprop", "rho", 0.99, "eps", 1e-5)),
                        7e-4, (p, s) -> bind(RolloutAgent.Algorithm.A2C, true, p, s)),
                AgentKind.of("neural-reinforce", "Monte Carlo policy gradient with a neural softmax policy, a step per episode",
                        keys(List.of(GAMMA, ENTROPY.withDefault(0.0), MAX_GRAD_NORM), "relu", "relu", "pytorch", false,
                                Map.of("type", "adam")),
                        1e-3, (p, s) -> bind(RolloutAgent.Algorithm.REINFORCE, false, p, s)),
                AgentKind.of("neural-reinforce-baseline", "neural REINFORCE minus a learned state value",
                        keys(List.of(GAMMA, ENTROPY.withDefault(0.0), VALUE_COEF, MAX_GRAD_NORM), "relu", "relu", "pytorch",
                                false, Map.of("type", "adam")),
                        1e-3, (p, s) -> bind(RolloutAgent.Algorithm.REINFORCE, true, p, s)));
    }

    private static List<Key> keys(List<Key> own, String activation, String convActivation, String init, boolean shared,
            Map<String, ?> optimizer) {
        List<Key> keys = new ArrayList<>(own);
        keys.addAll(List.of(NETWORK, FILTERS, HIDDEN, DEPTH,
                Key.choice("activation", activation, ACTIVATIONS, "the nonlinearity after each hidden dense layer"),
                Key.choice("conv-activation", convActivation, ACTIVATIONS, "the nonlinearity after the convolution"),
                Key.choice("init", init, Arrays.stream(Initialization.values()).map(Initialization::id).toList(),
                        "pytorch: Kaiming-uniform (a = sqrt 5) and uniform biases; xavier; orthogonal (gain sqrt 2; heads their own), biases 0"),
                SHARED.withDefault(shared),
                Key.kind("optimizer", "optimizer", optimizer, "how gradients become updates, at the swept rate"),
                AgentKeys.DIVERGENCE_BOUND));
        return keys;
    }

    /** Reads the settings of ac-lambda (algorithm null) or of a rollout method, with a learned baseline or not. */
    private static AgentBlueprint bind(RolloutAgent.Algorithm algorithm, boolean baseline, Parameters p,
            AgentKind.Setting setting) {
        if (setting.clock() == Clock.VISITS) {
            p.problem("type", "the visits clock counts (state, action) pairs and needs a tabular agent");
        }
        int before = p.problems().size();
        var r = setting.registries();
        String kind = p.text(NETWORK);
        long filters = p.integer(FILTERS);
        long hidden = p.integer(HIDDEN);
        long depth = p.integer(DEPTH);
        String activation = p.text(key(p, "activation"));
        String convActivation = p.text(key(p, "conv-activation"));
        String init = p.text(key(p, "init"));
        boolean shared = p.flag(key(p, SHARED.name()));
        double gamma = p.number(GAMMA);
        double bound = p.number(AgentKeys.DIVERGENCE_BOUND);
        ScheduledValue entropy = ScheduledValue.read(p, key(p, ENTROPY.name()), r.schedules());
        Parameters o = p.nested(key(p, "optimizer"));
        OptimizerBlueprint optimizer = o == null ? null : OptimizerKind.read(o, r.optimizers());
        for (var k : List.of(Map.entry(FILTERS, filters), Map.entry(HIDDEN, hidden), Map.entry(DEPTH, depth))) {
            if (k.getValue() > 100_000) {
                p.problem(k.getKey().name(), "must be at most 100000, was " + k.getValue());
            }
        }
        boolean conv = "conv".equals(kind) || "auto".equals(kind) && setting.space() != null && setting.space().isGrid()
                && !setting.space().isDiscrete();
        if (setting.space() != null && conv && (!setting.space().isGrid() || setting.space().height() < 3
                || setting.space().width() < 3)) {
            p.problem(NETWORK.name(), "conv needs a board observation of at least 3x3; " + setting.environment()
                    + " has flat features (use mlp)");
        }
        NetworkShape shape = p.problems().size() > before ? null : new NetworkShape(conv, (int) filters, (int) hidden,
                (int) depth, function(activation), Initialization.valueOf(init.toUpperCase(Locale.ROOT)),
                function(convActivation));
        if (algorithm == null) {
            double lambda = p.number(LAMBDA);
            double weight = p.number(POLICY_WEIGHT);
            double floor = p.number(LOG_FLOOR);
            if (shape == null || entropy == null || optimizer == null || entropy.schedule() != null
                    && problem(p, ENTROPY.name(), "ac-lambda takes a constant entropy-coef")) {
                return null;
            }
            return new Blueprint(shape, shared, 1, 1, 1, 1) {
                @Override
                public Agent create(Environment env, TrialContext context) {
                    return ActorCriticLambdaAgent.of(new ActorCriticLambdaAgent.Config(gamma, lambda, entropy.value(),
                            weight, floor, context.stepSize(), optimizer, bound), network(env, context), env,
                            context.rng(), context.metrics());
                }
            };
        }
        boolean episodes = algorithm == RolloutAgent.Algorithm.REINFORCE;
        boolean ppo = algorithm == RolloutAgent.Algorithm.PPO;
        long copies = episodes ? 1 : p.integer(key(p, COPIES.name()));
        long rollout = episodes ? 0 : p.integer(key(p, ROLLOUT.name()));
        double gae = episodes ? 1 : p.number(key(p, GAE.name()));
        long epochs = ppo ? p.integer(EPOCHS) : 1;
        long minibatches = ppo ? p.integer(MINIBATCHES) : 1;
        boolean normalize = !episodes && p.flag(key(p, NORMALIZE.name()));
        ScheduledValue clip = ppo ? ScheduledValue.read(p, CLIP, r.schedules()) : ScheduledValue.constant(0);
        boolean clipValues = ppo && p.flag(CLIP_VALUES);
        double valueCoef = baseline ? p.number(VALUE_COEF) : 0;
        double maxNorm = p.number(key(p, MAX_GRAD_NORM.name()));
        double policyGain = episodes ? 1 : p.number(POLICY_GAIN);
        double valueGain = episodes ? 1 : p.number(VALUE_GAIN);
        if (copies > 1024) {
            p.problem(COPIES.name(), "must be at most 1024, was " + copies);
        }
        if (rollout > 100_000) {
            p.problem(ROLLOUT.name(), "must be at most 100000, was " + rollout);
        }
        if (!episodes && copies * rollout % minibatches != 0) {
            p.problem(MINIBATCHES.name(), "a rollout of copies x rollout-steps = " + copies * rollout
                    + " examples does not split into " + minibatches + " equal minibatches");
        } else if (normalize && !episodes && copies * rollout / minibatches < 2) {
            p.problem(NORMALIZE.name(), "needs minibatches of at least 2 examples (copies x rollout-steps / minibatches)");
        }
        if (shape == null || entropy == null || clip == null || optimizer == null || p.problems().size() > before) {
            return null;
        }
        double clipNorm = Double.isNaN(maxNorm) ? Double.POSITIVE_INFINITY : maxNorm;
        return new Blueprint(shape, shared, (int) copies, (int) rollout, policyGain, valueGain) {
            @Override
            public Agent create(Environment env, TrialContext context) {
                RolloutAgent.Config config = new RolloutAgent.Config(algorithm, (int) copies, (int) rollout, gamma, gae,
                        (int) epochs, (int) minibatches, normalize, context.schedule(clip), clipValues,
                        context.schedule(entropy), valueCoef, baseline, clipNorm, context.stepSize(), optimizer, bound);
                PolicyValueNetwork net = PolicyValueNetwork.of(shape, shared, env.observationSpace(), env.actionCount(),
                        RolloutAgent.maxBatch(config), policyGain, valueGain, context.rng());
                return RolloutAgent.of(config, net, env, context.rng(), context.metrics());
            }
        };
    }

    /** The bound kind's own key of this name (kinds share names with different defaults). */
    private static Key key(Parameters p, String name) {
        return p.kind().keys().stream().filter(k -> k.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException(p.kind().name() + " declares no key " + name));
    }

    private static boolean problem(Parameters p, String key, String message) {
        p.problem(key, message);
        return true;
    }

    private static Activation.Function function(String id) {
        return Activation.Function.valueOf(id.toUpperCase(Locale.ROOT));
    }

    /** What the blueprints of these kinds share: the network's shape, and the memory check. */
    private abstract static class Blueprint implements AgentBlueprint {
        private final NetworkShape shape;
        private final boolean shared;
        private final int copies;
        private final int rollout;
        private final double policyGain;
        private final double valueGain;

        Blueprint(NetworkShape shape, boolean shared, int copies, int rollout, double policyGain, double valueGain) {
            this.shape = shape;
            this.shared = shared;
            this.copies = copies;
            this.rollout = rollout;
            this.policyGain = policyGain;
            this.valueGain = valueGain;
        }

        /** AC(lambda)'s network: batch 1. */
        PolicyValueNetwork network(Environment env, TrialContext context) {
            return PolicyValueNetwork.of(shape, shared, env.observationSpace(), env.actionCount(), 1, policyGain,
                    valueGain, context.rng());
        }

        /** Per parameter: weights, gradient, a trace or accumulator, up to three optimizer moments; and the rollout. */
        @Override
        public long workingBytes(ObservationSpace space, int actions) {
            if (shape.conv() && !space.isGrid()) {
                return 0;
            }
            long parameters = shape.parameterCount(space, actions + 1) * (shared ? 1 : 2);
            return parameters * 4 * 6 + (long) copies * Math.max(rollout, 1) * (space.featureCount() + 8) * 4;
        }
    }
}
