package dev.lrlab.reports.results.parquet;

/**
 * A column of a flat table: a name, a value type and a shape. Lists are Parquet's three-level
 * {@code LIST} of required elements (what pandas reads as an array per row), and may be null.
 *
 * @param name the column name, as pandas will show it
 * @param type what one value is
 * @param shape required value, optional value, or list of values
 * @param encoding how the values are laid out before compression
 */
public record Column(String name, Type type, Shape shape, Encoding encoding) {

    /** How values are laid out before compression. */
    public enum Encoding {
        PLAIN(0),
        /** Byte 0 of every value, then byte 1, ...: a third smaller for curves of integers and smooth numbers. */
        BYTE_STREAM_SPLIT(9),
        /** Each distinct value once, then bit-packed indices: for integers with few distinct values (episode lengths). */
        RLE_DICTIONARY(8);

        final int id;

        Encoding(int id) {
            this.id = id;
        }
    }

    /** The value types lrlab stores. */
    public enum Type {
        INT32(1), INT64(2), DOUBLE(5), STRING(6);

        final int parquetType;

        Type(int parquetType) {
            this.parquetType = parquetType;
        }
    }

    /** Whether a row holds exactly one value, at most one, or a list. */
    public enum Shape { REQUIRED, OPTIONAL, LIST }

    public static Column required(String name, Type type) {
        return new Column(name, type, Shape.REQUIRED, Encoding.PLAIN);
    }

    public static Column optional(String name, Type type) {
        return new Column(name, type, Shape.OPTIONAL, Encoding.PLAIN);
    }

    public static Column list(String name, Type type) {
        if (type == Type.STRING) {
            throw new IllegalArgumentException("lists of strings are not stored");
        }
        return new Column(name, type, Shape.LIST, Encoding.PLAIN);
    }

    /** The same column of doubles stored byte stream split (DuckDB reads that for floating point only). */
    public Column split() {
        if (type != Type.DOUBLE) {
            throw new IllegalArgumentException("only doubles are stored byte stream split");
        }
        return new Column(name, type, shape, Encoding.BYTE_STREAM_SPLIT);
    }

    /** The same column of 32-bit integers stored as a dictionary and indices into it. */
    public Column dictionary() {
        if (type != Type.INT32) {
            throw new IllegalArgumentException("only 32-bit integers are stored with a dictionary");
        }
        return new Column(name, type, shape, Encoding.RLE_DICTIONARY);
    }

    int width() {
        return type == Type.INT32 ? 4 : 8;
    }

    int maxDefinition() {
        return switch (shape) {
            case REQUIRED -> 0;
            case OPTIONAL -> 1;
            case LIST -> 2;
        };
    }

    int maxRepetition() {
        return shape == Shape.LIST ? 1 : 0;
    }
}
