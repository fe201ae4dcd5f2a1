package dev.lrlab.env;

import dev.lrlab.env.breakout.Breakout;
import dev.lrlab.env.corridor.ShortCorridor;
import dev.lrlab.env.gridworld.Gridworld;
import dev.lrlab.env.gridworld.GridworldPresets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The registry of environments a spec can name, each with its id, a one-line description, and the
 * source it follows. Adding a constant here puts a new environment under the contract test.
 */
public enum EnvironmentPreset {

    /**
     * Sutton &amp; Barto Example 6.6, Gymnasium CliffWalking-v0: 4x12, -1 per step, -100 and back
     * to the start for the cliff; no time limit, as in the book and Gymnasium.
     */
    CLIFF_WALKING("cliff-walking",
            "4x12 cliff walk (S&B Ex. 6.6): -1 per step, -100 and back to start for the cliff",
            () -> Gridworld.environment(GridworldPresets.cliffWalking())),

    /** Gymnasium FrozenLake-v1 4x4, slippery: 1/3 intended, 1/3 each perpendicular; 100 steps. */
    FROZEN_LAKE_4X4("frozen-lake-4x4",
            "Gymnasium FrozenLake 4x4, slippery, +1 at the goal, holes end, 100-step limit",
            () -> Gridworld.environment(GridworldPresets.frozenLake4x4())),

    /** Gymnasium FrozenLake-v1 8x8, slippery; 200 steps. */
    FROZEN_LAKE_8X8("frozen-lake-8x8",
            "Gymnasium FrozenLake 8x8, slippery, +1 at the goal, holes end, 200-step limit",
            () -> Gridworld.environment(GridworldPresets.frozenLake8x8())),

    /** Sutton &amp; Barto Example 6.5: 7x10, upward wind 0 0 0 1 1 1 2 2 1 0, -1 per step. */
    WINDY_GRIDWORLD("windy-gridworld",
            "7x10 windy gridworld (S&B Ex. 6.5): wind 0001112210 pushes up, -1 per step",
            () -> Gridworld.environment(GridworldPresets.windy())),

    /** Sutton, Precup &amp; Singh (1999) four rooms: corner to corner, -1 per step, 1000 steps. */
    FOUR_ROOMS("four-rooms",
            "four rooms (Sutton, Precup & Singh 1999): (1,1) to (11,11), -1 per step, 1000-step limit",
            () -> Gridworld.environment(GridworldPresets.fourRooms())),

    /** A 5x5 empty room, corner to corner: a sanity check that any learner should pass. */
    OPEN_ROOM("open-room",
            "5x5 empty room, corner to corner, -1 per step, 100-step limit (sanity check)",
            () -> Gridworld.environment(GridworldPresets.openRoom())),

    /** Sutton &amp; Barto Example 13.1; a 1000-step limit so that deterministic policies end. */
    SHORT_CORRIDOR("short-corridor",
            "short corridor with switched actions (S&B Ex. 13.1): states look alike, -1 per step",
            () -> TimeLimit.of(ShortCorridor.of(), 1000)),

    /**
     * MinAtar's Breakout (Young &amp; Tian 2019): 10x10, three rows of bricks, +1 per brick, the
     * minimal action set (no-op, left, right), sticky actions 0.1, no time limit.
     */
    BREAKOUT("breakout",
            "MinAtar Breakout 10x10: +1 per brick, actions no-op/left/right, sticky 0.1, no time limit",
            Breakout::minatar);

    private final String id;
    private final String description;
    private final Supplier<Environment> factory;

    EnvironmentPreset(String id, String description, Supplier<Environment> factory) {
        this.id = id;
        this.description = description;
        this.factory = factory;
    }

    /** The id a spec uses. */
    public String id() {
        return id;
    }

    /** One line for {@code lrlab envs}. */
    public String description() {
        return description;
    }

    /** A new instance; each trial needs its own. */
    public Environment create() {
        return factory.get();
    }

    /** The preset with this id, if any. */
    public static Optional<EnvironmentPreset> byId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }

    /** Every id, in registry order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(EnvironmentPreset::id).toList();
    }
}
