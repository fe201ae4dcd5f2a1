package dev.lrlab.agents.optim;

import dev.lrlab.env.metrics.MetricSink;
import dev.lrlab.env.metrics.Reduction;

/**
 * What every optimizer keeps for its metrics: the last rate, the update count and the norms of
 * the last update, the parameters and the gradient.
 */
abstract class AbstractOptimizer implements Optimizer {

    protected final int size;
    protected final OptimizerConfig config;
    protected long updates;
    protected double lastRate;
    protected double updateNormSq;
    protected double paramNormSq;
    private MetricSink metrics = MetricSink.NONE;
    /** 0 until the first update, then 64 or 32: the precision of the parameters it updates. */
    private int precision;
    /** float32 only: the parameters of the last update and the change it made to each, for norms on demand. */
    private float[] lastParams;
    private float[] lastStep;
    /** Whether the last float32 update's step norm is {@code updateNormSq} (its kernel summed it) rather than in {@code lastStep}. */
    private boolean stepNormSummed;
    /** The last float32 update's squared gradient norm when it summed it (its kernel, or for its own grad_norm), NaN otherwise. */
    private double gradientSquared = Double.NaN;
    private int updateSize;
    private int gradNorm;

    AbstractOptimizer(int size, OptimizerConfig config) {
        if (size < 1) {
            throw new IllegalArgumentException("an optimizer needs at least one parameter, had " + size);
        }
        this.size = size;
        this.config = config;
    }

    /**
     * Checks that every update uses the same precision, and says whether this is the first one
     * (when the state arrays of that precision are allocated: an optimizer of a network's float32
     * parameters never holds float64 state, and the other way round).
     */
    protected final boolean firstUpdateIn(int bits) {
        if (precision == bits) {
            return false;
        }
        if (precision != 0) {
            throw new IllegalStateException(this + " updates float" + precision + " parameters, not float" + bits);
        }
        precision = bits;
        allocate(bits);
        return true;
    }

    /** Allocates the state an update of this precision (64 or 32 bits) keeps; called once. */
    protected abstract void allocate(int bits);

    @Override
    public final void reserveFloat32() {
        firstUpdateIn(32);
        stepScratch();
    }

    /** Whether the state is float32 (the optimizer updates a network). */
    protected final boolean floats() {
        return precision == 32;
    }

    /**
     * Records one finished update: its rate and the squared norms of the change, the parameters
     * and the gradient it was given.
     */
    protected final void finish(double rate, double updateSquared, double paramsSquared, double gradientSquared) {
        updates++;
        lastRate = rate;
        updateNormSq = updateSquared;
        paramNormSq = paramsSquared;
        metrics.add(updateSize, Math.sqrt(updateSquared));
        metrics.add(gradNorm, Math.sqrt(gradientSquared));
    }

    /** Where a float32 update writes the change it makes to each parameter. */
    protected final float[] stepScratch() {
        if (lastStep == null) {
            lastStep = new float[size];
        }
        return lastStep;
    }

    /**
     * Records one finished float32 update. Its norms are computed in separate passes (so that the
     * update's loop has no reductions and vectorises), and only when someone reads them.
     */
    protected final void finish(double rate, float[] params, float[] gradient) {
        updates++;
        lastRate = rate;
        lastParams = params;
        stepNormSummed = false;
        this.gradientSquared = Double.NaN;
        if (metrics != MetricSink.NONE) {
            metrics.add(updateSize, Math.sqrt(dev.lrlab.agents.nn.Kernels.best().sumOfSquares(lastStep, size)));
            this.gradientSquared = dev.lrlab.agents.nn.Kernels.best().sumOfSquares(gradient, size);
            metrics.add(gradNorm, Math.sqrt(this.gradientSquared));
        }
    }

    /**
     * Records one finished float32 update whose kernel summed the squares of the change and of the
     * gradient as it went (as {@code Kernels.sumOfSquares} sums them).
     */
    protected final void finish(double rate, float[] params, double stepSquared, double gradientSquared) {
        updates++;
        lastRate = rate;
        lastParams = params;
        updateNormSq = stepSquared;
        stepNormSummed = true;
        this.gradientSquared = gradientSquared;
        metrics.add(updateSize, Math.sqrt(stepSquared));
        metrics.add(gradNorm, Math.sqrt(gradientSquared));
    }

    @Override
    public final void publishTo(MetricSink sink, String prefix) {
        metrics = sink;
        updateSize = sink.register(prefix + "update_size", Reduction.MEAN);
        gradNorm = sink.register(prefix + "grad_norm", Reduction.MEAN);
        int p5 = sink.register(prefix + "effective_step_size_p5", Reduction.LAST);
        int p50 = sink.register(prefix + "effective_step_size_p50", Reduction.LAST);
        int p95 = sink.register(prefix + "effective_step_size_p95", Reduction.LAST);
        int ratio = sink.register(prefix + "update_ratio", Reduction.LAST);
        double[] scratch = new double[size];
        sink.sampleAtIntervalEnd(() -> {
            if (updates > 0) {
                StepSizeStats stats = StepSizeStats.of(this, scratch);
                sink.add(p5, stats.p5());
                sink.add(p50, stats.p50());
                sink.add(p95, stats.p95());
                sink.add(ratio, stats.updateToParamRatio());
            }
        });
    }

    @Override
    public final int size() {
        return size;
    }

    @Override
    public final long updates() {
        return updates;
    }

    @Override
    public final double lastUpdateNorm() {
        if (lastParams != null && !stepNormSummed) {
            return Math.sqrt(dev.lrlab.agents.nn.Kernels.best().sumOfSquares(lastStep, size));
        }
        return Math.sqrt(updateNormSq);
    }

    @Override
    public final double lastGradientSquaredNorm() {
        return gradientSquared;
    }

    @Override
    public final double lastParamNorm() {
        if (lastParams != null) {
            return Math.sqrt(dev.lrlab.agents.nn.Kernels.best().sumOfSquares(lastParams, size));
        }
        return Math.sqrt(paramNormSq);
    }

    @Override
    public String toString() {
        return config.rule().id() + "[" + size + "]";
    }
}
