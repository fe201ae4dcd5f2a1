package dev.lrlab.agents;

import dev.lrlab.env.Environment;

/**
 * An agent that acts in several copies of its environment at once, stepped in lock-step in one
 * thread (A2C, PPO). The runner drives it with:
 *
 * <pre>{@code
 * reset every copy;
 * agent.act(envs, actions);
 * loop {
 *     for each copy i: reward = envs[i].step(actions[i]); agent.observe(i, reward, envs[i]);
 *     reset each copy whose episode is over (recording its return);
 *     agent.act(envs, actions);
 * }
 * }</pre>
 *
 * {@link #observe} reads the copy's new observation and flags before any reset; {@link #act}
 * reads every copy's current observation, a fresh episode's first one for a copy just reset. With
 * one copy the agent also runs in {@link Agent}'s single loop.
 */
public interface LockStepAgent extends Agent {

    /** How many copies of the environment the agent acts in. */
    int copies();

    /** Chooses the next action of every copy into {@code actions}. */
    void act(Environment[] envs, int[] actions);

    /** Learns from the last transition of copy {@code copy}: its reward; observation and flags from {@code env}. */
    void observe(int copy, double reward, Environment env);
}
