package dev.lrlab.reports.results.parquet;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of Thrift's compact protocol that Parquet's headers and footer use: structs of
 * integers, strings, booleans, lists and nested structs. Writing is by field; reading gives a tree
 * of maps (field id to value), lists, longs, booleans and byte arrays, which is all a reader of our
 * own files needs.
 */
final class CompactProtocol {

    static final int BOOLEAN_TRUE = 1;
    static final int BOOLEAN_FALSE = 2;
    static final int I32 = 5;
    static final int I64 = 6;
    static final int BINARY = 8;
    static final int LIST = 9;
    static final int STRUCT = 12;

    private CompactProtocol() {
    }

    /** Writes one struct (and the structs inside it) to a byte stream. */
    static final class Writer {
        private final ByteArrayOutputStream out;
        private final Deque<Integer> lastIds = new ArrayDeque<>();
        private int lastId;

        Writer(ByteArrayOutputStream out) {
            this.out = out;
        }

        Writer i32(int id, int value) {
            header(id, I32);
            varint(zigzag(value));
            return this;
        }

        Writer i64(int id, long value) {
            header(id, I64);
            varint(zigzag(value));
            return this;
        }

        Writer bool(int id, boolean value) {
            header(id, value ? BOOLEAN_TRUE : BOOLEAN_FALSE);
            return this;
        }

        Writer string(int id, String value) {
            header(id, BINARY);
            binary(value.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        /** Opens a nested struct as field {@code id}; close it with {@link #end()}. */
        Writer struct(int id) {
            header(id, STRUCT);
            return begin();
        }

        /** Starts a struct that is an element of a list (or the top-level struct). */
        Writer begin() {
            lastIds.push(lastId);
            lastId = 0;
            return this;
        }

        /** Ends the innermost struct. */
        Writer end() {
            out.write(0);
            lastId = lastIds.isEmpty() ? 0 : lastIds.pop();
            return this;
        }

        /** A list header for {@code size} elements of {@code type}; the elements follow. */
        Writer list(int id, int type, int size) {
            header(id, LIST);
            if (size < 15) {
                out.write(size << 4 | type);
            } else {
                out.write(0xF0 | type);
                varint(size);
            }
            return this;
        }

        /** An element of a list of i32. */
        Writer i32Element(int value) {
            varint(zigzag(value));
            return this;
        }

        /** An element of a list of strings. */
        Writer stringElement(String value) {
            binary(value.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        private void header(int id, int type) {
            int delta = id - lastId;
            if (delta > 0 && delta <= 15) {
                out.write(delta << 4 | type);
            } else {
                out.write(type);
                varint(zigzag(id));
            }
            lastId = id;
        }

        private void binary(byte[] bytes) {
            varint(bytes.length);
            out.write(bytes, 0, bytes.length);
        }

        private void varint(long v) {
            while ((v & ~0x7FL) != 0) {
                out.write((int) (v & 0x7F) | 0x80);
                v >>>= 7;
            }
            out.write((int) v);
        }

        private static long zigzag(long v) {
            return (v << 1) ^ (v >> 63);
        }
    }

    /** Reads structs into maps from field id to value; {@link #position()} tells how far it got. */
    static final class Reader {
        private final byte[] bytes;
        private int pos;

        Reader(byte[] bytes, int offset) {
            this.bytes = bytes;
            this.pos = offset;
        }

        int position() {
            return pos;
        }

        Map<Integer, Object> struct() {
            Map<Integer, Object> fields = new LinkedHashMap<>();
            int lastId = 0;
            while (true) {
                int b = next();
                if (b == 0) {
                    return fields;
                }
                int type = b & 0x0F;
                int delta = b >>> 4;
                int id = delta != 0 ? lastId + delta : (int) unzigzag(varint());
                fields.put(id, value(type));
                lastId = id;
            }
        }

        private Object value(int type) {
            switch (type) {
                case BOOLEAN_TRUE:
                    return Boolean.TRUE;
                case BOOLEAN_FALSE:
                    return Boolean.FALSE;
                case 3:
                    return (long) (byte) next();
                case 4:
                case I32:
                case I64:
                    return unzigzag(varint());
                case 7: {
                    long v = 0;
                    for (int i = 0; i < 8; i++) {
                        v |= (long) next() << (8 * i);
                    }
                    return Double.longBitsToDouble(v);
                }
                case BINARY: {
                    int n = (int) varint();
                    check(n);
                    byte[] out = java.util.Arrays.copyOfRange(bytes, pos, pos + n);
                    pos += n;
                    return out;
                }
                case LIST:
                case 10: {
                    int h = next();
                    int size = h >>> 4;
                    if (size == 15) {
                        size = (int) varint();
                    }
                    int elementType = h & 0x0F;
                    List<Object> out = new ArrayList<>(Math.min(size, 1 << 16));
                    for (int i = 0; i < size; i++) {
                        out.add(elementType == BOOLEAN_TRUE || elementType == BOOLEAN_FALSE
                                ? (Object) (next() == BOOLEAN_TRUE) : value(elementType));
                    }
                    return out;
                }
                case STRUCT:
                    return struct();
                default:
                    throw new IllegalStateException("Thrift type " + type + " is not one lrlab writes");
            }
        }

        private int next() {
            check(1);
            return bytes[pos++] & 0xFF;
        }

        private void check(int n) {
            if (n < 0 || pos + n > bytes.length) {
                throw new IllegalStateException("truncated Thrift data");
            }
        }

        private long varint() {
            long v = 0;
            int shift = 0;
            while (true) {
                int b = next();
                v |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return v;
                }
                shift += 7;
                if (shift > 63) {
                    throw new IllegalStateException("bad varint in Thrift data");
                }
            }
        }

        private static long unzigzag(long v) {
            return (v >>> 1) ^ -(v & 1);
        }
    }
}
