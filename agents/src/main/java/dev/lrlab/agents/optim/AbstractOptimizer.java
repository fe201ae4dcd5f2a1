package dev.lrlab.agents.optim;

/** What every optimizer keeps for its diagnostics: the last rate, update count and norms. */
abstract class AbstractOptimizer implements Optimizer {

    protected final int size;
    protected final OptimizerConfig config;
    protected long updates;
    protected double lastRate;
    protected double updateNormSq;
    protected double paramNormSq;

    AbstractOptimizer(int size, OptimizerConfig config) {
        if (size < 1) {
            throw new IllegalArgumentException("an optimizer needs at least one parameter, had " + size);
        }
        this.size = size;
        this.config = config;
    }

    /** Records one finished update: its rate and the squared norms of the change and the parameters. */
    protected final void finish(double rate, double updateSquared, double paramsSquared) {
        updates++;
        lastRate = rate;
        updateNormSq = updateSquared;
        paramNormSq = paramsSquared;
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
        return Math.sqrt(updateNormSq);
    }

    @Override
    public final double lastParamNorm() {
        return Math.sqrt(paramNormSq);
    }

    @Override
    public String toString() {
        return config.kind().id() + "[" + size + "]";
    }
}
