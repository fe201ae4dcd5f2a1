package dev.lrlab.agents.optim;

import dev.lrlab.env.registry.Key;
import dev.lrlab.env.registry.Kind;
import dev.lrlab.env.registry.KindProvider;
import dev.lrlab.env.registry.Parameters;
import dev.lrlab.env.registry.Registry;
import java.util.List;

/**
 * A named optimizer a spec can choose ({@code optimizer: {type: adam, beta2: 0.99}}), with the
 * keys it accepts.
 *
 * @param name the {@code type} a spec uses
 * @param summary one line for listings
 * @param keys the hyperparameters it takes
 * @param factory reads them into a blueprint
 */
public record OptimizerKind(String name, String summary, List<Key> keys, Factory factory) implements Kind {

    /** Reads one kind's settings. */
    @FunctionalInterface
    public interface Factory {
        /** The blueprint the settings describe; mistakes are recorded there (the result is then ignored). */
        OptimizerBlueprint bind(Parameters settings);
    }

    public OptimizerKind {
        keys = List.copyOf(keys);
    }

    public static OptimizerKind of(String name, String summary, List<Key> keys, Factory factory) {
        return new OptimizerKind(name, summary, keys, factory);
    }

    /** The optimizer kinds among the given providers' kinds. */
    public static Registry<OptimizerKind> registry(List<? extends KindProvider> providers) {
        return Registry.of("optimizer", OptimizerKind.class, providers);
    }

    /**
     * The optimizer of that kind at its defaults ({@code adam}, {@code sgd}, ...), for tools that
     * take a kind by name.
     *
     * @throws IllegalArgumentException naming the kind, with the kinds there are
     */
    public static OptimizerBlueprint defaults(String kind, Registry<OptimizerKind> kinds) {
        java.util.Map<String, Object> spec = new java.util.LinkedHashMap<>();
        spec.put("type", kind);
        dev.lrlab.env.registry.Problems problems = new dev.lrlab.env.registry.Problems();
        OptimizerBlueprint b = read(Parameters.of("optimizer", spec, problems), kinds);
        if (!problems.isEmpty() || b == null) {
            throw new IllegalArgumentException(String.join("; ", problems.messages()));
        }
        return b;
    }

    /** Reads an optimizer map through the registry; null with the mistakes recorded. */
    public static OptimizerBlueprint read(Parameters spec, Registry<OptimizerKind> kinds) {
        return spec.readAs(kinds, (kind, p) -> kind.factory().bind(p));
    }
}
