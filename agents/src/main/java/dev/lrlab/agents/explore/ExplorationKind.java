package dev.lrlab.agents.explore;

import dev.lrlab.agents.TrialContext;
import dev.lrlab.agents.schedule.ScheduleKind;
import dev.lrlab.env.registry.Key;
import dev.lrlab.env.registry.Kind;
import dev.lrlab.env.registry.KindProvider;
import dev.lrlab.env.registry.Parameters;
import dev.lrlab.env.registry.Registry;
import java.util.List;

/**
 * A named way of exploring that a spec can choose ({@code exploration: {type: softmax,
 * temperature: 0.5}}), with its keys.
 *
 * @param name the {@code type} a spec uses
 * @param summary one line for listings
 * @param keys the settings it takes
 * @param factory reads them into a blueprint
 */
public record ExplorationKind(String name, String summary, List<Key> keys, Factory factory) implements Kind {

    /** An exploration read from a spec; each agent gets its own, with a fresh parameter schedule. */
    @FunctionalInterface
    public interface Blueprint {
        Exploration create(TrialContext context);

        /** Whether the exploration counts each state's actions (UCB), which only a table allows. */
        default boolean countsActions() {
            return false;
        }
    }

    /** Reads one kind's settings. */
    @FunctionalInterface
    public interface Factory {
        /** The blueprint the settings describe; mistakes are recorded there (the result is then ignored). */
        Blueprint bind(Parameters settings, Registry<ScheduleKind> schedules);
    }

    public ExplorationKind {
        keys = List.copyOf(keys);
    }

    public static ExplorationKind of(String name, String summary, List<Key> keys, Factory factory) {
        return new ExplorationKind(name, summary, keys, factory);
    }

    /** The exploration kinds among the given providers' kinds. */
    public static Registry<ExplorationKind> registry(List<? extends KindProvider> providers) {
        return Registry.of("exploration", ExplorationKind.class, providers);
    }

    /** Reads an exploration map through the registry; null with the mistakes recorded. */
    public static Blueprint read(Parameters spec, Registry<ExplorationKind> kinds, Registry<ScheduleKind> schedules) {
        return spec.readAs(kinds, (kind, p) -> kind.factory().bind(p, schedules));
    }
}
