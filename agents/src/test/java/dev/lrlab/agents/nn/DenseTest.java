package dev.lrlab.agents.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.LongStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every path of a dense layer (sparse rows a block at a time, the register-blocked product, the
 * batch-inner product for a few outputs) gives the floats of one fused multiply-add chain per sum,
 * in the summed index's order from zero, the bias added last (the input gradient of fewer than
 * eight examples, a dot product per example, to rounding):
 * shapes, batches and densities drawn from a seeded generator so that each path runs, several
 * blocks of rows included.
 */
class DenseTest {

    static LongStream seeds() {
        return LongStream.range(0, 24);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyPathGivesTheOrderedChainsFloats(long seed) {
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
        int in = 1 + rng.nextInt(seed % 3 == 0 ? 400 : 80);
        int out = switch ((int) (seed % 4)) {
            case 0 -> 128 + rng.nextInt(3); // eight vectors of outputs, and a tail
            case 1 -> 1 + rng.nextInt(7); // a head of action values
            default -> 1 + rng.nextInt(200);
        };
        int batch = 1 + rng.nextInt(seed % 2 == 0 ? 40 : 6);
        double zeros = new double[] {0, 0.3, 0.6, 0.9}[(int) (seed / 4 % 4)];
        Dense dense = Dense.of(in, out);
        float[] w = dense.parameters();
        for (int k = 0; k < w.length; k++) {
            w[k] = (float) (2 * rng.nextDouble() - 1);
        }
        float[] x = new float[batch * in];
        for (int k = 0; k < x.length; k++) {
            x[k] = rng.nextDouble() < zeros ? 0f : (float) (2 * rng.nextDouble() - 1);
        }
        float[] dy = new float[batch * out];
        for (int k = 0; k < dy.length; k++) {
            dy[k] = (float) (2 * rng.nextDouble() - 1);
        }
        float[] y = new float[batch * out];
        float[] dx = new float[batch * in];
        for (int pass = 0; pass < 2; pass++) { // twice: scratch arrays reused
            dense.forward(x, y, batch);
            dense.backward(x, y, dy, dx, batch);
            for (int b = 0; b < batch; b++) {
                for (int j = 0; j < out; j++) {
                    float acc = 0f;
                    for (int i = 0; i < in; i++) {
                        acc = Math.fma(x[b * in + i], w[i * out + j], acc);
                    }
                    acc += w[in * out + j];
                    // == treats the sign of an exact zero as equal, the one difference the paths may have
                    assertEquals(true, acc == y[b * out + j], "output " + j + " of example " + b + ": " + acc
                            + " against " + y[b * out + j] + " (in " + in + ", out " + out + ", batch " + batch
                            + ", zeros " + zeros + ")");
                }
            }
            float[] g = dense.gradients();
            for (int i = 0; i < in; i++) {
                for (int j = 0; j < out; j++) {
                    float acc = 0f;
                    for (int b = 0; b < batch; b++) {
                        acc = Math.fma(x[b * in + i], dy[b * out + j], acc);
                    }
                    assertEquals(true, acc == g[i * out + j], "weight gradient " + i + "," + j);
                }
            }
            for (int b = 0; b < batch; b++) {
                for (int i = 0; i < in; i++) {
                    float acc = 0f;
                    double exact = 0;
                    double size = 0;
                    for (int j = 0; j < out; j++) {
                        acc = Math.fma(w[i * out + j], dy[b * out + j], acc);
                        exact += (double) w[i * out + j] * dy[b * out + j];
                        size += Math.abs((double) w[i * out + j] * dy[b * out + j]);
                    }
                    if (batch >= 8) {
                        assertEquals(true, acc == dx[b * in + i], "input gradient " + i + " of example " + b);
                    } else {
                        // a few examples: a dot product per example, whose partial sums run in another order
                        assertEquals(exact, dx[b * in + i], 1e-6 * size + 1e-30, "input gradient " + i + " of example " + b);
                    }
                }
            }
        }
    }
}
