package dev.lrlab.agents.schedule;

import dev.lrlab.agents.config.Parameters;
import dev.lrlab.agents.config.Suggestions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The registry of schedule kinds, gathered from every {@link ScheduleKindProvider} on the class
 * path. An immutable value: build one with {@link #load()} and pass it where it is needed.
 */
public final class ScheduleKinds {

    private final Map<String, ScheduleKind> byName;

    private ScheduleKinds(Map<String, ScheduleKind> byName) {
        this.byName = byName;
    }

    /** Every kind that the providers on the class path offer. */
    public static ScheduleKinds load() {
        return of(ServiceLoader.load(ScheduleKindProvider.class, ScheduleKinds.class.getClassLoader())
                .stream().map(ServiceLoader.Provider::get).toList());
    }

    /** The kinds of the given providers; a name offered twice is an error. */
    public static ScheduleKinds of(List<? extends ScheduleKindProvider> providers) {
        Map<String, ScheduleKind> map = new LinkedHashMap<>();
        for (ScheduleKindProvider provider : providers) {
            for (ScheduleKind kind : provider.kinds()) {
                ScheduleKind before = map.putIfAbsent(kind.name(), kind);
                if (before != null) {
                    throw new IllegalStateException("schedule kind '" + kind.name()
                            + "' is offered twice, by " + provider.getClass().getName());
                }
            }
        }
        return new ScheduleKinds(map);
    }

    public Optional<ScheduleKind> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public List<String> names() {
        return new ArrayList<>(byName.keySet());
    }

    public List<ScheduleKind> all() {
        return List.copyOf(byName.values());
    }

    /**
     * The schedule that {@code spec} describes (its {@code type} and parameters) for base rate
     * {@code base}, or null with the mistakes recorded in the spec's problems.
     */
    public StepSizeSchedule create(double base, Parameters spec) {
        String type = spec.text("type", null);
        if (type == null) {
            if (!spec.has("type")) {
                spec.problem("type", "is required; one of " + String.join(", ", names()));
            }
            return null;
        }
        ScheduleKind kind = byName.get(type);
        if (kind == null) {
            spec.problem("type", "unknown schedule '" + type + "'" + Suggestions.hint(type, names())
                    + "; known: " + String.join(", ", names()));
            return null;
        }
        int before = spec.problems().size();
        StepSizeSchedule schedule;
        try {
            schedule = kind.factory().create(base, spec);
        } catch (IllegalArgumentException e) {
            // a range the parameter getters did not check; report it unless they already did
            if (spec.problems().size() == before) {
                spec.problems().add(spec.path(), e.getMessage());
            }
            schedule = null;
        }
        spec.reportUnknownKeys();
        return spec.problems().size() == before ? schedule : null;
    }
}
