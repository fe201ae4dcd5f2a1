package dev.lrlab.agents.nn;

/**
 * A layer without parameters whose output has its input's size (activations, log-softmax): one
 * instance serves every network of the same shape, unless it keeps scratch of its own.
 */
abstract class ShapePreservingLayer implements Layer {

    private static final float[] NONE = new float[0];

    /** Units per example, in and out. */
    protected final int size;

    ShapePreservingLayer(int size, String what) {
        if (size < 1) {
            throw new IllegalArgumentException("a " + what + " needs at least one unit, was " + size);
        }
        this.size = size;
    }

    @Override
    public final int inputSize() {
        return size;
    }

    @Override
    public final int outputSize() {
        return size;
    }

    @Override
    public final float[] parameters() {
        return NONE;
    }

    @Override
    public final float[] gradients() {
        return NONE;
    }

    /** This layer: nothing to learn, nothing per instance (a layer that keeps scratch per network makes a new one). */
    @Override
    public Layer sameShape() {
        return this;
    }
}
