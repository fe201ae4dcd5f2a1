package dev.lrlab.env.gridworld;

/**
 * The gridworld presets, each following a published definition (see shared/reference/gridworlds.md
 * in the design notes). Deliberate differences from the source are stated on each.
 */
public final class GridworldPresets {

    private GridworldPresets() {
    }

    /**
     * Sutton &amp; Barto Example 6.6 and Gymnasium CliffWalking-v0: start (3,0), goal (3,11),
     * -1 per step including the step into the goal, -100 for stepping into the cliff, which sends
     * the agent back to the start without ending the episode. Actions 0 up, 1 right, 2 down,
     * 3 left; no time limit.
     */
    public static GridworldSpec cliffWalking() {
        return GridworldSpec.builder("cliff-walking",
                        "............",
                        "............",
                        "............",
                        "SCCCCCCCCCCG")
                .stepReward(-1).cliffReward(-100)
                .build();
    }

    /**
     * Gymnasium FrozenLake-v1, 4x4 map, slippery: the intended move and each perpendicular move
     * with probability 1/3. Reward +1 for the goal, 0 otherwise; holes and the goal terminate.
     * Actions in Gymnasium's order: 0 left, 1 down, 2 right, 3 up. Truncated after 100 steps.
     */
    public static GridworldSpec frozenLake4x4() {
        return frozenLake("frozen-lake-4x4", 100,
                "SFFF",
                "FHFH",
                "FFFH",
                "HFFG");
    }

    /** Gymnasium FrozenLake8x8-v1: as the 4x4 on the 8x8 map, truncated after 200 steps. */
    public static GridworldSpec frozenLake8x8() {
        return frozenLake("frozen-lake-8x8", 200,
                "SFFFFFFF",
                "FFFFFFFF",
                "FFFHFFFF",
                "FFFFFHFF",
                "FFFHFFFF",
                "FHHFFFHF",
                "FHFFHFHF",
                "FFFHFFFG");
    }

    private static GridworldSpec frozenLake(String id, int timeLimit, String... map) {
        return GridworldSpec.builder(id, map)
                .moves(Move.FROZEN_LAKE)
                .stepReward(0).goalReward(1).holeReward(0)
                .slip(2.0 / 3.0)
                .timeLimit(timeLimit)
                .build();
    }

    /**
     * Sutton &amp; Barto Example 6.5: 7x10, start (3,0), goal (3,7), -1 per step; after the
     * move the agent is pushed up by the wind of the column it left (clamped at the top row).
     * No time limit, as in the book.
     */
    public static GridworldSpec windy() {
        return windyBuilder("windy-gridworld").build();
    }

    /** Exercise 6.9 and 6.10 variants: king's moves, and optionally stochastic wind. */
    public static GridworldSpec windyKings(boolean stochasticWind) {
        return windyBuilder(stochasticWind ? "windy-gridworld-kings-stochastic" : "windy-gridworld-kings")
                .moves(Move.KING).stochasticWind(stochasticWind).build();
    }

    private static GridworldSpec.Builder windyBuilder(String id) {
        return GridworldSpec.builder(id,
                        "..........",
                        "..........",
                        "..........",
                        "S......G..",
                        "..........",
                        "..........",
                        "..........")
                .stepReward(-1)
                .wind(0, 0, 0, 1, 1, 1, 2, 2, 1, 0);
    }

    /**
     * Sutton, Precup &amp; Singh (1999): four rooms joined by one-cell hallways, 13x13 with the
     * outer wall. lrlab's choices: start in the top-left room's corner (1,1), goal in the
     * bottom-right room's corner (11,11), -1 per step (so returns count steps), and a time limit of
     * 1000 steps. The paper's rooms were stochastic (2/3 intended move); this preset is
     * deterministic.
     */
    public static GridworldSpec fourRooms() {
        return GridworldSpec.builder("four-rooms",
                        "#############",
                        "#S....#.....#",
                        "#.....#.....#",
                        "#...........#",
                        "#.....#.....#",
                        "#.....#.....#",
                        "##.####.....#",
                        "#.....###.###",
                        "#.....#.....#",
                        "#.....#.....#",
                        "#...........#",
                        "#.....#....G#",
                        "#############")
                .stepReward(-1)
                .timeLimit(1000)
                .build();
    }

    /** A 5x5 room with no walls, from (0,0) to (4,4), -1 per step, truncated after 100 steps. */
    public static GridworldSpec openRoom() {
        return GridworldSpec.builder("open-room",
                        "S....",
                        ".....",
                        ".....",
                        ".....",
                        "....G")
                .stepReward(-1)
                .timeLimit(100)
                .build();
    }
}
