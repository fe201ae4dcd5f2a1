package dev.lrlab.agents;

/**
 * An optional ability: an agent with a value for every (state, action) of a discrete environment,
 * whose greedy policy and state values a report can draw on a gridworld's map.
 */
public interface TabularValues {

    /** The greedy action in every state (lowest index among ties, so drawings are stable). */
    int[] greedyPolicy();

    /** max_a Q(s, a) for every state. */
    double[] stateValues();
}
