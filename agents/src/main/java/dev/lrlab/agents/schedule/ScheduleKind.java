package dev.lrlab.agents.schedule;

import dev.lrlab.env.registry.Key;
import dev.lrlab.env.registry.Kind;
import dev.lrlab.env.registry.KindProvider;
import dev.lrlab.env.registry.Parameters;
import dev.lrlab.env.registry.Registry;
import java.util.List;

/**
 * A named kind of schedule that a spec can use ({@code schedule: {type: cosine, t-max: 1000}}),
 * with its keys and the factory that reads them.
 *
 * @param name the {@code type} a spec uses
 * @param summary one line for help and listings
 * @param keys the settings it takes
 * @param factory reads the settings into a blueprint
 */
public record ScheduleKind(String name, String summary, List<Key> keys, Factory factory) implements Kind {

    /** Reads one kind's settings. */
    @FunctionalInterface
    public interface Factory {
        /**
         * The blueprint that {@code settings} describe; mistakes are recorded there (the result is
         * then ignored and may be null). Nested schedules are read through {@code kinds}.
         */
        ScheduleBlueprint bind(Parameters settings, Registry<ScheduleKind> kinds);
    }

    public ScheduleKind {
        keys = List.copyOf(keys);
    }

    public static ScheduleKind of(String name, String summary, List<Key> keys, Factory factory) {
        return new ScheduleKind(name, summary, keys, factory);
    }

    /** The schedule kinds among the given providers' kinds. */
    public static Registry<ScheduleKind> registry(List<? extends KindProvider> providers) {
        return Registry.of("schedule", ScheduleKind.class, providers);
    }

    /**
     * Reads a schedule map ({@code type} and settings) into a blueprint, or returns null with every
     * mistake recorded in the map's problems: an unknown type, a key the kind does not have, a
     * value out of range, or arguments the schedule itself refuses.
     */
    public static ScheduleBlueprint read(Parameters spec, Registry<ScheduleKind> kinds) {
        return spec.readAs(kinds, (kind, p) -> {
            ScheduleBlueprint blueprint = kind.factory().bind(p, kinds);
            if (blueprint != null) {
                blueprint.at(1.0); // the schedule's own checks of its values together, such as a boundary count
            }
            return blueprint;
        });
    }
}
