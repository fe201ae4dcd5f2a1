package dev.lrlab.agents;

import dev.lrlab.agents.schedule.Clock;
import dev.lrlab.env.ObservationSpace;
import dev.lrlab.env.registry.Key;
import dev.lrlab.env.registry.Kind;
import dev.lrlab.env.registry.KindProvider;
import dev.lrlab.env.registry.Parameters;
import dev.lrlab.env.registry.Registry;
import java.util.List;

/**
 * A named agent a spec can choose ({@code agent: {type: q-learning, gamma: 1.0}}), with its keys.
 * Adding an agent means a package with the agent, a {@link KindProvider} offering its kind, and
 * one line in {@code META-INF/services/dev.lrlab.env.registry.KindProvider}.
 *
 * @param name the {@code type} a spec uses
 * @param summary one line for listings
 * @param keys the settings it takes
 * @param typicalRate a step size at which it learns on the built-in environments without diverging
 *     (what {@code lrlab bench} runs it at)
 * @param factory reads the settings into a blueprint
 */
public record AgentKind(String name, String summary, List<Key> keys, double typicalRate, Factory factory)
        implements Kind {

    /**
     * What an agent's settings are read against.
     *
     * @param environment the environment's id
     * @param space its observations, or null when the environment itself is wrong (the agent's own
     *     keys are still checked)
     * @param actionCount its actions (0 when unknown)
     * @param clock the clock of the learning rate
     * @param registries the kinds nested settings come from
     */
    public record Setting(String environment, ObservationSpace space, int actionCount, Clock clock,
            Registries registries) {
    }

    /** Reads one kind's settings. */
    @FunctionalInterface
    public interface Factory {
        /** The blueprint the settings describe; mistakes are recorded there (the result is then ignored). */
        AgentBlueprint bind(Parameters settings, Setting setting);
    }

    public AgentKind {
        keys = List.copyOf(keys);
    }

    public static AgentKind of(String name, String summary, List<Key> keys, double typicalRate, Factory factory) {
        return new AgentKind(name, summary, keys, typicalRate, factory);
    }

    /** The agent kinds among the given providers' kinds. */
    public static Registry<AgentKind> registry(List<? extends KindProvider> providers) {
        return Registry.of("agent", AgentKind.class, providers);
    }
}
