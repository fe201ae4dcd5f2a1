package dev.lrlab.agents.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Kernels} on the Vector API: the same fused multiply-add chains as the scalar kernels,
 * eight (AVX2) or more lanes at a time, with four accumulators kept in registers across the
 * summed index so the loops are bound by loads, not stores. Loaded only when the incubator module
 * is present.
 */
final class VectorKernels extends Kernels {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    @Override
    public boolean vectorized() {
        return true;
    }

    @Override
    public void axpy(float a, float[] x, int xo, float[] y, int yo, int n) {
        FloatVector av = FloatVector.broadcast(S, a);
        int j = 0;
        for (; j <= n - L; j += L) {
            FloatVector.fromArray(S, x, xo + j).fma(av, FloatVector.fromArray(S, y, yo + j)).intoArray(y, yo + j);
        }
        for (; j < n; j++) {
            y[yo + j] = Math.fma(a, x[xo + j], y[yo + j]);
        }
    }

    @Override
    public void relu(float[] x, float[] y, int n) {
        FloatVector zero = FloatVector.zero(S);
        int i = 0;
        for (; i <= n - L; i += L) {
            FloatVector.fromArray(S, x, i).max(zero).intoArray(y, i);
        }
        for (; i < n; i++) {
            y[i] = Math.max(x[i], 0f);
        }
    }

    @Override
    public void reluBackward(float[] y, float[] dy, float[] dx, int n) {
        FloatVector zero = FloatVector.zero(S);
        int i = 0;
        for (; i <= n - L; i += L) {
            var on = FloatVector.fromArray(S, y, i).compare(jdk.incubator.vector.VectorOperators.GT, 0f);
            zero.blend(FloatVector.fromArray(S, dy, i), on).intoArray(dx, i);
        }
        for (; i < n; i++) {
            dx[i] = y[i] > 0f ? dy[i] : 0f;
        }
    }

    @Override
    public void gemm(float[] x, int in, float[] w, int out, int biasAt, float[] y, int batch) {
        int b = 0;
        for (; b <= batch - 4; b += 4) {
            int j = 0;
            for (; j <= out - 2 * L; j += 2 * L) {
                FloatVector c00 = FloatVector.zero(S);
                FloatVector c01 = FloatVector.zero(S);
                FloatVector c10 = c00;
                FloatVector c11 = c01;
                FloatVector c20 = c00;
                FloatVector c21 = c01;
                FloatVector c30 = c00;
                FloatVector c31 = c01;
                int x0 = b * in;
                for (int i = 0; i < in; i++) {
                    FloatVector w0 = FloatVector.fromArray(S, w, i * out + j);
                    FloatVector w1 = FloatVector.fromArray(S, w, i * out + j + L);
                    FloatVector v = FloatVector.broadcast(S, x[x0 + i]);
                    c00 = w0.fma(v, c00);
                    c01 = w1.fma(v, c01);
                    v = FloatVector.broadcast(S, x[x0 + in + i]);
                    c10 = w0.fma(v, c10);
                    c11 = w1.fma(v, c11);
                    v = FloatVector.broadcast(S, x[x0 + 2 * in + i]);
                    c20 = w0.fma(v, c20);
                    c21 = w1.fma(v, c21);
                    v = FloatVector.broadcast(S, x[x0 + 3 * in + i]);
                    c30 = w0.fma(v, c30);
                    c31 = w1.fma(v, c31);
                }
                FloatVector bias0 = FloatVector.fromArray(S, w, biasAt + j);
                FloatVector bias1 = FloatVector.fromArray(S, w, biasAt + j + L);
                c00.add(bias0).intoArray(y, b * out + j);
                c01.add(bias1).intoArray(y, b * out + j + L);
                c10.add(bias0).intoArray(y, (b + 1) * out + j);
                c11.add(bias1).intoArray(y, (b + 1) * out + j + L);
                c20.add(bias0).intoArray(y, (b + 2) * out + j);
                c21.add(bias1).intoArray(y, (b + 2) * out + j + L);
                c30.add(bias0).intoArray(y, (b + 3) * out + j);
                c31.add(bias1).intoArray(y, (b + 3) * out + j + L);
            }
            for (int r = b; r < b + 4; r++) {
                gemmTail(x, in, w, out, biasAt, y, r, j);
            }
        }
        for (; b < batch; b++) {
            gemmTail(x, in, w, out, biasAt, y, b, 0);
        }
    }

    /** Columns {@code from ..} of example b, a lane at a time, then one by one. */
    private static void gemmTail(float[] x, int in, float[] w, int out, int biasAt, float[] y, int b, int from) {
        int j = from;
        for (; j <= out - L; j += L) {
            FloatVector c = FloatVector.zero(S);
            for (int i = 0; i < in; i++) {
                c = FloatVector.fromArray(S, w, i * out + j).fma(FloatVector.broadcast(S, x[b * in + i]), c);
            }
            c.add(FloatVector.fromArray(S, w, biasAt + j)).intoArray(y, b * out + j);
        }
        for (; j < out; j++) {
            float acc = 0f;
            for (int i = 0; i < in; i++) {
                acc = Math.fma(x[b * in + i], w[i * out + j], acc);
            }
            y[b * out + j] = acc + w[biasAt + j];
        }
    }

    @Override
    public void weightedRows(float[] xs, int[] ds, int count, float[] dy, float[] g, int go, int out) {
        int j = 0;
        for (; j <= out - 4 * L; j += 4 * L) {
            FloatVector a0 = FloatVector.zero(S);
            FloatVector a1 = FloatVector.zero(S);
            FloatVector a2 = FloatVector.zero(S);
            FloatVector a3 = FloatVector.zero(S);
            for (int k = 0; k < count; k++) {
                FloatVector xv = FloatVector.broadcast(S, xs[k]);
                int d = ds[k] + j;
                a0 = xv.fma(FloatVector.fromArray(S, dy, d), a0);
                a1 = xv.fma(FloatVector.fromArray(S, dy, d + L), a1);
                a2 = xv.fma(FloatVector.fromArray(S, dy, d + 2 * L), a2);
                a3 = xv.fma(FloatVector.fromArray(S, dy, d + 3 * L), a3);
            }
            a0.intoArray(g, go + j);
            a1.intoArray(g, go + j + L);
            a2.intoArray(g, go + j + 2 * L);
            a3.intoArray(g, go + j + 3 * L);
        }
        for (; j <= out - L; j += L) {
            FloatVector a0 = FloatVector.zero(S);
            for (int k = 0; k < count; k++) {
                a0 = FloatVector.broadcast(S, xs[k]).fma(FloatVector.fromArray(S, dy, ds[k] + j), a0);
            }
            a0.intoArray(g, go + j);
        }
        for (; j < out; j++) {
            float acc = 0f;
            for (int k = 0; k < count; k++) {
                acc = Math.fma(xs[k], dy[ds[k] + j], acc);
            }
            g[go + j] = acc;
        }
    }

    @Override
    public void columnDot(float[] w, int wo, int out, float[] dyT, int batch, float[] acc) {
        int b = 0;
        for (; b <= batch - 4 * L; b += 4 * L) {
            FloatVector a0 = FloatVector.zero(S);
            FloatVector a1 = FloatVector.zero(S);
            FloatVector a2 = FloatVector.zero(S);
            FloatVector a3 = FloatVector.zero(S);
            for (int j = 0; j < out; j++) {
                FloatVector wv = FloatVector.broadcast(S, w[wo + j]);
                int t = j * batch + b;
                a0 = wv.fma(FloatVector.fromArray(S, dyT, t), a0);
                a1 = wv.fma(FloatVector.fromArray(S, dyT, t + L), a1);
                a2 = wv.fma(FloatVector.fromArray(S, dyT, t + 2 * L), a2);
                a3 = wv.fma(FloatVector.fromArray(S, dyT, t + 3 * L), a3);
            }
            a0.intoArray(acc, b);
            a1.intoArray(acc, b + L);
            a2.intoArray(acc, b + 2 * L);
            a3.intoArray(acc, b + 3 * L);
        }
        for (; b <= batch - L; b += L) {
            FloatVector a0 = FloatVector.zero(S);
            for (int j = 0; j < out; j++) {
                a0 = FloatVector.broadcast(S, w[wo + j]).fma(FloatVector.fromArray(S, dyT, j * batch + b), a0);
            }
            a0.intoArray(acc, b);
        }
        for (; b < batch; b++) {
            float s = 0f;
            for (int j = 0; j < out; j++) {
                s = Math.fma(w[wo + j], dyT[j * batch + b], s);
            }
            acc[b] = s;
        }
    }
}
