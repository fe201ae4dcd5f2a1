package dev.lrlab.agents.nn;

import java.util.Locale;

/**
 * An element-wise nonlinearity as a layer without parameters: ReLU, tanh, SiLU ({@code x sigmoid(x)})
 * or dSiLU (SiLU's derivative, {@code sigmoid(x) (1 + x (1 - sigmoid(x)))}; Elfwing et al. 2018),
 * the last two as MinAtar's AC(lambda) network uses them.
 */
public final class Activation extends ShapePreservingLayer {

    /** Which function. */
    public enum Function {
        RELU,
        TANH,
        SILU,
        DSILU;

        /** The name a spec uses. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Function function;
    /**
     * SiLU and dSiLU: the forward pass's sigmoids, which the backward pass of the same input reads
     * instead of calling {@code Math.exp} again (AC(lambda) takes two backward passes of each
     * forward); the same floats either way.
     */
    private float[] sigmoids = new float[0];
    /** The input whose sigmoids {@code sigmoids} holds, with its batch; null when none. */
    private float[] sigmoidsOf;
    private int sigmoidsBatch;

    private Activation(Function function, int size) {
        super(size, "activation");
        this.function = function;
    }

    /** Grows the sigmoids' scratch to a batch (once; never in steady state). */
    @Override
    public void reserve(int batch) {
        if (usesSigmoid() && sigmoids.length < batch * size) {
            sigmoids = new float[batch * size];
            sigmoidsOf = null;
        }
    }

    private boolean usesSigmoid() {
        return function == Function.SILU || function == Function.DSILU;
    }

    /** A layer of its own for each network: the sigmoids it keeps are its network's. */
    @Override
    public Layer sameShape() {
        return usesSigmoid() ? of(function, size) : this;
    }

    public static Activation of(Function function, int size) {
        return new Activation(function, size);
    }

    public static Activation relu(int size) {
        return of(Function.RELU, size);
    }

    public static Activation tanh(int size) {
        return of(Function.TANH, size);
    }

    @Override
    public void forward(float[] x, float[] y, int batch) {
        int n = batch * size;
        switch (function) {
            case RELU -> Kernels.best().relu(x, y, n);
            case TANH -> {
                for (int i = 0; i < n; i++) {
                    y[i] = (float) Math.tanh(x[i]);
                }
            }
            case SILU -> {
                float[] s = sigmoidsFor(x, batch);
                for (int i = 0; i < n; i++) {
                    s[i] = sigmoid(x[i]);
                    y[i] = x[i] * s[i];
                }
            }
            case DSILU -> {
                float[] s = sigmoidsFor(x, batch);
                for (int i = 0; i < n; i++) {
                    s[i] = sigmoid(x[i]);
                    y[i] = s[i] * (1f + x[i] * (1f - s[i]));
                }
            }
        }
    }

    /** The scratch for the sigmoids of {@code x}, which the caller fills. */
    private float[] sigmoidsFor(float[] x, int batch) {
        reserve(batch);
        sigmoidsOf = x;
        sigmoidsBatch = batch;
        return sigmoids;
    }

    /**
     * The sigmoids of {@code x}: those its forward pass kept when {@code x} is the input of the last
     * forward (the network's backward pass gives each layer that array, unchanged since: one of the
     * network's own, or the caller's input, which must not change before the backward pass), else
     * computed now.
     */
    private float[] sigmoidsOf(float[] x, int batch) {
        if (sigmoidsOf == x && sigmoidsBatch == batch) {
            return sigmoids;
        }
        float[] s = sigmoidsFor(x, batch);
        for (int i = 0; i < batch * size; i++) {
            s[i] = sigmoid(x[i]);
        }
        return s;
    }

    @Override
    public void backward(float[] x, float[] y, float[] dy, float[] dx, int batch) {
        if (dx == null) {
            return;
        }
        int n = batch * size;
        switch (function) {
            case RELU -> Kernels.best().reluBackward(y, dy, dx, n);
            case TANH -> {
                for (int i = 0; i < n; i++) {
                    dx[i] = dy[i] * (1f - y[i] * y[i]);
                }
            }
            case SILU -> {
                float[] sig = sigmoidsOf(x, batch);
                for (int i = 0; i < n; i++) {
                    float s = sig[i];
                    dx[i] = dy[i] * (s * (1f + x[i] * (1f - s)));
                }
            }
            case DSILU -> {
                // d/dx [s (1 + x (1 - s))] = s (1 - s) (2 + x (1 - 2 s))
                float[] sig = sigmoidsOf(x, batch);
                for (int i = 0; i < n; i++) {
                    float s = sig[i];
                    dx[i] = dy[i] * (s * (1f - s) * (2f + x[i] * (1f - 2f * s)));
                }
            }
        }
    }

    private static float sigmoid(float x) {
        return (float) (1 / (1 + Math.exp(-x)));
    }

    @Override
    public String describe() {
        return function.id();
    }
}
