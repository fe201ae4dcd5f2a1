package dev.lrlab.env;

import dev.lrlab.env.registry.Key;
import dev.lrlab.env.registry.Kind;
import dev.lrlab.env.registry.KindProvider;
import dev.lrlab.env.registry.Parameters;
import dev.lrlab.env.registry.Problems;
import dev.lrlab.env.registry.Registry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Supplier;

/**
 * An environment a spec can name by its id ({@code environment: {id: breakout, sticky: 0}}), with
 * the settings it accepts. Registered through {@link KindProvider}; each environment's package
 * offers its own.
 *
 * @param name the id a spec uses
 * @param summary one line for {@code lrlab envs}
 * @param keys the settings a spec may give
 * @param factory reads the settings into a factory of fresh instances
 */
public record EnvironmentKind(String name, String summary, List<Key> keys, Factory factory) implements Kind {

    /** Every environment may be truncated by a time limit; presets say what theirs is. */
    public static final Key TIME_LIMIT = Key.integer("time-limit", 1,
            "truncate episodes after this many steps (replaces the preset's limit)").optional();

    /** Reads an environment's settings. */
    @FunctionalInterface
    public interface Factory {
        /**
         * A factory of instances with the settings in {@code settings}; mistakes are recorded
         * there (the result is then ignored and may be null).
         */
        Supplier<Environment> bind(Parameters settings);
    }

    public EnvironmentKind {
        keys = List.copyOf(keys);
    }

    public static EnvironmentKind of(String name, String summary, List<Key> keys, Factory factory) {
        return new EnvironmentKind(name, summary, keys, factory);
    }

    /** A fresh instance with every setting at its default. */
    public Environment create() {
        Problems problems = new Problems();
        Supplier<Environment> made = factory.bind(Parameters.of(name, new LinkedHashMap<>(), problems).bind(this));
        problems.throwIfAny();
        return made.get();
    }

    /** The environments of the given providers. */
    public static Registry<EnvironmentKind> registry(List<? extends KindProvider> providers) {
        return Registry.of("environment", EnvironmentKind.class, providers);
    }

    /** The environments on lrlab's class path (built-in and plugins). */
    public static Registry<EnvironmentKind> load() {
        return registry(Registry.providers(EnvironmentKind.class.getClassLoader()));
    }
}
