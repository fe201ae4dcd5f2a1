package dev.lrlab.agents.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Each initialisation draws from the distribution it names, and clipping matches PyTorch's rule. */
class InitializationTest {

    private static final UniformRandomProvider RNG = RandomSource.SPLIT_MIX_64.create(3L);

    /** PyTorch's default: weights and biases uniform within 1/sqrt(fan_in), filling that range. */
    @ParameterizedTest
    @CsvSource({"400, 128", "1024, 128", "128, 6"})
    void pytorchDefaultIsUniformWithinOneOverRootFanIn(int in, int out) {
        Dense d = Dense.of(in, out);
        d.initialize(Initialization.PYTORCH, RNG);
        double bound = 1 / Math.sqrt(in);
        double max = 0;
        double sumSq = 0;
        for (float p : d.parameters()) {
            max = Math.max(max, Math.abs(p));
            sumSq += p * p;
        }
        assertTrue(max <= bound && max > 0.98 * bound, "max |w| " + max + " against " + bound);
        double variance = sumSq / d.parameters().length;
        assertEquals(bound * bound / 3, variance, 0.05 * bound * bound / 3, "variance of uniform(+-b) is b^2/3");
    }

    @Test
    void convolutionFanInCountsTheKernel() {
        Conv2d c = Conv2d.of(4, 10, 10, 16, 3);
        c.initialize(Initialization.PYTORCH, RNG);
        double bound = 1 / Math.sqrt(4 * 9);
        for (float p : c.parameters()) {
            assertTrue(Math.abs(p) <= bound);
        }
    }

    @Test
    void xavierBoundAndZeroBiases() {
        Dense d = Dense.of(300, 100);
        d.initialize(Initialization.XAVIER, RNG);
        double bound = Math.sqrt(6.0 / 400);
        for (int k = 0; k < 300 * 100; k++) {
            assertTrue(Math.abs(d.parameters()[k]) <= bound);
        }
        for (int k = 300 * 100; k < d.parameters().length; k++) {
            assertEquals(0f, d.parameters()[k]);
        }
    }

    /** Orthogonal: the rows (outputs) of a wide weight matrix are orthonormal up to the gain sqrt(2). */
    @ParameterizedTest
    @CsvSource({"64, 16", "16, 64", "32, 32"})
    void orthogonalRowsOrColumns(int in, int out) {
        Dense d = Dense.of(in, out);
        d.initialize(Initialization.ORTHOGONAL, RNG);
        float[] torch = new float[in * out]; // PyTorch's layout, [out][in]
        for (int k = 0; k < in * out; k++) {
            torch[d.torchIndex(k)] = d.parameters()[k];
        }
        boolean rows = out <= in; // orthonormal along the smaller side
        int n = rows ? out : in;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                double dot = 0;
                for (int k = 0; k < (rows ? in : out); k++) {
                    dot += rows ? (double) torch[a * in + k] * torch[b * in + k] : (double) torch[k * in + a] * torch[k * in + b];
                }
                assertEquals(a == b ? 2.0 : 0.0, dot, 1e-5, "(" + a + ", " + b + ")");
            }
        }
    }

    /** As torch.nn.utils.clip_grad_norm_: scaled by max / (norm + 1e-6) when the norm is above max. */
    @Test
    void clippingScalesToTheMaximumNorm() {
        Network net = Network.of(2, Dense.of(3, 2)).initialize(Initialization.PYTORCH, RNG);
        float[] g = net.layers().get(0).gradients();
        for (int i = 0; i < g.length; i++) {
            g[i] = i + 1; // norm sqrt(1 + 4 + ... + 64) = sqrt(204)
        }
        double before = net.clipGradientNorm(2.0);
        assertEquals(Math.sqrt(204), before, 1e-9);
        assertEquals(2.0 * Math.sqrt(204) / (Math.sqrt(204) + 1e-6), net.gradientNorm(), 1e-5);
        double small = net.clipGradientNorm(100);
        assertEquals(net.gradientNorm(), small, 1e-12, "below the maximum nothing changes");
    }
}
