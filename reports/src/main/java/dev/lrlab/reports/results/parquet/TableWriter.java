package dev.lrlab.reports.results.parquet;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Builds one Parquet file of a flat table, row by row: every column gets exactly one value (or
 * null, or a list) per row, then {@link #writeTo} writes one row group with one data page per
 * column, values in the column's encoding (PLAIN, byte stream split, or a dictionary), levels in
 * RLE runs, pages compressed with Zstandard. That subset
 * is what pandas (pyarrow), polars and DuckDB read; {@link TableReader} reads it back.
 */
public final class TableWriter {

    static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
    // level 1: the encodings above do most of the work; levels 3 and 5 made parts 2-3% smaller at
    // 1.3x and 1.8x the time (README, "Results")
    private static final int ZSTD_LEVEL = 1;
    private static final int PLAIN = 0;
    private static final int RLE = 3;
    private static final int CODEC_ZSTD = 6;
    private static final int MAX_DICTIONARY = 1 << 16;

    private final List<Column> columns;
    private final ColumnBuffer[] buffers;
    private int rows;

    private TableWriter(List<Column> columns) {
        this.columns = List.copyOf(columns);
        this.buffers = new ColumnBuffer[columns.size()];
        for (int i = 0; i < buffers.length; i++) {
            buffers[i] = new ColumnBuffer(columns.get(i));
        }
    }

    public static TableWriter of(List<Column> columns) {
        return new TableWriter(columns);
    }

    public int rows() {
        return rows;
    }

    public TableWriter putNull(int column) {
        ColumnBuffer b = buffers[column];
        if (b.column.shape() == Column.Shape.REQUIRED) {
            throw new IllegalArgumentException(b.column.name() + " is required");
        }
        b.level(0, 0);
        return this;
    }

    public TableWriter put(int column, String value) {
        if (value == null) {
            return putNull(column);
        }
        ColumnBuffer b = buffers[column].single(Column.Type.STRING);
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        b.values.writeInt(utf8.length);
        b.values.writeBytes(utf8, 0, utf8.length);
        return this;
    }

    public TableWriter put(int column, long value) {
        ColumnBuffer b = buffers[column];
        if (b.column.type() == Column.Type.INT32) {
            if ((int) value != value) {
                throw new IllegalArgumentException(b.column.name() + " holds 32-bit integers, not " + value);
            }
            b.single(Column.Type.INT32).values.writeInt((int) value);
        } else {
            b.single(Column.Type.INT64).values.writeLong(value);
        }
        return this;
    }

    public TableWriter put(int column, double value) {
        buffers[column].single(Column.Type.DOUBLE).values.writeDouble(value);
        return this;
    }

    public TableWriter put(int column, double[] values) {
        if (values == null) {
            return putNull(column);
        }
        ColumnBuffer b = buffers[column].list(Column.Type.DOUBLE, values.length);
        for (double v : values) {
            b.values.writeDouble(v);
        }
        return this;
    }

    public TableWriter put(int column, int[] values) {
        if (values == null) {
            return putNull(column);
        }
        ColumnBuffer b = buffers[column].list(Column.Type.INT32, values.length);
        for (int v : values) {
            b.values.writeInt(v);
        }
        return this;
    }

    public TableWriter put(int column, long[] values) {
        if (values == null) {
            return putNull(column);
        }
        ColumnBuffer b = buffers[column].list(Column.Type.INT64, values.length);
        for (long v : values) {
            b.values.writeLong(v);
        }
        return this;
    }

    /** Ends a row: every column must have had its value. */
    public TableWriter endRow() {
        rows++;
        for (ColumnBuffer b : buffers) {
            if (b.rows != rows) {
                throw new IllegalStateException("column " + b.column.name() + " has " + b.rows + " values for "
                        + rows + " rows");
            }
        }
        return this;
    }

    /** Writes the table to {@code file}, compressed, with {@code metadata} as the file's key-value metadata. */
    public void writeTo(Path file, Map<String, String> metadata) throws IOException {
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            writeTo(out, metadata);
        }
    }

    private void writeTo(OutputStream out, Map<String, String> metadata) throws IOException {
        {
            out.write(MAGIC);
            long offset = MAGIC.length;
            long[] pageOffsets = new long[buffers.length];
            long[] dictionaryOffsets = new long[buffers.length];
            long[] compressedSizes = new long[buffers.length];
            long[] uncompressedSizes = new long[buffers.length];
            long total = 0;
            for (int i = 0; i < buffers.length; i++) {
                ColumnBuffer b = buffers[i];
                long chunkStart = offset;
                long chunkUncompressed = 0;
                dictionaryOffsets[i] = -1;
                byte[] dictionary = b.dictionaryPage();
                if (dictionary != null) {
                    byte[] compressed = Zstd.compress(dictionary, ZSTD_LEVEL);
                    ByteArrayOutputStream header = new ByteArrayOutputStream(64);
                    new CompactProtocol.Writer(header).begin()
                            .i32(1, 2) // DICTIONARY_PAGE
                            .i32(2, dictionary.length)
                            .i32(3, compressed.length)
                            .struct(7).i32(1, b.dictionarySize()).i32(2, PLAIN).end()
                            .end();
                    dictionaryOffsets[i] = offset;
                    header.writeTo(out);
                    out.write(compressed);
                    offset += header.size() + compressed.length;
                    chunkUncompressed += header.size() + dictionary.length;
                }
                byte[] page = b.page();
                byte[] compressed = Zstd.compress(page, ZSTD_LEVEL);
                ByteArrayOutputStream header = new ByteArrayOutputStream(64);
                new CompactProtocol.Writer(header).begin()
                        .i32(1, 0) // DATA_PAGE
                        .i32(2, page.length)
                        .i32(3, compressed.length)
                        .struct(5)
                        .i32(1, Math.toIntExact(b.levelCount))
                        .i32(2, b.valueEncoding().id)
                        .i32(3, RLE)
                        .i32(4, RLE)
                        .end()
                        .end();
                pageOffsets[i] = offset;
                header.writeTo(out);
                out.write(compressed);
                offset += header.size() + compressed.length;
                compressedSizes[i] = offset - chunkStart;
                uncompressedSizes[i] = chunkUncompressed + header.size() + page.length;
                total += uncompressedSizes[i];
            }
            ByteArrayOutputStream footer = new ByteArrayOutputStream(4096);
            CompactProtocol.Writer w = new CompactProtocol.Writer(footer).begin();
            w.i32(1, 1);
            schema(w);
            w.i64(3, rows);
            w.list(4, CompactProtocol.STRUCT, 1).begin();
            w.list(1, CompactProtocol.STRUCT, buffers.length);
            for (int i = 0; i < buffers.length; i++) {
                Column c = buffers[i].column;
                boolean dictionary = dictionaryOffsets[i] >= 0;
                w.begin().i64(2, dictionary ? dictionaryOffsets[i] : pageOffsets[i]).struct(3)
                        .i32(1, c.type().parquetType)
                        .list(2, CompactProtocol.I32, 2).i32Element(buffers[i].valueEncoding().id)
                        .i32Element(dictionary ? PLAIN : RLE);
                List<String> path = c.shape() == Column.Shape.LIST ? List.of(c.name(), "list", "element") : List.of(c.name());
                w.list(3, CompactProtocol.BINARY, path.size());
                path.forEach(w::stringElement);
                w.i32(4, CODEC_ZSTD)
                        .i64(5, buffers[i].levelCount)
                        .i64(6, uncompressedSizes[i])
                        .i64(7, compressedSizes[i])
                        .i64(9, pageOffsets[i]);
                if (dictionary) {
                    w.i64(11, dictionaryOffsets[i]);
                }
                w.end()
                        .end();
            }
            w.i64(2, total).i64(3, rows).end();
            w.list(5, CompactProtocol.STRUCT, metadata.size());
            for (Map.Entry<String, String> e : metadata.entrySet()) {
                w.begin().string(1, e.getKey()).string(2, e.getValue()).end();
            }
            w.string(6, "lrlab");
            w.end();
            footer.writeTo(out);
            byte[] length = new byte[4];
            java.nio.ByteBuffer.wrap(length).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(footer.size());
            out.write(length);
            out.write(MAGIC);
        }
    }

    private void schema(CompactProtocol.Writer w) {
        int elements = 1;
        for (Column c : columns) {
            elements += c.shape() == Column.Shape.LIST ? 3 : 1;
        }
        w.list(2, CompactProtocol.STRUCT, elements);
        w.begin().string(4, "schema").i32(5, columns.size()).end();
        for (Column c : columns) {
            if (c.shape() == Column.Shape.LIST) {
                // the three-level list of the Parquet spec: optional group (LIST) { repeated group list { required element } }
                w.begin().i32(3, 1).string(4, c.name()).i32(5, 1).i32(6, 3).struct(10).struct(3).end().end().end();
                w.begin().i32(3, 2).string(4, "list").i32(5, 1).end();
                w.begin().i32(1, c.type().parquetType).i32(3, 0).string(4, "element").end();
            } else {
                w.begin().i32(1, c.type().parquetType).i32(3, c.shape() == Column.Shape.REQUIRED ? 0 : 1).string(4, c.name());
                if (c.type() == Column.Type.STRING) {
                    w.i32(6, 0).struct(10).struct(1).end().end();
                }
                w.end();
            }
        }
    }

    /** One column's levels and values, as they will go into its data page. */
    private static final class ColumnBuffer {
        final Column column;
        final ByteSink values = new ByteSink();
        final ByteSink repetition = new ByteSink();
        final ByteSink definition = new ByteSink();
        final LevelRuns repetitionRuns;
        final LevelRuns definitionRuns;
        int rows;
        long levelCount;

        ColumnBuffer(Column column) {
            this.column = column;
            this.repetitionRuns = new LevelRuns(repetition);
            this.definitionRuns = new LevelRuns(definition);
        }

        ColumnBuffer single(Column.Type type) {
            if (column.type() != type || column.shape() == Column.Shape.LIST) {
                throw new IllegalArgumentException(column.name() + " holds " + column.shape() + " " + column.type()
                        + ", not one " + type);
            }
            level(0, column.maxDefinition());
            return this;
        }

        ColumnBuffer list(Column.Type type, int length) {
            if (column.type() != type || column.shape() != Column.Shape.LIST) {
                throw new IllegalArgumentException(column.name() + " holds " + column.shape() + " " + column.type()
                        + ", not a list of " + type);
            }
            if (length == 0) {
                level(0, 1);
            } else {
                repetitionRuns.add(0, 1);
                repetitionRuns.add(1, length - 1);
                definitionRuns.add(2, length);
                levelCount += length;
                rows++;
            }
            return this;
        }

        void level(int repetitionLevel, int definitionLevel) {
            if (column.maxRepetition() > 0) {
                repetitionRuns.add(repetitionLevel, 1);
            }
            if (column.maxDefinition() > 0) {
                definitionRuns.add(definitionLevel, 1);
            }
            levelCount++;
            rows++;
        }

        private int[] dictionary;
        private int[] indices;

        /** The encoding of the values: a dictionary only where it is small enough to pay. */
        Column.Encoding valueEncoding() {
            if (column.encoding() != Column.Encoding.RLE_DICTIONARY) {
                return column.encoding();
            }
            if (indices == null) {
                buildDictionary();
            }
            return dictionary != null ? Column.Encoding.RLE_DICTIONARY : Column.Encoding.PLAIN;
        }

        /** Each distinct value once, in order of appearance, and each value's index: open addressing on ints. */
        private void buildDictionary() {
            int n = values.size() / 4;
            indices = new int[n];
            int capacity = Integer.highestOneBit(Math.max(16, Math.min(n, MAX_DICTIONARY) * 2)) * 2;
            int[] slotValue = new int[capacity];
            int[] slotIndex = new int[capacity];
            java.util.Arrays.fill(slotIndex, -1);
            int[] distinct = new int[Math.min(n, MAX_DICTIONARY) + 1];
            int shift = 32 - Integer.numberOfTrailingZeros(capacity);
            int size = 0;
            for (int i = 0; i < n; i++) {
                int v = ByteSink.readInt(values.array(), i * 4);
                int slot = (v * 0x9E3779B9) >>> shift;
                while (slotIndex[slot] >= 0 && slotValue[slot] != v) {
                    slot = (slot + 1) & (capacity - 1);
                }
                if (slotIndex[slot] < 0) {
                    if (size == MAX_DICTIONARY || size * 2 >= capacity) {
                        dictionary = null;
                        return;
                    }
                    slotValue[slot] = v;
                    slotIndex[slot] = size;
                    distinct[size++] = v;
                }
                indices[i] = slotIndex[slot];
            }
            dictionary = java.util.Arrays.copyOf(distinct, size);
        }

        int dictionarySize() {
            return dictionary.length;
        }

        /** The dictionary page's values, or null when the column has none. */
        byte[] dictionaryPage() {
            if (valueEncoding() != Column.Encoding.RLE_DICTIONARY) {
                return null;
            }
            ByteSink d = new ByteSink(4 * dictionary.length);
            for (int v : dictionary) {
                d.writeInt(v);
            }
            return java.util.Arrays.copyOf(d.array(), d.size());
        }

        byte[] page() {
            ByteSink page = new ByteSink(values.size() + repetition.size() + definition.size() + 64);
            if (column.maxRepetition() > 0) {
                repetitionRuns.flush();
                page.writeInt(repetition.size());
                page.writeBytes(repetition.array(), 0, repetition.size());
            }
            if (column.maxDefinition() > 0) {
                definitionRuns.flush();
                page.writeInt(definition.size());
                page.writeBytes(definition.array(), 0, definition.size());
            }
            if (valueEncoding() == Column.Encoding.RLE_DICTIONARY) {
                int n = indices.length;
                // whole bytes per index: zstd then finds the repeats that odd widths would hide
                int width = dictionary.length <= 256 ? 1 : 2;
                page.writeByte(8 * width);
                // bit-packed groups of eight indices, all in one run
                page.writeUnsignedVarint((long) ((n + 7) / 8) << 1 | 1);
                int at = page.reserve((n + 7) / 8 * 8 * width);
                byte[] out = page.array();
                for (int i = 0; i < n; i++) {
                    out[at + i * width] = (byte) indices[i];
                    if (width == 2) {
                        out[at + i * 2 + 1] = (byte) (indices[i] >>> 8);
                    }
                }
                java.util.Arrays.fill(out, at + n * width, at + (n + 7) / 8 * 8 * width, (byte) 0);
            } else if (valueEncoding() == Column.Encoding.BYTE_STREAM_SPLIT) {
                int width = column.width();
                int n = values.size() / width;
                byte[] v = values.array();
                int at = page.reserve(n * width);
                byte[] out = page.array();
                for (int i = 0; i < n; i++) {
                    int from = i * width;
                    for (int k = 0; k < width; k++) {
                        out[at + k * n + i] = v[from + k];
                    }
                }
            } else {
                page.writeBytes(values.array(), 0, values.size());
            }
            return java.util.Arrays.copyOf(page.array(), page.size());
        }
    }

    /** Levels as runs of the RLE/bit-packing hybrid (RLE runs only: levels here come in long runs). */
    private static final class LevelRuns {
        private final ByteSink out;
        private int value = -1;
        private long count;

        LevelRuns(ByteSink out) {
            this.out = out;
        }

        void add(int level, long n) {
            if (n == 0) {
                return;
            }
            if (level != value) {
                flush();
                value = level;
            }
            count += n;
        }

        void flush() {
            if (count > 0) {
                out.writeUnsignedVarint(count << 1);
                out.writeByte(value); // levels here are at most 2: one byte holds them
            }
            count = 0;
            value = -1;
        }
    }
}
