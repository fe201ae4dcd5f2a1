package dev.lrlab.env.registry;

import dev.lrlab.env.registry.Parameters.Range;
import java.util.List;
import java.util.Locale;

/**
 * One setting a kind accepts: its name in a spec, its type and range, its default, and one line
 * saying what it does. A kind declares its keys once; they validate the spec, are what
 * {@link Parameters} reads, and are what the list verbs ({@code lrlab agents}, ...) print, so the
 * documentation cannot drift from the code.
 *
 * @param name the key as a spec writes it (kebab case)
 * @param type what kind of value it takes
 * @param presence whether it has a default, must be given, or may be left out
 * @param defaultValue the default (a Double, Long, Boolean or String; for {@link Type#KIND} the
 *     default kind's name), or null when there is none
 * @param range allowed numbers ({@link Type#NUMBER}, {@link Type#NUMBERS}, {@link Type#SCHEDULED})
 * @param min smallest allowed integer ({@link Type#INTEGER}, {@link Type#INTEGERS})
 * @param choices allowed words ({@link Type#CHOICE})
 * @param registry the registry that nested kinds come from ({@link Type#KIND}, {@link Type#KINDS}),
 *     such as "schedule"
 * @param doc what the key does, in one line
 */
public record Key(String name, Type type, Presence presence, Object defaultValue, Range range, long min,
        List<String> choices, String registry, String doc) {

    /** What a key's value is. */
    public enum Type {
        /** A number, which may be written as text such as {@code 1e-4} or {@code 2^-12}. */
        NUMBER,
        /** A whole number. */
        INTEGER,
        /** true or false. */
        FLAG,
        /** One of a fixed set of words. */
        CHOICE,
        /** Free text. */
        TEXT,
        /** A list of numbers. */
        NUMBERS,
        /** A list of increasing whole numbers. */
        INTEGERS,
        /** A nested kind from another registry: a map with a {@code type}. */
        KIND,
        /** A list of nested kinds. */
        KINDS,
        /** A number, or a map {@code {value, schedule, clock}} for a value that follows a schedule. */
        SCHEDULED
    }

    /** Whether a key may be left out. */
    public enum Presence {
        /** Left out, it takes its default. */
        DEFAULT,
        /** It must be given. */
        REQUIRED,
        /** It may be left out, and then it is unset (the kind says what that means). */
        OPTIONAL
    }

    public Key {
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("key names are lower-case words with dashes, was '" + name + "'");
        }
        choices = choices == null ? List.of() : List.copyOf(choices);
        if (presence == Presence.DEFAULT && defaultValue == null) {
            throw new IllegalArgumentException("key " + name + " has no default");
        }
    }

    /** A number in {@code range}, {@code defaultValue} when left out. */
    public static Key number(String name, double defaultValue, Range range, String doc) {
        return new Key(name, Type.NUMBER, Presence.DEFAULT, defaultValue, range, 0, null, null, doc);
    }

    /** A number in {@code range} that must be given, or left unset with {@link #optional()}. */
    public static Key number(String name, Range range, String doc) {
        return new Key(name, Type.NUMBER, Presence.REQUIRED, null, range, 0, null, null, doc);
    }

    /** A whole number >= {@code min}, {@code defaultValue} when left out. */
    public static Key integer(String name, long defaultValue, long min, String doc) {
        return new Key(name, Type.INTEGER, Presence.DEFAULT, defaultValue, null, min, null, null, doc);
    }

    /** A whole number >= {@code min} that must be given, or left unset with {@link #optional()}. */
    public static Key integer(String name, long min, String doc) {
        return new Key(name, Type.INTEGER, Presence.REQUIRED, null, null, min, null, null, doc);
    }

    public static Key flag(String name, boolean defaultValue, String doc) {
        return new Key(name, Type.FLAG, Presence.DEFAULT, defaultValue, null, 0, null, null, doc);
    }

    public static Key choice(String name, String defaultValue, List<String> choices, String doc) {
        return new Key(name, Type.CHOICE, Presence.DEFAULT, defaultValue, null, 0, choices, null, doc);
    }

    /** Free text; unset when left out. */
    public static Key text(String name, String doc) {
        return new Key(name, Type.TEXT, Presence.OPTIONAL, null, null, 0, null, null, doc);
    }

    /** A list of numbers in {@code range}, required unless made {@link #optional()}. */
    public static Key numbers(String name, Range range, String doc) {
        return new Key(name, Type.NUMBERS, Presence.REQUIRED, null, range, 0, null, null, doc);
    }

    /** A list of increasing whole numbers >= {@code min}, required. */
    public static Key integers(String name, long min, String doc) {
        return new Key(name, Type.INTEGERS, Presence.REQUIRED, null, null, min, null, null, doc);
    }

    /** A nested kind of {@code registry}; {@code defaultKind} when left out (null: required). */
    public static Key kind(String name, String registry, String defaultKind, String doc) {
        return new Key(name, Type.KIND, defaultKind == null ? Presence.REQUIRED : Presence.DEFAULT, defaultKind,
                null, 0, null, registry, doc);
    }

    /**
     * A nested kind of {@code registry} whose default is a whole setting, such as DQN's optimizer
     * {@code {type: rmsprop, rho: 0.95, eps: 0.01, centered: true}}: left out, it is that map;
     * given without a {@code type}, its keys override the default's; given with a type, it
     * starts from that kind's own defaults.
     */
    public static Key kind(String name, String registry, java.util.Map<String, ?> defaultSetting, String doc) {
        if (!(defaultSetting.get("type") instanceof String)) {
            throw new IllegalArgumentException("the default setting of " + name + " needs a type");
        }
        return new Key(name, Type.KIND, Presence.DEFAULT, java.util.Map.copyOf(defaultSetting), null, 0, null,
                registry, doc);
    }

    /** The kind a {@link Type#KIND} key defaults to. */
    public String defaultKind() {
        return defaultValue instanceof java.util.Map<?, ?> m ? (String) m.get("type") : (String) defaultValue;
    }

    /** A list of nested kinds of {@code registry}, required. */
    public static Key kinds(String name, String registry, String doc) {
        return new Key(name, Type.KINDS, Presence.REQUIRED, null, null, 0, null, registry, doc);
    }

    /** A number in {@code range} that may follow a schedule: {@code {value, schedule, clock}}. */
    public static Key scheduled(String name, double defaultValue, Range range, String doc) {
        return new Key(name, Type.SCHEDULED, Presence.DEFAULT, defaultValue, range, 0, null, "schedule", doc);
    }

    /** This key, but it may be left out and is then unset. */
    public Key optional() {
        return new Key(name, type, Presence.OPTIONAL, null, range, min, choices, registry, doc);
    }

    /** This key with another default (for kinds that share a key but not its default). */
    public Key withDefault(Object value) {
        return new Key(name, type, Presence.DEFAULT, value, range, min, choices, registry, doc);
    }

    /** This key with another line of documentation. */
    public Key withDoc(String text) {
        return new Key(name, type, presence, defaultValue, range, min, choices, registry, text);
    }

    /** What the key takes, for listings: "number in [0, 1]", "integer >= 1", "schedule kind", ... */
    public String typeLabel() {
        return switch (type) {
            case NUMBER -> range.describe().equals("a number") ? "number" : "number " + range.describe();
            case INTEGER -> "integer >= " + min;
            case FLAG -> "true/false";
            case CHOICE -> String.join(" | ", choices);
            case TEXT -> "text";
            case NUMBERS -> "list of numbers" + (range.describe().equals("a number") ? "" : " " + range.describe());
            case INTEGERS -> "increasing integers >= " + min;
            case KIND -> registry + " kind";
            case KINDS -> "list of " + registry + " kinds";
            case SCHEDULED -> "number " + range.describe() + ", or {value, schedule, clock}";
        };
    }

    /** The default as a listing shows it: the value, "(required)" or "(unset)". */
    public String defaultLabel() {
        return switch (presence) {
            case REQUIRED -> "(required)";
            case OPTIONAL -> "(unset)";
            case DEFAULT -> defaultValue instanceof java.util.Map<?, ?> m ? showSetting(m) : show(defaultValue);
        };
    }

    /** A default setting as a listing shows it: {@code rmsprop (rho 0.95, eps 0.01, centered true)}. */
    private static String showSetting(java.util.Map<?, ?> m) {
        boolean typed = m.get("type") != null;
        StringBuilder s = new StringBuilder(typed ? String.valueOf(m.get("type")) : "");
        String sep = typed ? " (" : "{";
        for (String k : new java.util.TreeSet<>(m.keySet().stream().map(String::valueOf).toList())) {
            if (!k.equals("type")) {
                Object v = m.get(k);
                s.append(sep).append(k).append(' ').append(v instanceof java.util.Map<?, ?> inner ? showSetting(inner) : show(v));
                sep = ", ";
            }
        }
        return sep.equals(", ") ? s.append(typed ? ')' : '}').toString() : s.toString();
    }

    /** A value as a listing shows it: whole numbers as integers, others to six significant digits (1e-08 as 1e-8). */
    public static String show(Object value) {
        if (value instanceof Double d) {
            if (d == Math.rint(d) && Math.abs(d) < 1e6) {
                return Long.toString(d.longValue());
            }
            String s = String.format(Locale.ROOT, "%.6g", d);
            int e = s.indexOf('e');
            String mantissa = e < 0 ? s : s.substring(0, e);
            if (mantissa.contains(".")) {
                mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
            }
            if (e < 0) {
                return mantissa;
            }
            int exponent = Integer.parseInt(s.substring(e + 1));
            return mantissa + "e" + exponent;
        }
        return String.valueOf(value);
    }
}
