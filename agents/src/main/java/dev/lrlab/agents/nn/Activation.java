package dev.lrlab.agents.nn;

import java.util.Locale;

/** An element-wise nonlinearity as a layer without parameters: ReLU or tanh. */
public final class Activation extends ShapePreservingLayer {

    /** Which function. */
    public enum Function {
        RELU,
        TANH;

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
        if (function == Function.RELU) {
            Kernels.best().relu(x, y, n);
        } else {
            for (int i = 0; i < n; i++) {
                y[i] = (float) Math.tanh(x[i]);
            }
        }
    }

    @Override
    public void backward(float[] x, float[] y, float[] dy, float[] dx, int batch) {
        if (dx == null) {
            return;
        }
        int n = batch * size;
        if (function == Function.RELU) {
            Kernels.best().reluBackward(y, dy, dx, n);
        } else {
            for (int i = 0; i < n; i++) {
                dx[i] = dy[i] * (1f - y[i] * y[i]);
            }
        }
    }

    @Override
    public String describe() {
        return function.id();
    }
}
