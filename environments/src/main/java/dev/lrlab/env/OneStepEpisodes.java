package dev.lrlab.env;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * An environment with one state whose every episode is a single step that terminates (a bandit's
 * pull, an optimizer's step): a return curve is then the reward of each step, and the episode
 * budget the number of steps. Subclasses say what a seed sets up ({@link #seeded}) and what a step
 * does ({@link #act}); this class keeps the episode's bookkeeping and the seeded generator, whose
 * state (like the subclass's) carries across {@link #reset()}.
 */
public abstract class OneStepEpisodes implements Environment {

    private final int actions;
    private UniformRandomProvider rng;
    private ContinuousSampler gaussian;
    private boolean running;
    private int steps;

    protected OneStepEpisodes(int actions) {
        this.actions = actions;
    }

    /** Sets up what a seed fixes (the arms' values, a start point), drawing from {@code gaussian}. */
    protected abstract void seeded(ContinuousSampler gaussian);

    /** The step's effect and its reward; the action is in range. */
    protected abstract double act(int action);

    /** Standard normal draws from the generator the last seed started. */
    protected final ContinuousSampler gaussian() {
        return gaussian;
    }

    @Override
    public final int actionCount() {
        return actions;
    }

    @Override
    public final ObservationSpace observationSpace() {
        return ObservationSpace.discrete(1);
    }

    @Override
    public final void reset(long seed) {
        rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        seeded(gaussian);
        reset();
    }

    @Override
    public final void reset() {
        if (rng == null) {
            throw new IllegalStateException(id() + ": call reset(seed) once before reset()");
        }
        steps = 0;
        running = true;
    }

    @Override
    public final double step(int action) {
        if (!running) {
            throw new IllegalStateException(id() + (rng == null ? ": step() before reset(); call reset(seed) first"
                    : ": the step is over; call reset() before step()"));
        }
        if (action < 0 || action >= actions) {
            throw new IllegalArgumentException(id() + ": action " + action + " is outside 0.." + (actions - 1));
        }
        double reward = act(action);
        steps = 1;
        running = false;
        return reward;
    }

    /** Every step ends its episode. */
    @Override
    public final boolean terminated() {
        return steps == 1;
    }

    @Override
    public final boolean truncated() {
        return false;
    }

    @Override
    public final int episodeSteps() {
        return steps;
    }

    @Override
    public final int state() {
        return 0;
    }

    @Override
    public final int activeFeatures(int[] out) {
        out[0] = 0;
        return 1;
    }
}
