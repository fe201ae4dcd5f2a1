package dev.lrlab.env.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Every kind of one type (agents, schedules, ...) that the providers offer, by name. An immutable
 * value: load it once and pass it where it is needed.
 *
 * @param <K> the type of kind
 */
public final class Registry<K extends Kind> {

    private final String noun;
    private final Map<String, K> byName;

    private Registry(String noun, Map<String, K> byName) {
        this.noun = noun;
        this.byName = byName;
    }

    /** The kinds of {@code type} among the given providers'; a name offered twice is an error. */
    public static <K extends Kind> Registry<K> of(String noun, Class<K> type, List<? extends KindProvider> providers) {
        Map<String, K> map = new LinkedHashMap<>();
        for (KindProvider provider : providers) {
            for (Kind kind : provider.kinds()) {
                if (type.isInstance(kind) && map.putIfAbsent(kind.name(), type.cast(kind)) != null) {
                    throw new IllegalStateException(noun + " kind '" + kind.name() + "' is offered twice, the second "
                            + "time by " + provider.getClass().getName());
                }
            }
        }
        return new Registry<>(noun, map);
    }

    /** The providers on the class path of {@code loader}, found through {@link ServiceLoader}. */
    public static List<KindProvider> providers(ClassLoader loader) {
        try {
            return ServiceLoader.load(KindProvider.class, loader).stream().map(ServiceLoader.Provider::get)
                    .map(KindProvider.class::cast).toList();
        } catch (java.util.ServiceConfigurationError | LinkageError e) {
            // a plugin's registration names a class that is missing, not a KindProvider, or fails to load
            throw new PluginException("a plugin cannot be loaded: " + e.getMessage(), e);
        }
    }

    /** What this registry holds, in a word: "agent", "schedule", ... */
    public String noun() {
        return noun;
    }

    public Optional<K> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public List<String> names() {
        return new ArrayList<>(byName.keySet());
    }

    public List<K> all() {
        return List.copyOf(byName.values());
    }

    /**
     * The kind named by the map's {@code type}, or null with the problem recorded: a missing type,
     * or an unknown one with a did-you-mean and the known names.
     */
    public K lookUp(Parameters p) {
        return lookUp(p, "type");
    }

    /** As {@link #lookUp(Parameters)}, with the name under another key (environments use {@code id}). */
    public K lookUp(Parameters p, String key) {
        String name = p.text(key, null);
        if (name == null) {
            if (!p.has(key)) {
                p.problem(key, "is required; one of " + String.join(", ", names()));
            }
            return null;
        }
        K kind = byName.get(name);
        if (kind == null) {
            p.problem(key, unknown(name));
        }
        return kind;
    }

    /** "unknown agent 'x' (did you mean 'y'?); known: ..." */
    public String unknown(String name) {
        return "unknown " + noun + " '" + name + "'" + Suggestions.hint(name, names()) + "; known: "
                + String.join(", ", names());
    }
}
