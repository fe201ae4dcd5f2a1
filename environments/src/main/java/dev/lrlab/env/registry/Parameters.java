package dev.lrlab.env.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A map of named settings read from a spec (as Jackson or Gson parse it: numbers, booleans,
 * strings, lists and maps) with typed getters that check the value and, when it is wrong, record a
 * problem naming the key's full path, what was expected and what was found. Keys nobody asked for
 * are reported by {@link #reportUnknownKeys()}, with a "did you mean" for near misses.
 *
 * <p>The settings of a {@link Kind} are read through its declared {@link Key}s: once
 * {@link #bind(Kind) bound} to a kind, the map is closed (a key the kind does not declare is an
 * error naming the kind and its keys), and reading a key the kind did not declare is a bug in
 * the kind, reported at once.
 */
public final class Parameters {

    /** A check on a number, with its description for messages ("must be in (0, 1]"). */
    public record Range(double low, boolean lowOpen, double high, boolean highOpen) {
        public static final Range ANY = new Range(Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true);
        public static final Range POSITIVE = new Range(0, true, Double.POSITIVE_INFINITY, true);
        public static final Range NON_NEGATIVE = new Range(0, false, Double.POSITIVE_INFINITY, true);
        public static final Range UNIT = new Range(0, false, 1, false);
        public static final Range UNIT_OPEN_LOW = new Range(0, true, 1, false);
        public static final Range OPEN_UNIT = new Range(0, true, 1, true);
        public static final Range AT_LEAST_ONE = new Range(1, false, Double.POSITIVE_INFINITY, true);

        public boolean contains(double v) {
            return (lowOpen ? v > low : v >= low) && (highOpen ? v < high : v <= high)
                    && !Double.isNaN(v);
        }

        public String describe() {
            if (high == Double.POSITIVE_INFINITY) {
                return low == Double.NEGATIVE_INFINITY ? "a number" : (lowOpen ? "> " : ">= ") + fmt(low);
            }
            return "in " + (lowOpen ? "(" : "[") + fmt(low) + ", " + fmt(high) + (highOpen ? ")" : "]");
        }

        private static String fmt(double v) {
            return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
        }
    }

    private final String path;
    private final Map<String, Object> values;
    private final Problems problems;
    private final Set<String> asked = new LinkedHashSet<>();
    /** Every value the getters returned, defaults included: the resolved form of this map. */
    private final Map<String, Object> resolved = new LinkedHashMap<>();
    /** The kind whose keys this map holds, once bound; null for a section of the spec. */
    private Kind kind;

    private Parameters(String path, Map<String, Object> values, Problems problems) {
        this.path = path;
        this.values = new LinkedHashMap<>(values);
        this.problems = problems;
    }

    /** Settings at {@code path}, recording problems into {@code problems}. */
    public static Parameters of(String path, Map<String, ?> values, Problems problems) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) values;
        return new Parameters(path, map, problems);
    }

    public String path() {
        return path;
    }

    public Problems problems() {
        return problems;
    }

    /** The path of one key under this map. */
    public String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public boolean has(String key) {
        asked.add(key);
        return values.containsKey(key) && values.get(key) != null;
    }

    /** Records a problem at one key of this map. */
    public void problem(String key, String message) {
        problems.add(pathOf(key), message);
    }

    /** The raw value, or null. */
    public Object raw(String key) {
        asked.add(key);
        return values.get(key);
    }

    public double number(String key, double defaultValue, Range range) {
        return has(key) ? requiredNumber(key, range) : record(key, defaultValue);
    }

    public double requiredNumber(String key, Range range) {
        Object v = raw(key);
        if (v == null) {
            problem(key, "is required (" + range.describe() + ")");
            return Double.NaN;
        }
        Double d = asDouble(v);
        if (d == null) {
            problem(key, "must be a number, was " + describe(v) + powerHint(v));
            return Double.NaN;
        }
        if (!range.contains(d)) {
            problem(key, "must be " + range.describe() + ", was " + v);
            return Double.NaN;
        }
        return record(key, d);
    }

    public long integer(String key, long defaultValue, long min) {
        if (has(key)) {
            return requiredInteger(key, min);
        }
        resolved.put(key, defaultValue);
        return defaultValue;
    }

    public long requiredInteger(String key, long min) {
        Object v = raw(key);
        if (v == null) {
            problem(key, "is required (an integer >= " + min + ")");
            return min;
        }
        Long l = asLong(v);
        if (l == null) {
            problem(key, "must be an integer, was " + describe(v));
            return min;
        }
        if (l < min) {
            problem(key, "must be >= " + min + ", was " + l);
            return min;
        }
        resolved.put(key, l);
        return l;
    }

    public boolean flag(String key, boolean defaultValue) {
        Object v = raw(key);
        boolean value = defaultValue;
        if (v instanceof Boolean b) {
            value = b;
        } else if (v != null) {
            problem(key, "must be true or false, was " + describe(v));
        }
        resolved.put(key, value);
        return value;
    }

    public String text(String key, String defaultValue) {
        Object v = raw(key);
        String value = defaultValue;
        if (v instanceof String s) {
            value = s;
        } else if (v != null) {
            problem(key, "must be a string, was " + describe(v));
        }
        if (value != null) {
            resolved.put(key, value);
        }
        return value;
    }

    /** One of a fixed set of words. */
    public String choice(String key, String defaultValue, List<String> allowed) {
        String s = text(key, defaultValue);
        if (s != null && !allowed.contains(s)) {
            problem(key, "must be one of " + String.join(", ", allowed) + ", was '" + s + "'"
                    + Suggestions.hint(s, allowed));
            return defaultValue;
        }
        return s;
    }

    /** A list of increasing integers >= min. */
    public long[] increasingIntegers(String key, long min, boolean required) {
        Object v = raw(key);
        if (v == null) {
            if (required) {
                problem(key, "is required (a list of increasing integers)");
            }
            return new long[0];
        }
        if (!(v instanceof List<?> list)) {
            problem(key, "must be a list of integers, was " + describe(v));
            return new long[0];
        }
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            Long l = asLong(list.get(i));
            if (l == null || l < min || (i > 0 && l <= out[i - 1])) {
                problem(key + "[" + i + "]", "must be an integer >= " + min
                        + (i > 0 ? " and above the one before" : "") + ", was " + describe(list.get(i)));
                return new long[0];
            }
            out[i] = l;
        }
        resolved.put(key, java.util.Arrays.stream(out).boxed().toList());
        return out;
    }

    /** A list of numbers, each in range. */
    public double[] numbers(String key, Range range, boolean required) {
        Object v = raw(key);
        if (v == null) {
            if (required) {
                problem(key, "is required (a list of numbers " + range.describe() + ")");
            }
            return new double[0];
        }
        if (!(v instanceof List<?> list)) {
            problem(key, "must be a list of numbers, was " + describe(v));
            return new double[0];
        }
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            Object e = list.get(i);
            Double d = asDouble(e);
            if (d == null || !range.contains(d)) {
                problem(key + "[" + i + "]", "must be a number " + range.describe() + ", was " + describe(e)
                        + (d == null ? powerHint(e) : ""));
                return new double[0];
            }
            out[i] = d;
        }
        resolved.put(key, java.util.Arrays.stream(out).boxed().toList());
        return out;
    }

    /** A nested map, or null (with a problem recorded if present but not a map). */
    public Parameters child(String key, boolean required) {
        Object v = raw(key);
        if (v == null) {
            if (required) {
                problem(key, "is required (a map)");
            }
            return null;
        }
        if (!(v instanceof Map<?, ?> map)) {
            problem(key, "must be a map, was " + describe(v));
            return null;
        }
        Parameters child = Parameters.of(pathOf(key), castMap(map), problems);
        resolved.put(key, child.resolved);
        return child;
    }

    /** A list of nested maps. */
    public List<Parameters> children(String key, boolean required) {
        Object v = raw(key);
        List<Parameters> out = new ArrayList<>();
        if (v == null) {
            if (required) {
                problem(key, "is required (a list of maps)");
            }
            return out;
        }
        if (!(v instanceof List<?> list)) {
            problem(key, "must be a list of maps, was " + describe(v));
            return out;
        }
        List<Map<String, Object>> resolvedList = new ArrayList<>();
        resolved.put(key, resolvedList);
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof Map<?, ?> map) {
                Parameters child = Parameters.of(pathOf(key) + "[" + i + "]", castMap(map), problems);
                resolvedList.add(child.resolved);
                out.add(child);
            } else {
                problems.add(pathOf(key) + "[" + i + "]", "must be a map, was " + describe(list.get(i)));
            }
        }
        return out;
    }

    /**
     * Closes this map over the keys of {@code kind}: {@link #reportUnknownKeys()} then names the
     * kind and its keys, and the {@link Key} getters refuse keys the kind did not declare.
     */
    public Parameters bind(Kind kind) {
        this.kind = kind;
        asked.add("type");
        return this;
    }

    /** The kind this map was bound to, or null. */
    public Kind kind() {
        return kind;
    }

    private void declared(Key key) {
        if (kind != null && !kind.keys().contains(key)) {
            throw new IllegalStateException("kind '" + kind.name() + "' reads key '" + key.name()
                    + "' without declaring it in keys()");
        }
    }

    /** A {@link Key.Type#NUMBER} (or a plain-number {@link Key.Type#SCHEDULED}); NaN when unset or wrong. */
    public double number(Key key) {
        declared(key);
        if (has(key.name())) {
            return requiredNumber(key.name(), key.range());
        }
        return switch (key.presence()) {
            case DEFAULT -> record(key.name(), ((Number) key.defaultValue()).doubleValue());
            case REQUIRED -> requiredNumber(key.name(), key.range());
            case OPTIONAL -> Double.NaN;
        };
    }

    /** A {@link Key.Type#INTEGER}; {@code Long.MIN_VALUE} when unset, the key's minimum when wrong. */
    public long integer(Key key) {
        declared(key);
        if (has(key.name()) || key.presence() == Key.Presence.REQUIRED) {
            return requiredInteger(key.name(), key.min());
        }
        if (key.presence() == Key.Presence.OPTIONAL) {
            return Long.MIN_VALUE;
        }
        long value = ((Number) key.defaultValue()).longValue();
        resolved.put(key.name(), value);
        return value;
    }

    public boolean flag(Key key) {
        declared(key);
        return flag(key.name(), (Boolean) key.defaultValue());
    }

    /** A {@link Key.Type#CHOICE} or {@link Key.Type#TEXT}; null when unset. */
    public String text(Key key) {
        declared(key);
        if (key.type() == Key.Type.CHOICE) {
            return choice(key.name(), (String) key.defaultValue(), key.choices());
        }
        return text(key.name(), (String) key.defaultValue());
    }

    /** A {@link Key.Type#NUMBERS}; empty when unset or wrong. */
    public double[] numbers(Key key) {
        declared(key);
        return numbers(key.name(), key.range(), key.presence() == Key.Presence.REQUIRED);
    }

    /** A {@link Key.Type#INTEGERS}; empty when unset or wrong. */
    public long[] integers(Key key) {
        declared(key);
        return increasingIntegers(key.name(), key.min(), key.presence() == Key.Presence.REQUIRED);
    }

    /**
     * A {@link Key.Type#KIND}: the nested map, or, when it is left out and the key has a default
     * kind, a map naming that kind (so that the default is written out in the resolved form);
     * null when it is missing or not a map.
     */
    public Parameters nested(Key key) {
        declared(key);
        if (!has(key.name()) && key.presence() == Key.Presence.DEFAULT) {
            Map<String, Object> defaults = new LinkedHashMap<>();
            defaults.put("type", key.defaultKind());
            if (key.defaultValue() instanceof Map<?, ?> setting) {
                defaults.putAll(deepCopy(setting));
            }
            Parameters child = Parameters.of(pathOf(key.name()), defaults, problems);
            resolved.put(key.name(), child.resolved);
            return child;
        }
        if (key.presence() == Key.Presence.DEFAULT && values.get(key.name()) instanceof Map<?, ?> given
                && !given.containsKey("type")) {
            // settings without a type are settings of the default kind: {epsilon: 0.3} is epsilon-greedy's
            Map<String, Object> typed = new LinkedHashMap<>();
            typed.put("type", key.defaultKind());
            if (key.defaultValue() instanceof Map<?, ?> setting) {
                typed.putAll(deepCopy(setting));
            }
            typed.putAll(castMap(given));
            values.put(key.name(), typed);
        }
        return child(key.name(), key.presence() == Key.Presence.REQUIRED);
    }

    /** A {@link Key.Type#KINDS}: the nested maps. */
    public List<Parameters> nestedList(Key key) {
        declared(key);
        return children(key.name(), key.presence() == Key.Presence.REQUIRED);
    }

    /** The raw value of a key (for {@link Key.Type#SCHEDULED}, which may be a number or a map). */
    public Object raw(Key key) {
        declared(key);
        return raw(key.name());
    }

    /**
     * Reads a nested kind through its registry: looks up its {@code type}, binds the nested map
     * to it, and returns what {@code read} makes of it, with unknown keys reported; null when the
     * type is missing or unknown, or {@code read} returned null.
     */
    public <K extends Kind, T> T nested(Key key, Registry<K> registry, java.util.function.BiFunction<K, Parameters, T> read) {
        Parameters child = nested(key);
        return child == null ? null : child.readAs(registry, read);
    }

    /**
     * This map as a kind of {@code registry}: looks up its type, binds, reads, reports unknown keys;
     * null when any of that recorded a problem. An {@link IllegalArgumentException} from the read
     * (a kind's own check of its values together) becomes a problem at this map's path, unless
     * the read already recorded one.
     */
    public <K extends Kind, T> T readAs(Registry<K> registry, java.util.function.BiFunction<K, Parameters, T> read) {
        int before = problems.size();
        K k = registry.lookUp(this);
        if (k == null) {
            return null;
        }
        bind(k);
        T out;
        try {
            out = read.apply(k, this);
        } catch (IllegalArgumentException e) {
            if (problems.size() == before) {
                problems.add(path, e.getMessage());
            }
            out = null;
        }
        reportUnknownKeys();
        return problems.size() > before ? null : out;
    }

    /** Records a problem for every key that no getter asked for. */
    public void reportUnknownKeys() {
        if (kind != null) {
            List<String> names = kind.keys().stream().map(Key::name).toList();
            for (String key : values.keySet()) {
                if (!asked.contains(key) && !names.contains(key)) {
                    problem(key, kind.name() + " has no key '" + key + "'" + Suggestions.hint(key, names)
                            + (names.isEmpty() ? "; it takes no settings" : " (its keys: " + String.join(", ", names) + ")"));
                }
            }
            return;
        }
        for (String key : values.keySet()) {
            if (!asked.contains(key)) {
                problem(key, "unknown key" + Suggestions.hint(key, asked)
                        + (asked.isEmpty() ? "" : "; known here: " + String.join(", ", asked)));
            }
        }
    }

    /**
     * The values the getters returned, defaults included, in the order they were asked for (nested
     * maps resolved too): what this map means, written out in full.
     */
    public Map<String, Object> resolved() {
        return resolved;
    }

    /** Records a value for a key that was absent, such as a default sub-map. */
    public void resolve(String key, Object value) {
        resolved.put(key, value);
    }

    private double record(String key, double value) {
        if (!Double.isNaN(value)) {
            resolved.put(key, value);
        }
        return value;
    }

    /** The keys given, in order. */
    public Set<String> keys() {
        return values.keySet();
    }

    /** The underlying values, for echoing the resolved spec. */
    public Map<String, Object> asMap() {
        return values;
    }

    /**
     * A number, or a string that spells one: YAML reads {@code 1e-4} (no dot) as a string, and
     * step sizes are often written as powers such as {@code 2^-12}.
     */
    public static Double asDouble(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            String t = s.trim();
            try {
                int caret = t.indexOf('^');
                // a power is written without spaces: "2^ -3" is more likely a slip than a number
                if (caret > 0 && t.matches("(\\d+\\.?\\d*|\\.\\d+)\\^[-+]?(\\d+\\.?\\d*|\\.\\d+)")) {
                    return Math.pow(Double.parseDouble(t.substring(0, caret)),
                            Double.parseDouble(t.substring(caret + 1)));
                }
                if (t.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
                    return Double.parseDouble(t);
                }
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Long asLong(Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        Double d = v instanceof Boolean ? null : asDouble(v);
        if (d != null && d == Math.rint(d) && Math.abs(d) < 9e15) {
            return d.longValue();
        }
        return null;
    }

    /** What to say about a string that meant to be a power, such as "2^ -3"; empty for anything else. */
    private static String powerHint(Object v) {
        return v instanceof String str && str.contains("^") ? "; write a power without spaces, such as 2^-3" : "";
    }

    /** How a found value is shown in a message: its text and its kind. */
    public static String describe(Object v) {
        if (v == null) {
            return "nothing";
        }
        if (v instanceof String s) {
            return s.length() > 60 ? "a string of " + s.length() + " characters" : "'" + s + "' (a string)";
        }
        if (v instanceof byte[]) {
            return "binary data (!!binary)";
        }
        if (v instanceof List<?>) {
            return "a list";
        }
        if (v instanceof Map<?, ?>) {
            return "a map";
        }
        return v.toString();
    }

    @SuppressWarnings("unchecked")
    /** A mutable copy of a default setting, nested maps copied too. */
    private static Map<String, Object> deepCopy(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (var e : map.entrySet()) {
            out.put(String.valueOf(e.getKey()), e.getValue() instanceof Map<?, ?> inner ? deepCopy(inner) : e.getValue());
        }
        return out;
    }

    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
