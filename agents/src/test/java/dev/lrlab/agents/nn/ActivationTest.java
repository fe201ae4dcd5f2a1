package dev.lrlab.agents.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SiLU's and dSiLU's backward pass reads the sigmoids its forward pass computed; it must give the
 * floats a backward pass without them computes, and never use another input's.
 */
class ActivationTest {

    private static final int SIZE = 37;

    private static float[] draw(UniformRandomProvider rng, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (8 * rng.nextDouble() - 4);
        }
        return x;
    }

    /** The backward pass of a layer that has not seen {@code x}: every sigmoid computed anew. */
    private static float[] backwardWithoutForward(Activation.Function f, float[] x, float[] dy, int batch) {
        Activation fresh = Activation.of(f, SIZE);
        fresh.reserve(batch);
        float[] dx = new float[x.length];
        fresh.backward(x, null, dy, dx, batch);
        return dx;
    }

    @ParameterizedTest
    @EnumSource(value = Activation.Function.class, names = {"SILU", "DSILU"})
    void theBackwardPassOfTheLastForwardIsTheSameWithTheSigmoidsKept(Activation.Function f) {
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(5L);
        for (int batch : new int[] {1, 3, 8}) {
            Activation layer = Activation.of(f, SIZE);
            float[] x = draw(rng, batch * SIZE);
            float[] y = new float[x.length];
            float[] dy = draw(rng, x.length);
            layer.forward(x, y, batch);
            float[] dx = new float[x.length];
            layer.backward(x, y, dy, dx, batch);
            assertArrayEquals(backwardWithoutForward(f, x, dy, batch), dx, f + ", batch " + batch);
            // a second backward pass of the same forward (AC(lambda)'s two) reads them again
            float[] again = new float[x.length];
            layer.backward(x, y, dy, again, batch);
            assertArrayEquals(dx, again);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Activation.Function.class, names = {"SILU", "DSILU"})
    void anotherInputOrBatchGetsItsOwnSigmoids(Activation.Function f) {
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(6L);
        Activation layer = Activation.of(f, SIZE);
        float[] x = draw(rng, 4 * SIZE);
        float[] other = draw(rng, 4 * SIZE);
        float[] dy = draw(rng, 4 * SIZE);
        layer.forward(x, new float[x.length], 4);
        float[] dx = new float[x.length];
        layer.backward(other, null, dy, dx, 4);
        assertArrayEquals(backwardWithoutForward(f, other, dy, 4), dx, "another array");
        // the same array with a smaller batch: the sigmoids of the first examples would do, but the
        // layer does not rely on what a caller passes it
        float[] dx2 = new float[x.length];
        layer.backward(x, null, dy, dx2, 2);
        assertArrayEquals(backwardWithoutForward(f, x, dy, 2), dx2, "another batch");
    }

    @ParameterizedTest
    @EnumSource(Activation.Function.class)
    void aLayerWithSigmoidsIsEachNetworksOwn(Activation.Function f) {
        Activation layer = Activation.of(f, SIZE);
        if (f == Activation.Function.SILU || f == Activation.Function.DSILU) {
            assertNotSame(layer, layer.sameShape(), "a target network's copy keeps its own sigmoids");
        } else {
            assertSame(layer, layer.sameShape(), "nothing per instance: shared");
        }
    }
}
