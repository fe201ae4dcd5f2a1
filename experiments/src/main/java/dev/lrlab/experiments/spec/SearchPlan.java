package dev.lrlab.experiments.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A search read from a spec: its {@code search:} block, and the spec itself, from which the plan of
 * any one configuration is read as a sweep of that configuration's values (so a configuration is
 * checked, resolved and keyed exactly as a grid point with the same values would be).
 *
 * @param spec the search block
 * @param tree the spec as given, with overrides applied
 * @param source where the spec came from, for messages
 */
public record SearchPlan(SearchSpec spec, Map<String, Object> tree, String source, SpecReader reader) {

    /** The plan of one configuration: the spec with a sweep of these values and the search's seeds. */
    public ExperimentPlan at(Map<String, Object> values) {
        try {
            return reader.parse(SpecReader.canonicalJson(specOf(values)), source + " (configuration " + values + ").json");
        } catch (SpecException e) {
            // every end of every range was checked before the search began; a value inside one
            // that a setting still refuses is the spec's contradiction, reported as such
            throw new IllegalStateException("configuration " + values + " of the search is not a valid spec: "
                    + e.getMessage(), e);
        }
    }

    /** The spec of one configuration as a file the user can run: the search replaced by its sweep. */
    public Map<String, Object> specOf(Map<String, Object> values) {
        Map<String, Object> t = SpecReader.deepCopy(tree);
        t.remove("search");
        Map<String, Object> sweep = new LinkedHashMap<>();
        values.forEach((path, value) -> sweep.put(path, List.of(value)));
        sweep.put("seeds", spec.seedsPerConfiguration());
        t.put("sweep", sweep);
        return t;
    }
}
