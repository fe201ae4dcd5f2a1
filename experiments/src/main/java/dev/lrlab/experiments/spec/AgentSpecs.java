package dev.lrlab.experiments.spec;

import dev.lrlab.agents.baseline.RandomAgent;
import dev.lrlab.agents.config.Parameters;
import dev.lrlab.agents.config.Problems;
import dev.lrlab.agents.config.Parameters.Range;
import dev.lrlab.agents.config.Suggestions;
import dev.lrlab.agents.explore.Exploration;
import dev.lrlab.agents.features.EnvironmentFeatures;
import dev.lrlab.agents.features.FeatureMap;
import dev.lrlab.agents.features.OneHotState;
import dev.lrlab.agents.features.TileCoding;
import dev.lrlab.agents.linear.LinearConfig;
import dev.lrlab.agents.linear.LinearQAgent;
import dev.lrlab.agents.optim.OptimizerConfig;
import dev.lrlab.agents.optim.OptimizerKind;
import dev.lrlab.agents.policy.PolicyGradientAgent;
import dev.lrlab.agents.policy.PolicyGradientAlgorithm;
import dev.lrlab.agents.policy.PolicyGradientConfig;
import dev.lrlab.agents.schedule.Clock;
import dev.lrlab.agents.schedule.ClockedSchedule;
import dev.lrlab.agents.schedule.ScheduleKinds;
import dev.lrlab.agents.schedule.Constant;
import dev.lrlab.agents.tabular.TabularAgent;
import dev.lrlab.agents.tabular.TabularConfig;
import dev.lrlab.agents.tabular.TdRule;
import dev.lrlab.env.ObservationSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** Reads and validates one {@code agent:} entry of a spec into an {@link AgentChoice}. */
public final class AgentSpecs {

    /** Every agent type a spec can name. */
    public static final List<String> TYPES = types();

    private static final double DEFAULT_GAMMA = 0.99;
    private static final double DEFAULT_EPSILON = 0.1;

    private AgentSpecs() {
    }

    private static List<String> types() {
        List<String> t = new ArrayList<>(TdRule.ids());
        TdRule.ids().stream().filter(id -> !id.equals("double-q-learning")).forEach(id -> t.add("linear-" + id));
        t.addAll(PolicyGradientAlgorithm.ids());
        t.add("random");
        return List.copyOf(t);
    }

    /**
     * The agent the map describes, or null with its problems recorded. With a null {@code space}
     * (the environment was not understood) the agent's own keys are still checked.
     */
    static AgentChoice read(Parameters p, String envId, ObservationSpace space, int actionCount, Clock clock,
            ScheduleKinds kinds) {
        String type = p.text("type", null);
        if (type == null) {
            if (!p.has("type")) {
                p.problem("type", "is required; one of " + String.join(", ", TYPES));
            }
            return null;
        }
        String label = p.text("label", type);
        double gamma = p.number("gamma", DEFAULT_GAMMA, Range.UNIT);
        double bound = p.number("divergence-bound", TabularConfig.DEFAULT_BOUND, Range.POSITIVE);
        AgentBlueprint blueprint;
        if (type.equals("random")) {
            // the step size means nothing to it; sweeping one just repeats the baseline
            blueprint = (env, stepSize, rate, rng) -> RandomAgent.of(env, rng);
        } else if (TdRule.byId(type).isPresent()) {
            blueprint = tabular(p, TdRule.byId(type).get(), gamma, bound, envId, space, kinds);
        } else if (type.startsWith("linear-") && TdRule.byId(type.substring(7)).isPresent()
                && !type.equals("linear-double-q-learning")) {
            blueprint = linear(p, TdRule.byId(type.substring(7)).get(), gamma, bound, envId, space, clock, kinds);
        } else if (PolicyGradientAlgorithm.byId(type).isPresent()) {
            blueprint = policyGradient(p, PolicyGradientAlgorithm.byId(type).get(), gamma, bound, envId,
                    space, actionCount, clock, kinds);
        } else {
            p.problem("type", "unknown agent '" + type + "'" + Suggestions.hint(type, TYPES)
                    + "; known: " + String.join(", ", TYPES));
            return null;
        }
        p.reportUnknownKeys();
        return blueprint == null ? null : new AgentChoice(label, type, p.resolved(), blueprint);
    }

    /**
     * The agent of {@code type} with every setting at its default, if it can run on {@code env};
     * empty otherwise (for the benchmark, which tries every pair).
     */
    public static java.util.Optional<AgentChoice> withDefaults(String type, dev.lrlab.env.Environment env,
            ScheduleKinds kinds) {
        Problems problems = new Problems();
        Parameters p = Parameters.of("agent", new java.util.LinkedHashMap<>(java.util.Map.of("type", type)), problems);
        AgentChoice choice = read(p, env.id(), env.observationSpace(), env.actionCount(), Clock.STEPS, kinds);
        return problems.isEmpty() ? java.util.Optional.ofNullable(choice) : java.util.Optional.empty();
    }

    private static AgentBlueprint tabular(Parameters p, TdRule rule, double gamma, double bound,
            String envId, ObservationSpace space, ScheduleKinds kinds) {
        if (space != null && !space.isDiscrete()) {
            p.problem("type", rule.id() + " needs discrete states and " + envId
                    + " has none; use linear-" + rule.id() + " or a policy-gradient agent");
        }
        double initial = p.number("initial-value", 0, Range.ANY);
        Supplier<Exploration> exploration = exploration(p, kinds);
        return (env, stepSize, rate, rng) -> TabularAgent.of(new TabularConfig(rule, gamma, initial,
                exploration.get(), stepSize, bound), env, rng);
    }

    private static AgentBlueprint linear(Parameters p, TdRule rule, double gamma, double bound,
            String envId, ObservationSpace space, Clock clock, ScheduleKinds kinds) {
        requireNotVisits(p, clock);
        OptimizerConfig optimizer = optimizer(p, "optimizer");
        Function<ObservationSpace, FeatureMap> features = features(p, envId, space);
        Supplier<Exploration> exploration = exploration(p, kinds);
        return (env, stepSize, rate, rng) -> LinearQAgent.of(new LinearConfig(rule, gamma,
                exploration.get(), stepSize, optimizer, bound),
                features.apply(env.observationSpace()), env, rng);
    }

    private static AgentBlueprint policyGradient(Parameters p, PolicyGradientAlgorithm algorithm,
            double gamma, double bound, String envId, ObservationSpace space, int actionCount, Clock clock,
            ScheduleKinds kinds) {
        requireNotVisits(p, clock);
        OptimizerConfig actor = optimizer(p, "optimizer");
        OptimizerConfig critic = optimizer(p, "critic-optimizer");
        double criticRate = algorithm == PolicyGradientAlgorithm.REINFORCE
                ? Double.NaN : p.number("critic-rate", Double.NaN, Range.POSITIVE);
        double[] preferences = p.numbers("initial-preferences", Range.ANY, false);
        if (space != null && preferences.length != 0 && preferences.length != actionCount) {
            p.problem("initial-preferences", "needs " + actionCount + " values (one per action of "
                    + envId + "), had " + preferences.length);
        }
        Function<ObservationSpace, FeatureMap> features = features(p, envId, space);
        return (env, stepSize, rate, rng) -> {
            // the critic follows its own constant rate, or the actor's schedule when none is given
            ClockedSchedule criticSchedule = Double.isNaN(criticRate)
                    ? stepSize : ClockedSchedule.of(Constant.of(criticRate), clock);
            return PolicyGradientAgent.of(new PolicyGradientConfig(algorithm, gamma, stepSize,
                    criticSchedule, actor, critic, preferences, bound),
                    features.apply(env.observationSpace()), env, rng);
        };
    }

    private static void requireNotVisits(Parameters p, Clock clock) {
        if (clock == Clock.VISITS) {
            p.problem("type", "the visits clock counts (state, action) pairs and needs a tabular agent");
        }
    }

    /** The exploration the map describes; a supplier, because each agent needs its own schedule. */
    private static Supplier<Exploration> exploration(Parameters p, ScheduleKinds kinds) {
        Parameters e = p.child("exploration", false);
        if (e == null) {
            p.resolve("exploration", SpecReader.ordered("type", "epsilon-greedy", "epsilon", DEFAULT_EPSILON));
            return () -> Exploration.EpsilonGreedy.of(DEFAULT_EPSILON);
        }
        String type = e.choice("type", "epsilon-greedy", List.of("epsilon-greedy", "softmax"));
        boolean softmax = "softmax".equals(type);
        String key = softmax ? "temperature" : "epsilon";
        ScalarSetting setting = ScalarSetting.read(e, key, softmax ? 1.0 : DEFAULT_EPSILON,
                softmax ? Range.NON_NEGATIVE : Range.UNIT, kinds);
        e.reportUnknownKeys();
        return () -> {
            ClockedSchedule s = setting.create(kinds);
            return softmax ? new Exploration.Softmax(s) : new Exploration.EpsilonGreedy(s);
        };
    }

    private static OptimizerConfig optimizer(Parameters p, String key) {
        Parameters o = p.child(key, false);
        if (o == null) {
            OptimizerConfig sgd = OptimizerConfig.sgd();
            java.util.Map<String, Object> written = new java.util.LinkedHashMap<>();
            written.put("type", "sgd");
            written.put("weight-decay", sgd.weightDecay());
            p.resolve(key, written);
            return sgd;
        }
        String type = o.choice("type", "sgd", OptimizerKind.ids());
        OptimizerConfig c = OptimizerConfig.of(OptimizerKind.byId(type).orElse(OptimizerKind.SGD));
        c = c.withMomentum(o.number("momentum", c.momentum(), Range.NON_NEGATIVE))
                .withRho(o.number("rho", c.rho(), new Range(0, false, 1, true)))
                .withCentered(o.flag("centered", c.centered()))
                .withBetas(o.number("beta1", c.beta1(), new Range(0, false, 1, true)),
                        o.number("beta2", c.beta2(), new Range(0, false, 1, true)))
                .withEps(o.number("eps", c.eps(), Range.NON_NEGATIVE))
                .withWeightDecay(o.number("weight-decay", c.weightDecay(), Range.NON_NEGATIVE));
        o.reportUnknownKeys();
        return c;
    }

    private static Function<ObservationSpace, FeatureMap> features(Parameters p, String envId,
            ObservationSpace space) {
        Parameters f = p.child("features", false);
        if (f == null) {
            p.resolve("features", SpecReader.ordered("type", "environment"));
        }
        String type = f == null ? "environment"
                : f.choice("type", "environment", List.of("environment", "one-hot", "tile-coding"));
        Function<ObservationSpace, FeatureMap> out;
        switch (type) {
            case "one-hot" -> {
                if (space != null && !space.isDiscrete()) {
                    f.problem("type", "one-hot features need discrete states and " + envId + " has none");
                }
                out = OneHotState::of;
            }
            case "tile-coding" -> {
                int tilings = (int) f.integer("tilings", 4, 1);
                int size = (int) f.integer("tile-size", 2, 1);
                if (space != null && (!space.isDiscrete() || space.channels() != 1)) {
                    f.problem("type", "tile coding needs a gridworld and " + envId + " is not one");
                }
                out = s -> TileCoding.of(s, tilings, size);
            }
            default -> out = EnvironmentFeatures::of;
        }
        if (f != null) {
            f.reportUnknownKeys();
        }
        return out;
    }
}
