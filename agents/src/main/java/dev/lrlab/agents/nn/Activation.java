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

    private Activation(Function function, int size) {
        super(size, "activation");
        this.function = function;
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
                for (int i = 0; i < n; i++) {
                    y[i] = x[i] * sigmoid(x[i]);
                }
            }
            case DSILU -> {
                for (int i = 0; i < n; i++) {
                    float s = sigmoid(x[i]);
                    y[i] = s * (1f + x[i] * (1f - s));
                }
            }
        }
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
                for (int i = 0; i < n; i++) {
                    float s = sigmoid(x[i]);
                    dx[i] = dy[i] * (s * (1f + x[i] * (1f - s)));
                }
            }
            case DSILU -> {
                // d/dx [s (1 + x (1 - s))] = s (1 - s) (2 + x (1 - 2 s))
                for (int i = 0; i < n; i++) {
                    float s = sigmoid(x[i]);
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
