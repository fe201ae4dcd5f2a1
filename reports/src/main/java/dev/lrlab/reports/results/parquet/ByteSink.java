package dev.lrlab.reports.results.parquet;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/** A growable little-endian byte buffer: Parquet's PLAIN encoding and level runs are written into it. */
final class ByteSink {

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[] bytes;
    private int size;

    ByteSink() {
        this(256);
    }

    ByteSink(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    int size() {
        return size;
    }

    byte[] array() {
        return bytes;
    }

    void clear() {
        size = 0;
    }

    private void room(int n) {
        if (size + n > bytes.length) {
            long want = Math.max((long) bytes.length * 2, (long) size + n);
            if (want > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("a Parquet column chunk past 2 GB; write smaller parts");
            }
            bytes = Arrays.copyOf(bytes, (int) want);
        }
    }

    /** Makes room for {@code n} bytes and returns where they start, for writing into {@link #array()} directly. */
    int reserve(int n) {
        room(n);
        int at = size;
        size += n;
        return at;
    }

    void writeByte(int b) {
        room(1);
        bytes[size++] = (byte) b;
    }

    void writeInt(int v) {
        room(4);
        INT.set(bytes, size, v);
        size += 4;
    }

    void writeLong(long v) {
        room(8);
        LONG.set(bytes, size, v);
        size += 8;
    }

    void writeDouble(double v) {
        writeLong(Double.doubleToRawLongBits(v));
    }

    void writeBytes(byte[] b, int off, int len) {
        room(len);
        System.arraycopy(b, off, bytes, size, len);
        size += len;
    }

    void writeUnsignedVarint(long v) {
        while ((v & ~0x7FL) != 0) {
            writeByte((int) (v & 0x7F) | 0x80);
            v >>>= 7;
        }
        writeByte((int) v);
    }

    static int readInt(byte[] b, int pos) {
        return (int) INT.get(b, pos);
    }

    static long readLong(byte[] b, int pos) {
        return (long) LONG.get(b, pos);
    }
}
