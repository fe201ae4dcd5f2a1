package dev.lrlab.reports.results;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trial record as the bytes of one journal entry: its fields in a fixed order, numbers in
 * little-endian binary, arrays as a length and their values, the nested parts that the Parquet
 * tables keep as JSON text (the point, the grid map, an error) as that text. Made and read in a
 * few microseconds where the record's JSON line takes a couple of hundred; what a crash leaves in
 * the journal is read back into records equal to those a part gives (non-finite numbers in curves
 * as NaN, as every format of lrlab has stored them).
 */
final class JournalCodec {

    private static final int VERSION = 1;
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final Gson GSON = ResultsJson.compact();
    private static final java.lang.reflect.Type PARAMS = new TypeToken<Map<String, Object>>() { }.getType();

    private JournalCodec() {
    }

    static byte[] encode(TrialRecord r) {
        Out out = encode(r, 0);
        return out.bytes.length == out.size ? out.bytes : Arrays.copyOf(out.bytes, out.size);
    }

    /**
     * The entry after {@code header} bytes left free for the caller's frame, in an array that may
     * be longer than {@link Out#size}. Sized from the record's arrays up front: growing by doubling
     * and copying to the exact length allocated about 1 GB for a sweep of 30,000 small trials (a
     * third of all it allocated), which the workers then waited for in GC pauses.
     */
    static Out encode(TrialRecord r, int header) {
        Out out = new Out(header + capacity(r));
        out.size = header;
        out.i32(VERSION);
        out.string(r.key()).string(r.environment()).string(r.agent()).string(r.schedule());
        out.f64(r.learningRate()).i64(r.seed()).string(r.status().name());
        out.nullableLong(r.divergedAtStep()).nullableLong(r.stoppedAtStep()).string(r.reason());
        out.i64(r.steps()).f64(r.wallSeconds());
        out.doubles(r.returns()).ints(r.lengths());
        out.string(r.params() == null ? null : GSON.toJson(r.params()));
        Evaluation[] e = r.evaluations();
        out.i32(e == null ? -1 : e.length);
        if (e != null) {
            for (Evaluation x : e) {
                out.i32(x.episode()).i64(x.steps()).f64(finite(x.meanReturn())).i32(x.episodes());
            }
        }
        GridPolicy g = r.gridPolicy();
        out.string(g == null ? null : GSON.toJson(g.map())).string(g == null ? null : GSON.toJson(g.glyphs()));
        out.doubles(g == null ? null : g.values());
        out.string(r.error() == null ? null : GSON.toJson(r.error()));
        MetricSeries m = r.metricSeries();
        out.i32(m == null ? -1 : m.values().size());
        if (m != null) {
            out.i32(m.every()).ints(m.episode()).longs(m.steps());
            for (Map.Entry<String, double[]> v : m.values().entrySet()) {
                out.string(v.getKey()).doubles(v.getValue());
            }
        }
        return out;
    }

    /** Bytes enough for the record's arrays, and 1 kB for its strings (a longer one grows the buffer). */
    private static int capacity(TrialRecord r) {
        long n = 1024L + 8L * r.returns().length + 4L * r.lengths().length;
        if (r.evaluations() != null) {
            n += 24L * r.evaluations().length;
        }
        if (r.gridPolicy() != null && r.gridPolicy().values() != null) {
            n += 8L * r.gridPolicy().values().length;
        }
        MetricSeries m = r.metricSeries();
        if (m != null) {
            n += 12L * m.episode().length;
            for (Map.Entry<String, double[]> v : m.values().entrySet()) {
                n += 8 + 4L * v.getKey().length() + 8L * v.getValue().length;
            }
        }
        return (int) Math.min(n, Integer.MAX_VALUE - 64);
    }

    static TrialRecord decode(byte[] bytes) throws IOException {
        try {
            In in = new In(bytes);
            int version = in.i32();
            if (version != VERSION) {
                throw new IOException("journal entry of format " + version + ", not " + VERSION);
            }
            String key = in.string();
            String environment = in.string();
            String agent = in.string();
            String schedule = in.string();
            double rate = in.f64();
            long seed = in.i64();
            TrialStatus status = TrialStatus.valueOf(in.string());
            Long diverged = in.nullableLong();
            Long stopped = in.nullableLong();
            String reason = in.string();
            long steps = in.i64();
            double wall = in.f64();
            double[] returns = in.doubles();
            int[] lengths = in.ints();
            String params = in.string();
            int evaluationCount = in.i32();
            Evaluation[] evaluations = evaluationCount < 0 ? null : new Evaluation[evaluationCount];
            for (int i = 0; i < evaluationCount; i++) {
                evaluations[i] = new Evaluation(in.i32(), in.i64(), in.f64(), in.i32());
            }
            String map = in.string();
            String glyphs = in.string();
            double[] values = in.doubles();
            GridPolicy grid = map == null ? null
                    : new GridPolicy(GSON.fromJson(map, String[].class), GSON.fromJson(glyphs, String[].class), values);
            String error = in.string();
            int metricCount = in.i32();
            MetricSeries metrics = null;
            if (metricCount >= 0) {
                int every = in.i32();
                int[] episode = in.ints();
                long[] metricSteps = in.longs();
                Map<String, double[]> named = new LinkedHashMap<>();
                for (int i = 0; i < metricCount; i++) {
                    named.put(in.string(), in.doubles());
                }
                metrics = new MetricSeries(every, episode, metricSteps, named);
            }
            if (in.pos != bytes.length) {
                throw new IOException("journal entry has " + (bytes.length - in.pos) + " bytes past its record");
            }
            return new TrialRecord(key, environment, agent, schedule, rate, seed, status, diverged, reason, returns,
                    lengths, steps, wall, evaluations, null, grid, params == null ? null : GSON.fromJson(params, PARAMS),
                    metrics, stopped, error == null ? null : GSON.fromJson(error, TrialError.class));
        } catch (RuntimeException e) {
            throw new IOException("not a trial record (" + e + ")");
        }
    }

    private static double finite(double v) {
        return Double.isInfinite(v) ? Double.NaN : v;
    }

    static final class Out {
        byte[] bytes;
        int size;

        Out(int capacity) {
            bytes = new byte[capacity];
        }

        private void room(int n) {
            if (size + n > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n));
            }
        }

        Out i32(int v) {
            room(4);
            INT.set(bytes, size, v);
            size += 4;
            return this;
        }

        Out i64(long v) {
            room(8);
            LONG.set(bytes, size, v);
            size += 8;
            return this;
        }

        Out f64(double v) {
            return i64(Double.doubleToRawLongBits(v));
        }

        Out nullableLong(Long v) {
            room(9);
            bytes[size++] = (byte) (v == null ? 0 : 1);
            return i64(v == null ? 0 : v);
        }

        Out string(String s) {
            if (s == null) {
                return i32(-1);
            }
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            i32(utf8.length);
            room(utf8.length);
            System.arraycopy(utf8, 0, bytes, size, utf8.length);
            size += utf8.length;
            return this;
        }

        Out doubles(double[] v) {
            if (v == null) {
                return i32(-1);
            }
            i32(v.length);
            room(8 * v.length);
            for (double x : v) {
                LONG.set(bytes, size, Double.doubleToRawLongBits(finite(x)));
                size += 8;
            }
            return this;
        }

        Out ints(int[] v) {
            if (v == null) {
                return i32(-1);
            }
            i32(v.length);
            room(4 * v.length);
            for (int x : v) {
                INT.set(bytes, size, x);
                size += 4;
            }
            return this;
        }

        Out longs(long[] v) {
            if (v == null) {
                return i32(-1);
            }
            i32(v.length);
            room(8 * v.length);
            for (long x : v) {
                LONG.set(bytes, size, x);
                size += 8;
            }
            return this;
        }
    }

    private static final class In {
        final byte[] bytes;
        int pos;

        In(byte[] bytes) {
            this.bytes = bytes;
        }

        private int check(int n) {
            if (n < 0 || pos + (long) n > bytes.length) {
                throw new IllegalStateException("entry cut short");
            }
            return n;
        }

        int i32() {
            check(4);
            int v = (int) INT.get(bytes, pos);
            pos += 4;
            return v;
        }

        long i64() {
            check(8);
            long v = (long) LONG.get(bytes, pos);
            pos += 8;
            return v;
        }

        double f64() {
            return Double.longBitsToDouble(i64());
        }

        Long nullableLong() {
            check(1);
            boolean present = bytes[pos++] != 0;
            long v = i64();
            return present ? v : null;
        }

        String string() {
            int n = i32();
            if (n < 0) {
                return null;
            }
            check(n);
            String s = new String(bytes, pos, n, StandardCharsets.UTF_8);
            pos += n;
            return s;
        }

        double[] doubles() {
            int n = i32();
            if (n < 0) {
                return null;
            }
            check(8 * n);
            double[] v = new double[n];
            for (int i = 0; i < n; i++, pos += 8) {
                v[i] = Double.longBitsToDouble((long) LONG.get(bytes, pos));
            }
            return v;
        }

        int[] ints() {
            int n = i32();
            if (n < 0) {
                return null;
            }
            check(4 * n);
            int[] v = new int[n];
            for (int i = 0; i < n; i++, pos += 4) {
                v[i] = (int) INT.get(bytes, pos);
            }
            return v;
        }

        long[] longs() {
            int n = i32();
            if (n < 0) {
                return null;
            }
            check(8 * n);
            long[] v = new long[n];
            for (int i = 0; i < n; i++, pos += 8) {
                v[i] = (long) LONG.get(bytes, pos);
            }
            return v;
        }
    }
}
