package dev.lrlab.agents.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OptimizerDiagnosticsTest {

    @Test
    void sgdEffectiveStepIsTheRate() {
        Optimizer sgd = OptimizerConfig.sgd().create(3);
        sgd.update(new double[] {1, 2, 3}, new double[] {1, 1, 1}, 0.25);
        double[] out = new double[3];
        assertEquals(3, sgd.effectiveStepSizes(out));
        assertArrayEquals(new double[] {0.25, 0.25, 0.25}, out);
    }

    @Test
    void adamEffectiveStepIsRateOverBiasCorrectedRoot() {
        Optimizer adam = OptimizerConfig.of(UpdateRule.ADAM).create(2);
        double[] w = {0, 0};
        adam.update(w, new double[] {2, 0.5}, 0.01);
        // after one update: v = (1 - b2) g^2, v-hat = g^2, m-hat = g: step = rate / (|g| + eps) / (1 - b1)
        double[] out = new double[2];
        assertEquals(2, adam.effectiveStepSizes(out));
        assertEquals(0.01 / (1 - 0.9) / (2 + 1e-8), out[0], 1e-15);
        assertEquals(0.01 / (1 - 0.9) / (0.5 + 1e-8), out[1], 1e-15);
        // and the update it made is that step times the first moment m = (1 - b1) g: rate * sign(g)
        assertEquals(-0.01, w[0], 1e-9);
        assertEquals(-0.01, w[1], 1e-9);
    }

    @Test
    void statsGivePercentilesAndUpdateRatio() {
        Optimizer adagrad = OptimizerConfig.of(UpdateRule.ADAGRAD).create(101);
        double[] w = new double[101];
        double[] g = new double[101];
        for (int i = 0; i < 101; i++) {
            w[i] = 1;
            g[i] = i + 1;
        }
        adagrad.update(w, g, 0.1);
        StepSizeStats stats = StepSizeStats.of(adagrad, new double[101]);
        // effective step of parameter i is 0.1 / (i + 1); the median is parameter 50's
        assertEquals(0.1 / 51, stats.p50(), 1e-12);
        assertEquals(0.1 / 96, stats.p5(), 1e-12); // 5th percentile: the 6th smallest, parameter 95
        assertEquals(0.1 / 6, stats.p95(), 1e-12);
        // every parameter moved by 0.1 (Adagrad's first step is rate * sign(g))
        assertEquals(Math.sqrt(101 * 0.01) / Math.sqrt(101 * 0.81), stats.updateToParamRatio(), 1e-9);
    }

    @ParameterizedTest
    @EnumSource(value = UpdateRule.class, names = {"RMSPROP", "ADAM", "ADAMW", "ADAGRAD"})
    void parametersWithoutAGradientAreLeftOutOfTheStepSizes(UpdateRule kind) {
        Optimizer o = OptimizerConfig.of(kind).create(4);
        o.update(new double[4], new double[] {0, 1, 0, -2}, 0.1);
        double[] out = new double[4];
        assertEquals(2, o.effectiveStepSizes(out), "only parameters 1 and 3 had a gradient");
        assertTrue(out[0] < 1 && out[1] < 1, "not rate / eps");
    }

    @ParameterizedTest
    @EnumSource(UpdateRule.class)
    void sparseUpdateEqualsDenseUpdate(UpdateRule kind) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(kind.ordinal());
        int n = 20;
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = rng.nextDouble() - 0.5;
        }
        double[] b = a.clone();
        Optimizer dense = OptimizerConfig.of(kind).create(n);
        Optimizer sparse = OptimizerConfig.of(kind).create(n);
        int[] nonZero = new int[3];
        double[] g = new double[n];
        for (int k = 0; k < 30; k++) {
            java.util.Arrays.fill(g, 0);
            for (int j = 0; j < 3; j++) {
                nonZero[j] = j * 7 + k % 6;
                g[nonZero[j]] = rng.nextDouble() - 0.5;
            }
            java.util.Arrays.sort(nonZero);
            dense.update(a, g, 0.05);
            sparse.update(b, g, nonZero, 3, 0.05);
        }
        assertArrayEquals(a, b, 0.0);
        assertTrue(dense.lastUpdateNorm() > 0);
    }
}
