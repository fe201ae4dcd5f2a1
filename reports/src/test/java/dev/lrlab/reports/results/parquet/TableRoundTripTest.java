package dev.lrlab.reports.results.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lrlab.reports.results.parquet.Column.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every column shape and encoding the writer has, over random tables, read back exactly. */
class TableRoundTripTest {

    @TempDir
    Path tmp;

    static final List<Column> COLUMNS = List.of(
            Column.required("s", Type.STRING),
            Column.optional("os", Type.STRING),
            Column.required("i", Type.INT32),
            Column.optional("ol", Type.INT64),
            Column.required("d", Type.DOUBLE),
            Column.list("ld", Type.DOUBLE),
            Column.list("lds", Type.DOUBLE).split(),
            Column.list("li", Type.INT32),
            Column.list("lid", Type.INT32).dictionary(),
            Column.list("ll", Type.INT64));

    static Stream<Long> seeds() {
        return LongStream.range(0, 12).boxed();
    }

    /** A random table: rows, each a value per column (nulls, empty lists, extremes included). */
    static List<Object[]> table(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int rows = seed == 0 ? 0 : 1 + rng.nextInt(seed % 3 == 0 ? 2000 : 40);
        // seed 5 has more distinct integers than a dictionary may hold: the column falls back to PLAIN
        int distinct = seed == 5 ? Integer.MAX_VALUE : 1 + rng.nextInt(300);
        List<Object[]> out = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            Object[] row = new Object[COLUMNS.size()];
            row[0] = "trial-" + rng.nextLong() + (rng.nextInt(5) == 0 ? "é✓" : "");
            row[1] = rng.nextInt(3) == 0 ? null : "x".repeat(rng.nextInt(4));
            row[2] = (long) (rng.nextInt(10) == 0 ? Integer.MIN_VALUE : rng.nextInt());
            row[3] = rng.nextInt(3) == 0 ? null : rng.nextLong();
            row[4] = rng.nextInt(10) == 0 ? Double.NaN : (rng.nextDouble() - 0.5) * 1e6;
            for (int c = 5; c < COLUMNS.size(); c++) {
                int kind = rng.nextInt(8);
                int n = kind == 0 ? -1 : kind == 1 ? 0 : rng.nextInt(seed == 5 ? 3000 : 300);
                Type type = COLUMNS.get(c).type();
                if (n < 0) {
                    row[c] = null;
                } else if (type == Type.DOUBLE) {
                    double[] v = new double[n];
                    for (int k = 0; k < n; k++) {
                        v[k] = rng.nextInt(4) == 0 ? -(double) rng.nextInt(200) : rng.nextDouble() * 100 - 50;
                    }
                    row[c] = v;
                } else if (type == Type.INT32) {
                    int[] v = new int[n];
                    for (int k = 0; k < n; k++) {
                        v[k] = distinct == Integer.MAX_VALUE ? rng.nextInt() : rng.nextInt(distinct) - 5;
                    }
                    row[c] = v;
                } else {
                    long[] v = new long[n];
                    for (int k = 0; k < n; k++) {
                        v[k] = rng.nextLong();
                    }
                    row[c] = v;
                }
            }
            out.add(row);
        }
        return out;
    }

    static TableWriter writer(List<Object[]> rows) {
        TableWriter w = TableWriter.of(COLUMNS);
        for (Object[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                Object v = row[c];
                if (v == null) {
                    w.putNull(c);
                } else if (v instanceof String s) {
                    w.put(c, s);
                } else if (v instanceof Long l) {
                    w.put(c, l.longValue());
                } else if (v instanceof Double d) {
                    w.put(c, d.doubleValue());
                } else if (v instanceof double[] d) {
                    w.put(c, d);
                } else if (v instanceof int[] i) {
                    w.put(c, i);
                } else {
                    w.put(c, (long[]) v);
                }
            }
            w.endRow();
        }
        return w;
    }

    static void assertSame(List<Object[]> rows, TableReader r) throws Exception {
        assertEquals(rows.size(), r.rows());
        for (int c = 0; c < COLUMNS.size(); c++) {
            Object[] read = r.column(COLUMNS.get(c).name());
            for (int row = 0; row < rows.size(); row++) {
                Object want = rows.get(row)[c];
                Object got = read[row];
                String where = COLUMNS.get(c).name() + " row " + row;
                if (want instanceof double[] d) {
                    assertEquals(d.length, ((double[]) got).length, where);
                    for (int k = 0; k < d.length; k++) {
                        assertEquals(Double.doubleToRawLongBits(d[k]), Double.doubleToRawLongBits(((double[]) got)[k]), where);
                    }
                } else if (want instanceof int[] i) {
                    assertArrayEquals(i, (int[]) got, where);
                } else if (want instanceof long[] l) {
                    assertArrayEquals(l, (long[]) got, where);
                } else if (want instanceof Double d) {
                    assertEquals(Double.doubleToRawLongBits(d), Double.doubleToRawLongBits((Double) got), where);
                } else {
                    assertEquals(want, got, where);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void compressedFilesReadBackExactly(long seed) throws Exception {
        List<Object[]> rows = table(seed);
        Path file = tmp.resolve("t.parquet");
        writer(rows).writeTo(file, Map.of("k", "v"));
        TableReader r = TableReader.open(file);
        assertSame(rows, r);
        assertEquals("v", r.metadata().get("k"));
    }

    @Test
    void aCutOffFileIsNamedNotMisread() throws Exception {
        Path file = tmp.resolve("t.parquet");
        writer(table(3)).writeTo(file, Map.of());
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        var e = assertThrows(java.io.IOException.class, () -> TableReader.open(file));
        assertTrue(e.getMessage().contains("not a complete Parquet file"), e.getMessage());
    }

    @Test
    void aValueOfTheWrongShapeIsRefused() {
        TableWriter w = TableWriter.of(COLUMNS);
        assertThrows(IllegalArgumentException.class, () -> w.putNull(0));
        assertThrows(IllegalArgumentException.class, () -> w.put(2, 1L << 40));
        assertThrows(IllegalArgumentException.class, () -> w.put(5, new int[] {1}));
        w.put(0, "a");
        assertThrows(IllegalStateException.class, w::endRow, "a row needs every column");
    }
}
