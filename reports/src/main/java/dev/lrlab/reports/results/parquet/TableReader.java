package dev.lrlab.reports.results.parquet;

import com.github.luben.zstd.Zstd;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Parquet file that {@link TableWriter} wrote (flat columns and lists, PLAIN values, RLE
 * levels, Zstandard or no compression), one column at a time and only the columns asked for: a
 * reader that wants the scalars of every trial need not decompress their curves.
 */
public final class TableReader {

    private final Path file;
    private final byte[] bytes;
    private final long rows;
    private final Map<String, Chunk> chunks = new LinkedHashMap<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();

    private record Chunk(Column column, long offset, long levels, int codec, int encoding, long dictionaryOffset) {
    }

    private TableReader(Path file, byte[] bytes) throws IOException {
        this.file = file;
        this.bytes = bytes;
        int n = bytes.length;
        if (n < 12 || !Arrays.equals(Arrays.copyOfRange(bytes, 0, 4), TableWriter.MAGIC)
                || !Arrays.equals(Arrays.copyOfRange(bytes, n - 4, n), TableWriter.MAGIC)) {
            throw new IOException(file + " is not a complete Parquet file (cut off while written?)");
        }
        int footerLength = ByteSink.readInt(bytes, n - 8);
        int footerStart = n - 8 - footerLength;
        if (footerLength <= 0 || footerStart < 4) {
            throw new IOException(file + " has a damaged Parquet footer");
        }
        try {
            Map<Integer, Object> meta = new CompactProtocol.Reader(bytes, footerStart).struct();
            rows = (Long) meta.get(3);
            List<Column> columns = columns(list(meta.get(2)));
            List<Object> groups = list(meta.get(4));
            if (groups.size() > 1) {
                throw new IOException(file + " has " + groups.size() + " row groups; lrlab writes one");
            }
            if (!groups.isEmpty()) {
                List<Object> columnChunks = list(struct(groups.get(0)).get(1));
                for (int i = 0; i < columnChunks.size(); i++) {
                    Map<Integer, Object> cm = struct(struct(columnChunks.get(i)).get(3));
                    Column c = columns.get(i);
                    Map<Integer, Object> page = new CompactProtocol.Reader(bytes, ((Long) cm.get(9)).intValue()).struct();
                    int encoding = ((Long) struct(page.get(5)).get(2)).intValue();
                    chunks.put(c.name(), new Chunk(c, (Long) cm.get(9), (Long) cm.get(5), ((Long) cm.get(4)).intValue(),
                            encoding, cm.get(11) == null ? -1 : (Long) cm.get(11)));
                }
            }
            if (meta.get(5) != null) {
                for (Object kv : list(meta.get(5))) {
                    Map<Integer, Object> m = struct(kv);
                    metadata.put(text(m.get(1)), m.get(2) == null ? null : text(m.get(2)));
                }
            }
        } catch (IllegalStateException | ClassCastException | NullPointerException | IndexOutOfBoundsException e) {
            throw new IOException(file + " has a Parquet footer lrlab cannot read: " + e.getMessage());
        }
    }

    public static TableReader open(Path file) throws IOException {
        return new TableReader(file, Files.readAllBytes(file));
    }

    /** Reads a table from bytes; {@code origin} names them in messages. */
    public static TableReader of(byte[] bytes, Path origin) throws IOException {
        return new TableReader(origin, bytes);
    }

    public long rows() {
        return rows;
    }

    public Map<String, String> metadata() {
        return metadata;
    }

    public boolean has(String column) {
        return chunks.containsKey(column);
    }

    /**
     * The values of one column, one entry per row: {@code String}, {@code Long}, {@code Double} (or
     * null) for scalars; {@code int[]}, {@code long[]}, {@code double[]} (or null) for lists.
     */
    public Object[] column(String name) throws IOException {
        Chunk chunk = chunks.get(name);
        if (chunk == null) {
            throw new IOException(file + " has no column " + name);
        }
        try {
            return decode(chunk);
        } catch (RuntimeException e) {
            throw new IOException(file + ": column " + name + " is damaged (" + e.getMessage() + ")");
        }
    }

    /** The uncompressed body of the page at {@code offset}. */
    private byte[] page(long offset, int codec) {
        CompactProtocol.Reader headerReader = new CompactProtocol.Reader(bytes, (int) offset);
        Map<Integer, Object> header = headerReader.struct();
        int uncompressed = ((Long) header.get(2)).intValue();
        int compressed = ((Long) header.get(3)).intValue();
        int start = headerReader.position();
        if (start + compressed > bytes.length) {
            throw new IllegalStateException("page runs past the end of the file");
        }
        if (codec == 6) {
            return Zstd.decompress(Arrays.copyOfRange(bytes, start, start + compressed), uncompressed);
        } else if (codec == 0) {
            return Arrays.copyOfRange(bytes, start, start + compressed);
        }
        throw new IllegalStateException("compression codec " + codec + " is not one lrlab writes");
    }

    private Object[] decode(Chunk chunk) {
        byte[] page = page(chunk.offset, chunk.codec);
        Column c = chunk.column;
        int levels = (int) chunk.levels;
        int pos = 0;
        int[] repetition = null;
        int[] definition = null;
        if (c.maxRepetition() > 0) {
            int length = ByteSink.readInt(page, pos);
            repetition = runs(page, pos + 4, length, levels);
            pos += 4 + length;
        }
        if (c.maxDefinition() > 0) {
            int length = ByteSink.readInt(page, pos);
            definition = runs(page, pos + 4, length, levels);
            pos += 4 + length;
        }
        if (chunk.encoding == 9) {
            unsplit(page, pos, c.width());
        } else if (chunk.encoding == 8 || chunk.encoding == 2) {
            page = undictionary(page, pos, page(chunk.dictionaryOffset, chunk.codec), present(definition, c, levels), c);
        } else if (chunk.encoding != 0) {
            throw new IllegalStateException("encoding " + chunk.encoding + " is not one lrlab writes");
        }
        Object[] out = new Object[(int) rows];
        int row = 0;
        int i = 0;
        while (i < levels) {
            int d = definition == null ? c.maxDefinition() : definition[i];
            if (c.shape() != Column.Shape.LIST) {
                if (d == 0 && c.shape() == Column.Shape.OPTIONAL) {
                    out[row++] = null;
                } else {
                    int[] cursor = {pos};
                    out[row++] = scalar(page, cursor, c.type());
                    pos = cursor[0];
                }
                i++;
                continue;
            }
            int end = i + 1;
            while (end < levels && repetition[end] == 1) {
                end++;
            }
            int length = d == 2 ? end - i : 0;
            if (d == 0) {
                out[row++] = null;
            } else {
                switch (c.type()) {
                    case DOUBLE -> {
                        double[] v = new double[length];
                        for (int k = 0; k < length; k++, pos += 8) {
                            v[k] = Double.longBitsToDouble(ByteSink.readLong(page, pos));
                        }
                        out[row++] = v;
                    }
                    case INT64 -> {
                        long[] v = new long[length];
                        for (int k = 0; k < length; k++, pos += 8) {
                            v[k] = ByteSink.readLong(page, pos);
                        }
                        out[row++] = v;
                    }
                    case INT32 -> {
                        int[] v = new int[length];
                        for (int k = 0; k < length; k++, pos += 4) {
                            v[k] = ByteSink.readInt(page, pos);
                        }
                        out[row++] = v;
                    }
                    default -> throw new IllegalStateException("lists of " + c.type() + " are not stored");
                }
            }
            i = end;
        }
        if (row != rows) {
            throw new IllegalStateException(row + " rows decoded of " + rows);
        }
        return out;
    }

    private static int present(int[] definition, Column c, int levels) {
        if (definition == null) {
            return levels;
        }
        int n = 0;
        for (int d : definition) {
            if (d == c.maxDefinition()) {
                n++;
            }
        }
        return n;
    }

    /** Rewrites dictionary indices from {@code start} as the PLAIN values they stand for. */
    private static byte[] undictionary(byte[] page, int start, byte[] dictionary, int n, Column c) {
        int width = page[start] & 0xFF;
        int[] indices = hybrid(page, start + 1, page.length, n, width);
        ByteSink plain = new ByteSink();
        plain.writeBytes(page, 0, start);
        int w = c.width();
        for (int index : indices) {
            if ((long) (index + 1) * w > dictionary.length) {
                throw new IllegalStateException("dictionary index " + index + " out of range");
            }
            plain.writeBytes(dictionary, index * w, w);
        }
        return Arrays.copyOf(plain.array(), plain.size());
    }

    /** Undoes the byte stream split of the values from {@code start} to the end of the page, in place. */
    private static void unsplit(byte[] page, int start, int width) {
        int n = (page.length - start) / width;
        byte[] split = Arrays.copyOfRange(page, start, start + n * width);
        for (int k = 0; k < width; k++) {
            for (int i = 0; i < n; i++) {
                page[start + i * width + k] = split[k * n + i];
            }
        }
    }

    private static Object scalar(byte[] page, int[] cursor, Column.Type type) {
        int pos = cursor[0];
        switch (type) {
            case INT32:
                cursor[0] = pos + 4;
                return (long) ByteSink.readInt(page, pos);
            case INT64:
                cursor[0] = pos + 8;
                return ByteSink.readLong(page, pos);
            case DOUBLE:
                cursor[0] = pos + 8;
                return Double.longBitsToDouble(ByteSink.readLong(page, pos));
            default:
                int n = ByteSink.readInt(page, pos);
                cursor[0] = pos + 4 + n;
                return new String(page, pos + 4, n, StandardCharsets.UTF_8);
        }
    }

    /** Decodes levels: a run of the RLE/bit-packing hybrid of bit width 1 or 2 (levels here are at most 2). */
    private static int[] runs(byte[] page, int pos, int length, int count) {
        return hybrid(page, pos, pos + length, count, 2);
    }

    /** The RLE/bit-packing hybrid: RLE runs and bit-packed groups of eight values of {@code width} bits. */
    private static int[] hybrid(byte[] page, int pos, int end, int count, int width) {
        int[] out = new int[count];
        int k = 0;
        int valueBytes = (width + 7) / 8;
        while (k < count && pos < end) {
            long header = 0;
            int shift = 0;
            int b;
            do {
                b = page[pos++] & 0xFF;
                header |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            if ((header & 1) == 0) {
                int n = (int) (header >>> 1);
                int value = 0;
                for (int i = 0; i < valueBytes; i++) {
                    value |= (page[pos++] & 0xFF) << (8 * i);
                }
                Arrays.fill(out, k, Math.min(count, k + n), value);
                k += n;
            } else {
                int values = (int) (header >>> 1) * 8;
                long bitPos = (long) pos * 8;
                for (int i = 0; i < values; i++) {
                    int v = 0;
                    for (int bit = 0; bit < width; bit++, bitPos++) {
                        v |= ((page[(int) (bitPos >>> 3)] >>> (bitPos & 7)) & 1) << bit;
                    }
                    if (k < count) {
                        out[k++] = v;
                    }
                }
                pos += values * width / 8;
            }
        }
        if (k < count) {
            throw new IllegalStateException("values end after " + k + " of " + count);
        }
        return out;
    }

    private static List<Column> columns(List<Object> schema) {
        List<Column> out = new ArrayList<>();
        for (int i = 1; i < schema.size(); i++) {
            Map<Integer, Object> e = struct(schema.get(i));
            String name = text(e.get(4));
            if (e.get(5) != null) { // a LIST group: skip its "list" group, read its element
                Map<Integer, Object> element = struct(schema.get(i + 2));
                out.add(Column.list(name, type((Long) element.get(1))));
                i += 2;
            } else {
                Column.Type type = type((Long) e.get(1));
                out.add(((Long) e.get(3)) == 0 ? Column.required(name, type) : Column.optional(name, type));
            }
        }
        return out;
    }

    private static Column.Type type(long parquetType) {
        for (Column.Type t : Column.Type.values()) {
            if (t.parquetType == parquetType) {
                return t;
            }
        }
        throw new IllegalStateException("Parquet type " + parquetType + " is not one lrlab writes");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static Map<Integer, Object> struct(Object o) {
        return (Map<Integer, Object>) o;
    }

    private static String text(Object o) {
        return new String((byte[]) o, StandardCharsets.UTF_8);
    }
}
