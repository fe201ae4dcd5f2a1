package dev.lrlab.agents.features;

import dev.lrlab.env.ObservationSpace;
import dev.lrlab.env.registry.Key;
import dev.lrlab.env.registry.Kind;
import dev.lrlab.env.registry.KindProvider;
import dev.lrlab.env.registry.Parameters;
import dev.lrlab.env.registry.Registry;
import java.util.List;

/**
 * A named feature map a spec can choose for a linear agent ({@code features: {type: tile-coding,
 * tilings: 8}}), with its keys.
 *
 * @param name the {@code type} a spec uses
 * @param summary one line for listings
 * @param keys the settings it takes
 * @param factory reads them into a blueprint
 */
public record FeatureKind(String name, String summary, List<Key> keys, Factory factory) implements Kind {

    /** A feature map read from a spec, built for each trial's environment. */
    public interface Blueprint {
        FeatureMap create(ObservationSpace space);

        /** What the swept rate means with these features, when it is not the plain step size; else "". */
        default String rateNote() {
            return "";
        }
    }

    /** Reads one kind's settings. */
    @FunctionalInterface
    public interface Factory {
        /**
         * The blueprint the settings describe, for the environment named {@code environment} whose
         * observations are {@code space} (null when the environment itself is wrong); mistakes are
         * recorded in the settings.
         */
        Blueprint bind(Parameters settings, String environment, ObservationSpace space);
    }

    public FeatureKind {
        keys = List.copyOf(keys);
    }

    public static FeatureKind of(String name, String summary, List<Key> keys, Factory factory) {
        return new FeatureKind(name, summary, keys, factory);
    }

    /** The feature kinds among the given providers' kinds. */
    public static Registry<FeatureKind> registry(List<? extends KindProvider> providers) {
        return Registry.of("feature map", FeatureKind.class, providers);
    }

    /** Reads a feature map through the registry; null with the mistakes recorded. */
    public static Blueprint read(Parameters spec, Registry<FeatureKind> kinds, String environment,
            ObservationSpace space) {
        return spec.readAs(kinds, (kind, p) -> kind.factory().bind(p, environment, space));
    }
}
