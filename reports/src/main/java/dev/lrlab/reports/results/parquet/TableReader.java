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
 * Reads a Parquet file that {@link TableWriter} wrote (flat columns and lists; PLAIN,
 * byte-stream-split or dictionary values; RLE levels; Zstandard pages), one column at a time and
 * only the columns asked for: a reader that wants the scalars of every trial need not decompress
 * their curves.
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
            byte[] out = new byte[uncompressed];
            long n = Zstd.decompressByteArray(out, 0, uncompressed, bytes, start, compressed);
            if (Zstd.isError(n) || n != uncompressed) {
                throw new IllegalStateException("a page does not decompress (" + (Zstd.isError(n) ? Zstd.getErrorName(n)
                        : n + " of " + uncompressed + " bytes") + ")");
            }
            return out;
        }
        throw new IllegalStateException("compression codec " + codec + " is not one lrlab writes");
    }

    /** The length of each row's list (-1 for null), from the levels alone: the values are not decoded. */
    public int[] listLengths(String name) throws IOException {
        Chunk chunk = chunks.get(name);
        if (chunk == null || chunk.column.shape() != Column.Shape.LIST) {
            throw new IOException(file + " has no list column " + name);
        }
        try {
            byte[] page = page(chunk.offset, chunk.codec);
            int levels = (int) chunk.levels;
            int length = ByteSink.readInt(page, 0);
            Runs repetition = runs(page, 4, length, levels);
            int pos = 4 + length;
            Runs definition = runs(page, pos + 4, ByteSink.readInt(page, pos), levels);
            int[] out = new int[(int) rows];
            for (int row = 0; row < rows; row++) {
                int d = definition.next();
                repetition.next();
                long more = repetition.take(1);
                definition.skip(more);
                out[row] = d == 0 ? -1 : d == 2 ? (int) (1 + more) : 0;
            }
            return out;
        } catch (RuntimeException e) {
            throw new IOException(file + ": column " + name + " is damaged (" + e.getMessage() + ")");
        }
    }

    private Object[] decode(Chunk chunk) {
        byte[] page = page(chunk.offset, chunk.codec);
        Column c = chunk.column;
        int levels = (int) chunk.levels;
        int pos = 0;
        Runs repetition = null;
        Runs definition = null;
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
        int present = definition == null ? levels : (int) definition.count(c.maxDefinition());
        Object values = c.type() == Column.Type.STRING ? null : values(chunk, page, pos, present);
        Object[] out = new Object[(int) rows];
        int value = 0;
        for (int row = 0; row < rows; row++) {
            int d = definition == null ? c.maxDefinition() : definition.next();
            if (c.shape() != Column.Shape.LIST) {
                if (d == 0 && c.shape() == Column.Shape.OPTIONAL) {
                    out[row] = null;
                } else if (values == null) {
                    int n = ByteSink.readInt(page, pos);
                    out[row] = new String(page, pos + 4, n, StandardCharsets.UTF_8);
                    pos += 4 + n;
                    value++;
                } else {
                    out[row] = values instanceof double[] v ? (Object) v[value]
                            : values instanceof long[] v ? (Object) v[value] : (Object) (long) ((int[]) values)[value];
                    value++;
                }
                continue;
            }
            if (repetition.next() != 0) {
                throw new IllegalStateException("row " + row + " does not start a list");
            }
            // the rest of the row's list: the repetition levels of 1 that follow, taken run by run
            long more = repetition.take(1);
            definition.skip(more);
            int length = d == 2 ? (int) (1 + more) : 0;
            if (d == 0) {
                out[row] = null;
            } else {
                out[row] = values instanceof double[] v ? Arrays.copyOfRange(v, value, value + length)
                        : values instanceof long[] v ? Arrays.copyOfRange(v, value, value + length)
                        : Arrays.copyOfRange((int[]) values, value, value + length);
                value += length;
            }
        }
        if (value != present) {
            throw new IllegalStateException(value + " values decoded of " + present);
        }
        return out;
    }

    /** Levels as runs of one value, walked by a cursor: a list column's levels without an int per value. */
    private static final class Runs {
        private final int[] value;
        private final long[] count;
        private final int size;
        private int run;
        private long used;

        Runs(int[] value, long[] count, int size) {
            this.value = value;
            this.count = count;
            this.size = size;
        }

        long count(int level) {
            long n = 0;
            for (int i = 0; i < size; i++) {
                if (value[i] == level) {
                    n += count[i];
                }
            }
            return n;
        }

        int next() {
            while (run < size && used == count[run]) {
                run++;
                used = 0;
            }
            if (run == size) {
                throw new IllegalStateException("levels end early");
            }
            used++;
            return value[run];
        }

        /** Consumes the levels equal to {@code level} from here on; returns how many. */
        long take(int level) {
            long n = 0;
            while (true) {
                while (run < size && used == count[run]) {
                    run++;
                    used = 0;
                }
                if (run == size || value[run] != level) {
                    return n;
                }
                n += count[run] - used;
                used = count[run];
            }
        }

        void skip(long n) {
            while (n > 0) {
                while (run < size && used == count[run]) {
                    run++;
                    used = 0;
                }
                if (run == size) {
                    throw new IllegalStateException("levels end early");
                }
                long step = Math.min(n, count[run] - used);
                used += step;
                n -= step;
            }
        }
    }

    /** The column's present values from {@code pos} on, decoded into one primitive array. */
    private Object values(Chunk chunk, byte[] page, int pos, int n) {
        Column c = chunk.column;
        int width = c.width();
        if (chunk.encoding == 8 || chunk.encoding == 2) {
            byte[] d = page(chunk.dictionaryOffset, chunk.codec);
            int[] dictionary = new int[d.length / 4];
            for (int k = 0; k < dictionary.length; k++) {
                dictionary[k] = ByteSink.readInt(d, k * 4);
            }
            int[] indices = hybrid(page, pos + 1, page.length, n, page[pos] & 0xFF);
            int[] out = new int[n];
            for (int k = 0; k < n; k++) {
                out[k] = dictionary[indices[k]];
            }
            return out;
        }
        if (chunk.encoding != 0 && chunk.encoding != 9) {
            throw new IllegalStateException("encoding " + chunk.encoding + " is not one lrlab writes");
        }
        if (pos + (long) n * width > page.length) {
            throw new IllegalStateException("values run past the end of the page");
        }
        if (chunk.encoding == 9) {
            // byte stream split: byte k of value i is at pos + k * n + i
            long[] bits = new long[n];
            for (int k = 0; k < width; k++) {
                int from = pos + k * n;
                int shift = 8 * k;
                for (int i = 0; i < n; i++) {
                    bits[i] |= (long) (page[from + i] & 0xFF) << shift;
                }
            }
            if (c.type() == Column.Type.DOUBLE) {
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    out[i] = Double.longBitsToDouble(bits[i]);
                }
                return out;
            }
            if (c.type() == Column.Type.INT64) {
                return bits;
            }
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                out[i] = (int) bits[i];
            }
            return out;
        }
        switch (c.type()) {
            case DOUBLE -> {
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    out[i] = Double.longBitsToDouble(ByteSink.readLong(page, pos + 8 * i));
                }
                return out;
            }
            case INT64 -> {
                long[] out = new long[n];
                for (int i = 0; i < n; i++) {
                    out[i] = ByteSink.readLong(page, pos + 8 * i);
                }
                return out;
            }
            default -> {
                int[] out = new int[n];
                for (int i = 0; i < n; i++) {
                    out[i] = ByteSink.readInt(page, pos + 4 * i);
                }
                return out;
            }
        }
    }

    /** Decodes levels (bit width 1 or 2: levels here are at most 2) into runs. */
    private static Runs runs(byte[] page, int pos, int length, int count) {
        int end = pos + length;
        int[] value = new int[16];
        long[] counts = new long[16];
        int size = 0;
        long seen = 0;
        while (seen < count && pos < end) {
            long header = varint(page, pos);
            pos += varintLength(header);
            if (size + 8 > value.length) {
                value = Arrays.copyOf(value, value.length * 2);
                counts = Arrays.copyOf(counts, counts.length * 2);
            }
            if ((header & 1) == 0) {
                value[size] = page[pos++] & 0xFF;
                counts[size++] = header >>> 1;
                seen += header >>> 1;
            } else {
                // bit-packed groups (another writer's): one run per value, width 2 at most
                int n = (int) (header >>> 1) * 8;
                int[] unpacked = hybrid(page, pos - varintLength(header), end, n, 2);
                for (int v : unpacked) {
                    if (size == value.length) {
                        value = Arrays.copyOf(value, value.length * 2);
                        counts = Arrays.copyOf(counts, counts.length * 2);
                    }
                    value[size] = v;
                    counts[size++] = 1;
                }
                pos += n * 2 / 8;
                seen += n;
            }
        }
        if (seen < count) {
            throw new IllegalStateException("levels end after " + seen + " of " + count);
        }
        return new Runs(value, counts, size);
    }

    /** The unsigned LEB128 varint at {@code pos}: a run's header. */
    private static long varint(byte[] page, int pos) {
        long v = 0;
        int shift = 0;
        int b;
        do {
            b = page[pos++] & 0xFF;
            v |= (long) (b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        return v;
    }

    private static int varintLength(long v) {
        int n = 1;
        while ((v >>>= 7) != 0) {
            n++;
        }
        return n;
    }

    /** The RLE/bit-packing hybrid: RLE runs and bit-packed groups of eight values of {@code width} bits. */
    private static int[] hybrid(byte[] page, int pos, int end, int count, int width) {
        int[] out = new int[count];
        int k = 0;
        int valueBytes = (width + 7) / 8;
        while (k < count && pos < end) {
            long header = varint(page, pos);
            pos += varintLength(header);
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
                if (width == 8 || width == 16) { // whole bytes, as lrlab writes dictionary indices
                    int step = width / 8;
                    for (int i = 0; i < values; i++) {
                        int v = page[pos + i * step] & 0xFF;
                        if (step == 2) {
                            v |= (page[pos + i * 2 + 1] & 0xFF) << 8;
                        }
                        if (k < count) {
                            out[k++] = v;
                        }
                    }
                    pos += values * step;
                    continue;
                }
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
