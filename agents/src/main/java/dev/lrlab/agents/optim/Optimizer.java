package dev.lrlab.agents.optim;

import dev.lrlab.env.metrics.MetricSink;

/**
 * Turns the gradient of a loss into an update of one parameter vector, with PyTorch's numerics.
 * The rate comes from the caller (who reads it off a schedule at its clock); everything else an
 * adaptive method keeps (moments, accumulators, its own step count) lives here. A network is just
 * several parameter vectors, each with its own optimizer.
 *
 * <p>An optimizer can say what step size it actually applied to each parameter, which is what
 * adaptive methods change: see {@link #effectiveStepSizes(double[])}.
 */
public interface Optimizer {

    /** Length of the parameter vector this optimizer updates. */
    int size();

    /** Applies one update: {@code params} moves against {@code gradient} with base rate {@code rate}. */
    void update(double[] params, double[] gradient, double rate);

    /**
     * The same update on float32 parameters (a network's), with the optimizer's state in float32
     * as PyTorch keeps it for float32 tensors. An optimizer is used with one precision only.
     *
     * @throws UnsupportedOperationException if this optimizer has no float32 path
     * @throws IllegalStateException if it was used with float64 parameters before
     */
    default void update(float[] params, float[] gradient, double rate) {
        throw new UnsupportedOperationException(this + " cannot update float32 parameters");
    }

    /**
     * Allocates the float32 state now (for a network's parameters), so that the first update
     * allocates nothing; after it, the optimizer updates float32 parameters only.
     */
    default void reserveFloat32() {
    }

    /**
     * The same update when only {@code gradient[nonZero[0..count-1]]} can be non-zero (the rest
     * must be 0). Methods whose update touches only those entries override this to skip the rest;
     * the result is identical to {@link #update(double[], double[], double)}.
     */
    default void update(double[] params, double[] gradient, int[] nonZero, int count, double rate) {
        update(params, gradient, rate);
    }

    /**
     * Whether {@link #update(double[], double[], int[], int, double)} moves only the parameters
     * whose gradient is non-zero (plain SGD), so that a caller may refresh only what they feed.
     */
    default boolean sparse() {
        return false;
    }

    /**
     * Writes the factor the last update applied in front of the gradient for every parameter that
     * has had a non-zero gradient so far, and returns how many it wrote. For SGD this is the rate;
     * for Adam rate / ((1 - beta1^k)(sqrt(v-hat) + eps)), in front of the first moment; for RMSprop
     * rate / (sqrt(v) + eps); for Adagrad rate / (sqrt(s) + eps). Parameters that never had a
     * gradient are left out: their factor (rate / eps for the adaptive methods) multiplies nothing.
     */
    int effectiveStepSizes(double[] out);

    /** Euclidean norm of the last update (the change in the parameters). */
    double lastUpdateNorm();

    /** Euclidean norm of the parameters after the last update. */
    double lastParamNorm();

    /**
     * The sum of the squares of the last float32 update's gradient, as {@code Kernels.sumOfSquares}
     * sums them, when the update summed it (its kernel, as it read the gradient, or for the
     * optimizer's own {@code grad_norm}); NaN otherwise. A caller that publishes the gradient's norm
     * reads it here rather than pass over the gradient again.
     */
    default double lastGradientSquaredNorm() {
        return Double.NaN;
    }

    /** Updates made so far. */
    long updates();

    /**
     * Publishes from now on into {@code sink}, under names that start with {@code prefix}: the
     * size of each update ({@code update_size}) and of its gradient ({@code grad_norm}), and at
     * the end of each logging interval the 5th, 50th and 95th percentiles of the effective step
     * sizes ({@code effective_step_size_p50}, ...) and the update-to-parameter ratio
     * ({@code update_ratio}).
     */
    void publishTo(MetricSink sink, String prefix);
}
