package dev.lrlab.agents.dqn;

import dev.lrlab.agents.Agent;
import dev.lrlab.agents.AgentBlueprint;
import dev.lrlab.agents.AgentKeys;
import dev.lrlab.agents.AgentKind;
import dev.lrlab.agents.Registries;
import dev.lrlab.agents.TrialContext;
import dev.lrlab.agents.explore.ExplorationKind;
import dev.lrlab.agents.nn.Activation;
import dev.lrlab.agents.nn.NetworkShape;
import dev.lrlab.agents.nn.Initialization;
import dev.lrlab.agents.nn.Loss;
import dev.lrlab.agents.optim.OptimizerBlueprint;
import dev.lrlab.agents.optim.OptimizerKind;
import dev.lrlab.agents.schedule.Clock;
import dev.lrlab.env.Environment;
import dev.lrlab.env.registry.Key;
import dev.lrlab.env.registry.KindProvider;
import dev.lrlab.env.registry.Parameters;
import dev.lrlab.env.registry.Parameters.Range;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * DQN as a kind a spec can name ({@code agent: {type: dqn}}), with MinAtar's dqn.py as its
 * defaults: conv 16 -> dense 128 -> actions, batch 32, replay 100,000, learning after 5,000
 * steps, target copied every 1,000, gamma 0.99, Huber loss, centered RMSprop (rho 0.95, eps
 * 0.01; the learning rate, 2.5e-4 in MinAtar, is the spec's), and epsilon from 1.0 to 0.1 over
 * the first 100,000 steps of learning.
 */
public final class DqnAgents implements KindProvider {

    private static final Key NETWORK = Key.choice("network", "auto", List.of("auto", "conv", "mlp"),
            "conv: MinAtar's 3x3 convolution then dense; mlp: dense layers on the flat features; auto: conv on boards, mlp on one-hot states");
    private static final Key FILTERS = Key.integer("filters", 16, 1, "convolution filters");
    private static final Key HIDDEN = Key.integer("hidden", 128, 1, "units per hidden dense layer");
    private static final Key DEPTH = Key.integer("depth", 1, 0, "hidden dense layers");
    private static final Key ACTIVATION = Key.choice("activation", "relu",
            Arrays.stream(Activation.Function.values()).map(Activation.Function::id).toList(), "the nonlinearity");
    private static final Key INIT = Key.choice("init", "pytorch",
            Arrays.stream(Initialization.values()).map(Initialization::id).toList(),
            "pytorch: Kaiming-uniform (a = sqrt 5) and uniform biases; xavier; orthogonal (gain sqrt 2), biases 0");
    private static final Key BATCH = Key.integer("batch-size", 32, 1, "transitions per update");
    private static final Key CAPACITY = Key.integer("replay-capacity", 100_000, 1, "transitions the replay holds");
    private static final Key START = Key.integer("replay-start", 5_000, 0,
            "steps of uniformly random actions before learning starts");
    private static final Key TARGET = Key.integer("target-update", 1_000, 1, "steps between target-network copies");
    private static final Key TRAIN_EVERY = Key.integer("train-every", 1, 1, "steps between updates");
    private static final Key DOUBLE = Key.flag("double-dqn", false,
            "the online network picks the bootstrap action, the target network values it (van Hasselt et al. 2016)");
    private static final Key LOSS = Key.choice("loss", "huber", List.of("huber", "mse"), "loss on the chosen actions' values");
    private static final Key HUBER_DELTA = Key.number("huber-delta", 1, Range.POSITIVE, "where Huber's loss turns linear");
    private static final Key CLIP = Key.number("clip-grad-norm", Range.POSITIVE,
            "scale gradients to at most this global norm (unset: no clipping, as MinAtar)").optional();
    private static final Key EXPLORATION = Key.kind("exploration", "exploration",
            Map.of("type", "epsilon-greedy", "epsilon", Map.of("value", 1.0, "clock", "steps",
                    "schedule", Map.of("type", "linear", "start-factor", 1.0, "end-factor", 0.1, "total-iters", 100_000))),
            "how actions are chosen once learning starts; its step clock starts then");
    private static final Key OPTIMIZER = Key.kind("optimizer", "optimizer",
            Map.of("type", "rmsprop", "rho", 0.95, "eps", 0.01, "centered", true),
            "how gradients become updates, at the swept rate");

    private static final List<Key> KEYS = List.of(AgentKeys.GAMMA, NETWORK, FILTERS, HIDDEN, DEPTH, ACTIVATION, INIT,
            BATCH, CAPACITY, START, TARGET, TRAIN_EVERY, DOUBLE, LOSS, HUBER_DELTA, CLIP, EXPLORATION, OPTIMIZER,
            AgentKeys.DIVERGENCE_BOUND);

    @Override
    public List<AgentKind> kinds() {
        return List.of(AgentKind.of("dqn", "deep Q-network with replay and a target network (Mnih et al. 2015; "
                + "MinAtar's defaults)", KEYS, 2.5e-4, DqnAgents::bind));
    }

    private static AgentBlueprint bind(Parameters p, AgentKind.Setting setting) {
        if (setting.clock() == Clock.VISITS) {
            p.problem("type", "the visits clock counts (state, action) pairs and needs a tabular agent");
        }
        int before = p.problems().size();
        double gamma = p.number(AgentKeys.GAMMA);
        String kind = p.text(NETWORK);
        long filters = p.integer(FILTERS);
        long hidden = p.integer(HIDDEN);
        long depth = p.integer(DEPTH);
        String activation = p.text(ACTIVATION);
        String init = p.text(INIT);
        long batch = p.integer(BATCH);
        long capacity = p.integer(CAPACITY);
        long start = p.integer(START);
        long target = p.integer(TARGET);
        long every = p.integer(TRAIN_EVERY);
        boolean doubleDqn = p.flag(DOUBLE);
        String lossName = p.text(LOSS);
        double delta = p.number(HUBER_DELTA);
        double clip = p.number(CLIP);
        double bound = p.number(AgentKeys.DIVERGENCE_BOUND);
        Registries r = setting.registries();
        Parameters e = p.nested(EXPLORATION);
        ExplorationKind.Blueprint read = e == null ? null : ExplorationKind.read(e, r.explorations(), r.schedules());
        if (read != null && read.countsActions()) {
            p.problem("exploration.type", "ucb counts each state's actions and needs a tabular agent");
        }
        ExplorationKind.Blueprint exploration = read != null && read.countsActions() ? null : read;
        Parameters o = p.nested(OPTIMIZER);
        OptimizerBlueprint optimizer = o == null ? null : OptimizerKind.read(o, r.optimizers());
        for (var k : List.of(Map.entry(FILTERS, filters), Map.entry(HIDDEN, hidden), Map.entry(DEPTH, depth),
                Map.entry(BATCH, batch), Map.entry(START, start), Map.entry(TARGET, target), Map.entry(TRAIN_EVERY, every))) {
            if (k.getValue() > 1_000_000) {
                p.problem(k.getKey().name(), "must be at most 1000000, was " + k.getValue());
            }
        }
        if (capacity > 10_000_000) {
            p.problem(CAPACITY.name(), "must be at most 10000000 (the replay is held in memory), was " + capacity);
        }
        // auto: a convolution over boards such as Breakout's, an MLP over one-hot states (a gridworld's)
        boolean conv = "conv".equals(kind) || "auto".equals(kind) && setting.space() != null && setting.space().isGrid()
                && !setting.space().isDiscrete();
        if (setting.space() != null && conv && (!setting.space().isGrid() || setting.space().height() < 3
                || setting.space().width() < 3)) {
            p.problem(NETWORK.name(), "conv needs a board observation of at least 3x3; " + setting.environment()
                    + " has flat features (use mlp)");
        }
        if (p.problems().size() > before || exploration == null || optimizer == null) {
            return null;
        }
        NetworkShape shape = new NetworkShape(conv, (int) filters, (int) hidden, (int) depth,
                Activation.Function.valueOf(activation.toUpperCase(java.util.Locale.ROOT)),
                Initialization.valueOf(init.toUpperCase(java.util.Locale.ROOT)));
        Loss loss = "mse".equals(lossName) ? Loss.meanSquared() : Loss.huber(delta);
        double clipNorm = Double.isNaN(clip) ? Double.POSITIVE_INFINITY : clip;
        return new AgentBlueprint() {
            @Override
            public dev.lrlab.agents.Agent create(Environment env, TrialContext context) {
                return DqnAgent.of(new DqnConfig(gamma, shape, (int) batch, (int) capacity, (int) start, (int) target,
                        (int) every, doubleDqn, loss, clipNorm, exploration.create(context), context.stepSize(), optimizer,
                        bound), env, context.rng(), context.metrics());
            }

            /** The replay, and per parameter: online and target weights, a gradient, up to four optimizer moments. */
            @Override
            public long workingBytes(dev.lrlab.env.ObservationSpace space, int actions) {
                long parameters = shape.conv() && !space.isGrid() ? 0 : shape.parameterCount(space, actions);
                return ReplayBuffer.bytes(capacity, space.featureCount()) + parameters * 4 * 7;
            }
        };
    }
}
