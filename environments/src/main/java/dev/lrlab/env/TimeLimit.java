package dev.lrlab.env;

/**
 * Truncates episodes after a number of steps, as Gymnasium's {@code TimeLimit} wrapper does. A
 * time limit is truncation, never termination: an agent keeps bootstrapping past it.
 */
public final class TimeLimit implements Environment, Renderable {

    private final Environment inner;
    private final int limit;
    private boolean truncated;

    private TimeLimit(Environment inner, int limit) {
        this.inner = inner;
        this.limit = limit;
    }

    /** Wraps {@code inner} so that its episodes end, truncated, after {@code limit} steps. */
    public static TimeLimit of(Environment inner, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a time limit must be at least 1 step, was " + limit);
        }
        return new TimeLimit(inner, limit);
    }

    /** The wrapped environment. */
    public Environment inner() {
        return inner;
    }

    @Override
    public Environment unwrapped() {
        return inner.unwrapped();
    }

    @Override
    public String id() {
        return inner.id();
    }

    @Override
    public int actionCount() {
        return inner.actionCount();
    }

    @Override
    public ObservationSpace observationSpace() {
        return inner.observationSpace();
    }

    @Override
    public void reset(long seed) {
        inner.reset(seed);
        truncated = false;
    }

    @Override
    public void reset() {
        inner.reset();
        truncated = false;
    }

    @Override
    public double step(int action) {
        if (truncated) {
            throw new IllegalStateException(
                    id() + ": the episode was truncated at its time limit of " + limit
                            + " steps; call reset() before step()");
        }
        double reward = inner.step(action);
        truncated = !inner.terminated() && inner.episodeSteps() >= limit;
        return reward;
    }

    @Override
    public boolean terminated() {
        return inner.terminated();
    }

    @Override
    public boolean truncated() {
        return truncated || inner.truncated();
    }

    @Override
    public String actionName(int action) {
        return inner.actionName(action);
    }

    @Override
    public int episodeSteps() {
        return inner.episodeSteps();
    }

    @Override
    public int timeLimit() {
        int innerLimit = inner.timeLimit();
        return innerLimit == 0 ? limit : Math.min(limit, innerLimit);
    }

    @Override
    public int state() {
        return inner.state();
    }

    @Override
    public int activeFeatures(int[] out) {
        return inner.activeFeatures(out);
    }

    @Override
    public String render() {
        return inner instanceof Renderable r ? r.render() : "(" + id() + " cannot render)";
    }
}
