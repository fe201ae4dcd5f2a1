package dev.lrlab.env;

/**
 * A reinforcement-learning environment with Gymnasium's contract: {@link #reset(long)} starts an
 * episode, {@link #step(int)} advances it and reports the reward, and {@link #terminated()} (a
 * terminal state of the MDP) is kept apart from {@link #truncated()} (an outside limit such as
 * time), because an agent bootstraps from the second and not from the first.
 *
 * <p>Observations are read after each reset or step rather than returned, so that a step
 * allocates nothing: {@link #state()} for tabular agents, {@link #activeFeatures(int[])} for
 * function approximation. An environment is not thread-safe; give each trial its own.
 */
public interface Environment {

    /** The id a spec uses for this environment, such as {@code cliff-walking}. */
    String id();

    /** The number of actions; actions are {@code 0 .. actionCount() - 1}. */
    int actionCount();

    /** What {@link #state()} and {@link #activeFeatures(int[])} can return. */
    ObservationSpace observationSpace();

    /**
     * Starts an episode, reseeding the environment's own generator: the same seed gives the same
     * episode for the same actions.
     */
    void reset(long seed);

    /**
     * Starts the next episode, continuing the generator of the last seeded reset (as Gymnasium's
     * {@code reset()} without a seed does).
     *
     * @throws IllegalStateException if the environment was never seeded
     */
    void reset();

    /**
     * Applies an action and returns the reward of the transition.
     *
     * @throws IllegalArgumentException if the action is outside {@code 0 .. actionCount() - 1}
     * @throws IllegalStateException if no episode is running (never reset, or already over)
     */
    double step(int action);

    /** Whether the last step reached a terminal state of the MDP (no bootstrapping past it). */
    boolean terminated();

    /** Whether the last step hit an outside limit such as a time limit (bootstrapping goes on). */
    boolean truncated();

    /** Whether the episode is over, by termination or truncation. */
    default boolean episodeOver() {
        return terminated() || truncated();
    }

    /** The action's name for people ("left", "no-op"); its number unless the environment names it. */
    default String actionName(int action) {
        return Integer.toString(action);
    }

    /** Steps taken in the current episode. */
    int episodeSteps();

    /**
     * The step limit after which an episode is truncated, or 0 when there is none. Set by
     * {@link TimeLimit}.
     */
    default int timeLimit() {
        return 0;
    }

    /**
     * The environment under any wrappers (time limits), for asking it about optional abilities
     * such as {@link Traceable} or {@link dev.lrlab.env.metrics.PublishesMetrics}.
     */
    default Environment unwrapped() {
        return this;
    }

    /** The current observation as a state index in {@code 0 .. observationSpace().stateCount() - 1}. */
    int state();

    /**
     * Writes the indices of the binary features that are 1 in the current observation, in
     * ascending order, and returns how many there are. {@code out} must hold at least
     * {@code observationSpace().featureCount()} entries.
     */
    int activeFeatures(int[] out);
}
