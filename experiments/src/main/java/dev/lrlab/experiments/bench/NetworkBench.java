package dev.lrlab.experiments.bench;

import dev.lrlab.agents.AgentBlueprint;
import dev.lrlab.agents.AgentKind;
import dev.lrlab.agents.EpisodeLoop;
import dev.lrlab.agents.Registries;
import dev.lrlab.agents.TrialContext;
import dev.lrlab.agents.dqn.DqnAgent;
import dev.lrlab.agents.schedule.Clock;
import dev.lrlab.agents.schedule.ClockedSchedule;
import dev.lrlab.env.Environment;
import dev.lrlab.env.EnvironmentKind;
import dev.lrlab.env.registry.Parameters;
import dev.lrlab.env.registry.Problems;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Microseconds of the neural agents' network work alone, on one thread, on Breakout's board (six
 * actions, as MinAtar's scripts): for a DQN with MinAtar's convolutional network and with an MLP
 * 400-128-6 on the flattened board, one action choice (a forward pass of one observation) and one
 * update (a batch of 32 drawn from a replay of random play, forward of the online and target
 * networks, Huber loss, backward, and a centered-RMSprop step); for AC(lambda) with MinAtar's
 * network, one learning step (V of the last state, forward of the new one, two backward passes,
 * the trace and the debiased-RMSprop update); for PPO, one epoch over a rollout of 4 x 128 frames
 * (4 minibatches of 128: forward, clipped losses, backward, norm clipping, Adam). The agents' metrics
 * are kept in a metric log as in a trial. Scripts in agents/src/test/python time the same work in PyTorch.
 */
public final class NetworkBench {

    /** The networks measured: name, and the DQN settings that give them. */
    public static final List<Map.Entry<String, Map<String, Object>>> NETWORKS = List.of(
            Map.entry("dqn-conv", Map.of("type", "dqn", "network", "conv")),
            Map.entry("dqn-mlp", Map.of("type", "dqn", "network", "mlp", "hidden", 128, "depth", 1)));

    private final Registries registries;
    private final double seconds;

    public NetworkBench(Registries registries, double seconds) {
        this.registries = registries;
        this.seconds = seconds;
    }

    /** A DQN agent of the given settings on full-action Breakout whose replay holds {@code fill} random transitions. */
    public static DqnAgent agent(Registries registries, Map<String, Object> settings, int fill, Environment env) {
        AgentKind kind = registries.agents().byName("dqn").orElseThrow();
        Problems problems = new Problems();
        Map<String, Object> s = new LinkedHashMap<>(settings);
        s.put("replay-start", fill);
        Parameters p = Parameters.of("agent", s, problems).bind(kind);
        AgentBlueprint blueprint = kind.factory().bind(p, new AgentKind.Setting(env.id(), env.observationSpace(),
                env.actionCount(), Clock.STEPS, registries));
        if (!problems.isEmpty()) {
            throw new IllegalStateException(problems.toString());
        }
        // as in a trial: the agent and its optimizers publish their metrics
        DqnAgent agent = (DqnAgent) blueprint.create(env, TrialContext.of(ClockedSchedule.constant(2.5e-4),
                RandomSource.XO_RO_SHI_RO_128_PP.create(3), new dev.lrlab.env.metrics.MetricLog()));
        env.reset(3);
        long steps = 0;
        while (steps < fill) {
            if (env.episodeOver()) {
                env.reset();
            }
            EpisodeLoop.train(agent, env, fill - steps);
            steps += env.episodeSteps();
        }
        return agent;
    }

    /** An agent of the given settings on {@code env}, publishing into a metric log as in a trial. */
    static dev.lrlab.agents.Agent policyAgent(Registries registries, Map<String, Object> settings, Environment env,
            double rate) {
        AgentKind kind = registries.agents().byName((String) settings.get("type")).orElseThrow();
        Problems problems = new Problems();
        Parameters p = Parameters.of("agent", new LinkedHashMap<>(settings), problems).bind(kind);
        AgentBlueprint blueprint = kind.factory().bind(p, new AgentKind.Setting(env.id(), env.observationSpace(),
                env.actionCount(), Clock.STEPS, registries));
        if (!problems.isEmpty()) {
            throw new IllegalStateException(problems.toString());
        }
        return blueprint.create(env, TrialContext.of(ClockedSchedule.constant(rate),
                RandomSource.XO_RO_SHI_RO_128_PP.create(3), new dev.lrlab.env.metrics.MetricLog()));
    }

    /** Full-action Breakout (MinAtar's dqn.py uses all six actions). */
    public static Environment breakout(Registries registries) {
        EnvironmentKind kind = registries.environments().byName("breakout").orElseThrow();
        Problems problems = new Problems();
        Parameters p = Parameters.of("environment", new LinkedHashMap<>(Map.of("id", "breakout", "actions", "full")),
                problems).bind(kind);
        return kind.factory().bind(p).get();
    }

    /**
     * One row per network: parameters, microseconds per action choice and per update, and the
     * update's multiply-adds counted as if every input were non-zero, against the best FLOP rate
     * this JVM reaches on one thread.
     */
    public List<Map<String, Object>> measure() {
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        double peak = peakFlops();
        for (var network : NETWORKS) {
            Environment env = breakout(registries);
            DqnAgent agent = agent(registries, network.getValue(), 2_000, env);
            env.reset(4);
            int[] sink = {0};
            double forward = time(() -> sink[0] += agent.greedyAction(env));
            double update = time(agent::learn);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", network.getKey());
            row.put("network", agent.network().describe());
            row.put("parameters", agent.network().parameterCount());
            row.put("batch", 32);
            row.put("microseconds_per_forward", forward);
            row.put("microseconds_per_update", update);
            row.put("threads", 1);
            double flops = 2.0 * updateMultiplyAdds(agent.network(), 32);
            row.put("dense_equivalent_mflop_per_update", flops / 1e6);
            row.put("peak_gflops_one_thread", peak / 1e9);
            row.put("flop_bound_microseconds", flops / peak * 1e6);
            row.put("times_flop_bound", update / (flops / peak * 1e6));
            rows.add(row);
        }
        rows.add(acLambdaRow(peak));
        rows.add(ppoRow(peak));
        return rows;
    }

    /** AC(lambda), MinAtar's network: one learning step (its update), and one action choice. */
    private Map<String, Object> acLambdaRow(double peak) {
        Environment env = breakout(registries);
        var agent = (dev.lrlab.agents.neuralpolicy.ActorCriticLambdaAgent) policyAgent(registries,
                Map.of("type", "ac-lambda"), env, Math.pow(2, -11));
        env.reset(4);
        agent.start(env);
        env.step(0);
        int[] sink = {0};
        double forward = time(() -> sink[0] += agent.greedyAction(env));
        double step = time(() -> sink[0] += agent.step(0.0, env));
        dev.lrlab.agents.nn.Network net = agent.network().networks().get(0);
        return row("ac-lambda-conv", net.describe(), net.parameterCount(), 1, forward, step,
                multiplyAdds(net, 1, 2, 2), peak);
    }

    /** PPO, MinAtar's network with ReLU: one epoch over a rollout of 4 copies x 128 steps, and one action choice. */
    private Map<String, Object> ppoRow(double peak) {
        Environment[] envs = new Environment[4];
        for (int i = 0; i < envs.length; i++) {
            envs[i] = breakout(registries);
            envs[i].reset(4 + i);
        }
        var agent = (dev.lrlab.agents.neuralpolicy.RolloutAgent) policyAgent(registries,
                Map.of("type", "ppo", "copies", 4, "rollout-steps", 128), envs[0], 2.5e-4);
        int[] actions = new int[envs.length];
        for (int s = 0; s < 128; s++) { // one rollout, not yet learned from
            agent.act(envs, actions);
            for (int i = 0; i < envs.length; i++) {
                agent.observe(i, envs[i].step(actions[i]), envs[i]);
                if (envs[i].episodeOver()) {
                    envs[i].reset();
                }
            }
        }
        int[] sink = {0};
        double forward = time(() -> sink[0] += agent.greedyAction(envs[0]));
        double epoch = time(agent::epoch);
        dev.lrlab.agents.nn.Network net = agent.network().networks().get(0);
        return row("ppo-conv-epoch", net.describe(), net.parameterCount(), 512, forward, epoch,
                multiplyAdds(net, 512, 1, 1), peak);
    }

    private static Map<String, Object> row(String name, String network, int parameters, int batch, double forward,
            double update, double multiplyAdds, double peak) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", name);
        row.put("network", network);
        row.put("parameters", parameters);
        row.put("batch", batch);
        row.put("microseconds_per_forward", forward);
        row.put("microseconds_per_update", update);
        row.put("threads", 1);
        double flops = 2.0 * multiplyAdds;
        row.put("dense_equivalent_mflop_per_update", flops / 1e6);
        row.put("peak_gflops_one_thread", peak / 1e9);
        row.put("flop_bound_microseconds", flops / peak * 1e6);
        row.put("times_flop_bound", update / (flops / peak * 1e6));
        return row;
    }

    /**
     * Multiply-adds counted densely of {@code forwards} forward and {@code backwards} backward passes
     * of {@code batch} examples (a backward pass: weight gradients, and input gradients but the first layer's).
     */
    static double multiplyAdds(dev.lrlab.agents.nn.Network net, int batch, int forwards, int backwards) {
        double forward = 0;
        double backward = 0;
        for (int l = 0; l < net.layers().size(); l++) {
            double perExample = net.layers().get(l).multiplyAdds();
            forward += perExample * batch;
            backward += perExample * batch * (l == 0 ? 1 : 2);
        }
        return forwards * forward + backwards * backward;
    }

    /**
     * Multiply-adds of one update counted densely: forward of the online and target networks,
     * then the backward pass's weight gradients and every input gradient but the first layer's.
     */
    static double updateMultiplyAdds(dev.lrlab.agents.nn.Network net, int batch) {
        double forward = 0;
        double backward = 0;
        for (int l = 0; l < net.layers().size(); l++) {
            var layer = net.layers().get(l);
            if (layer.multiplyAdds() == 0) {
                continue;
            }
            double perExample = layer.multiplyAdds();
            forward += perExample * batch;
            backward += perExample * batch * (l == 0 ? 1 : 2);
        }
        return 2 * forward + backward;
    }

    /** The best single-thread FLOP rate, or NaN without the Vector API. */
    private double peakFlops() {
        if (!dev.lrlab.agents.nn.Kernels.best().vectorized()) {
            return Double.NaN;
        }
        return PeakFlops.measure(Math.max(1, seconds));
    }

    /** Microseconds per call, the better of two timed rounds after a warm-up. */
    private double time(Runnable work) {
        long calls = 0;
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            long end = start + (long) ((round == 0 ? seconds : seconds / 2) * 1e9);
            calls = 0;
            long now;
            do {
                for (int i = 0; i < 16; i++) {
                    work.run();
                }
                calls += 16;
                now = System.nanoTime();
            } while (now < end);
            if (round > 0) {
                best = Math.min(best, (now - start) / 1e3 / calls);
            }
        }
        return best;
    }
}
