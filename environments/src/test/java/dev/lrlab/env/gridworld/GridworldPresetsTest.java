package dev.lrlab.env.gridworld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lrlab.env.Environment;
import dev.lrlab.env.EnvironmentKind;
import java.util.ArrayDeque;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Each gridworld preset's dynamics, pinned against its source definition. */
class GridworldPresetsTest {

    private static final int UP = 0;
    private static final int RIGHT = 1;
    private static final int DOWN = 2;
    private static final int LEFT = 3;

    @Test
    void cliffSendsTheAgentBackToTheStartWithMinus100() {
        Gridworld world = Gridworld.of(GridworldPresets.cliffWalking());
        world.reset(0);
        assertEquals(3 * 12, world.state());
        world.step(UP);
        world.step(RIGHT);
        world.step(RIGHT);
        assertEquals(-100.0, world.step(DOWN)); // into (3, 2), a cliff cell
        assertEquals(3 * 12, world.state(), "back on the start");
        assertFalse(world.episodeOver(), "the cliff does not end the episode");
    }

    @Test
    void everyCliffCellPenalisesAndNoOtherCellDoes() {
        for (int col = 1; col <= 10; col++) {
            Gridworld world = Gridworld.of(GridworldPresets.cliffWalking());
            world.reset(0);
            world.placeAgent(2, col);
            assertEquals(-100.0, world.step(DOWN), "cliff at column " + col);
            assertEquals(36, world.state());
        }
        Gridworld world = Gridworld.of(GridworldPresets.cliffWalking());
        world.reset(0);
        world.placeAgent(2, 0);
        assertEquals(-1.0, world.step(DOWN), "the start is not a cliff");
    }

    @Test
    void cliffWalkingGoalTerminatesWithMinusOne() {
        Gridworld world = Gridworld.of(GridworldPresets.cliffWalking());
        world.reset(0);
        world.placeAgent(2, 11);
        assertEquals(-1.0, world.step(DOWN));
        assertTrue(world.terminated());
        assertFalse(world.truncated());
    }

    @Test
    void movingIntoTheEdgeStaysInPlace() {
        Gridworld world = Gridworld.of(GridworldPresets.cliffWalking());
        world.reset(0);
        assertEquals(-1.0, world.step(LEFT));
        assertEquals(36, world.state());
        world.placeAgent(0, 0);
        world.step(UP);
        assertEquals(0, world.state());
    }

    @Test
    void cliffEdgePathReturnsMinus13AndSafePathMinus17() {
        int[] edge = new int[13];
        edge[0] = UP;
        Arrays.fill(edge, 1, 12, RIGHT);
        edge[12] = DOWN;
        assertEquals(-13.0, play(registered("cliff-walking"), edge));
        int[] safe = {UP, UP, UP, RIGHT, RIGHT, RIGHT, RIGHT, RIGHT, RIGHT, RIGHT, RIGHT, RIGHT,
            RIGHT, RIGHT, DOWN, DOWN, DOWN};
        assertEquals(-17.0, play(registered("cliff-walking"), safe));
        assertEquals(0, registered("cliff-walking").timeLimit(), "no time limit");
    }

    @Test
    void frozenLakeSlipLandsOnEachOfThreeCellsWithAThird() {
        Gridworld world = Gridworld.of(GridworldPresets.frozenLake8x8());
        world.reset(2024);
        int n = 30_000;
        int[] landed = new int[64];
        for (int i = 0; i < n; i++) {
            world.placeAgent(1, 1);
            world.step(1); // down, in Gymnasium's order
            landed[world.state()]++;
        }
        // sd of a frequency of 1/3 over 30,000 draws is 0.0027; the margin is over 5 sd
        double margin = 0.015;
        assertEquals(1.0 / 3, landed[2 * 8 + 1] / (double) n, margin, "intended: down");
        assertEquals(1.0 / 3, landed[8] / (double) n, margin, "perpendicular: left");
        assertEquals(1.0 / 3, landed[8 + 2] / (double) n, margin, "perpendicular: right");
        assertEquals(0, landed[1], "never backwards");
    }

    @Test
    void frozenLakeGoalPaysOneAndHolePaysZeroBothTerminating() {
        boolean sawGoal = false;
        boolean sawHole = false;
        for (long seed = 0; seed < 200 && !(sawGoal && sawHole); seed++) {
            Gridworld world = Gridworld.of(GridworldPresets.frozenLake4x4());
            world.reset(seed);
            world.placeAgent(3, 2);
            double reward = world.step(2); // right, toward the goal at (3, 3)
            if (world.state() == 15) {
                sawGoal = true;
                assertEquals(1.0, reward);
                assertTrue(world.terminated());
            } else {
                assertEquals(0.0, reward);
                assertFalse(world.terminated());
            }
            world = Gridworld.of(GridworldPresets.frozenLake4x4());
            world.reset(seed);
            world.placeAgent(0, 1);
            reward = world.step(1); // down, toward the hole at (1, 1)
            if (world.state() == 5) {
                sawHole = true;
                assertEquals(0.0, reward);
                assertTrue(world.terminated());
            }
        }
        assertTrue(sawGoal && sawHole, "200 seeds never slipped into the goal and a hole");
    }

    @Test
    void frozenLakeTimeLimitsAre100And200() {
        assertEquals(100, registered("frozen-lake-4x4").timeLimit());
        assertEquals(200, registered("frozen-lake-8x8").timeLimit());
    }

    @Test
    void windPushesUpByTheStrengthOfTheColumnLeft() {
        int[] wind = {0, 0, 0, 1, 1, 1, 2, 2, 1, 0};
        for (int col = 0; col < 9; col++) {
            Gridworld world = Gridworld.of(GridworldPresets.windy());
            world.reset(0);
            world.placeAgent(5, col);
            world.step(RIGHT);
            assertEquals(5 - wind[col], world.row(), "leaving column " + col);
            assertEquals(col + 1, world.col());
        }
    }

    @Test
    void windIsClampedAtTheTopRow() {
        Gridworld world = Gridworld.of(GridworldPresets.windy());
        world.reset(0);
        world.placeAgent(1, 6);
        world.step(UP);
        assertEquals(0, world.row());
        assertEquals(6, world.col());
    }

    @Test
    void windyShortestPathIs15Steps() {
        assertEquals(15, shortestPath(Gridworld.of(GridworldPresets.windy()), 3 * 10 + 7));
    }

    @Test
    void stochasticWindVariesByOneWithAThirdEach() {
        Gridworld world = Gridworld.of(GridworldPresets.windyKings(true));
        world.reset(7);
        int[] rows = new int[7];
        int n = 30_000;
        for (int i = 0; i < n; i++) {
            world.placeAgent(5, 6); // wind 2
            world.step(0); // king's move 0 is up
            rows[world.row()]++;
        }
        // up one, then pushed 1, 2 or 3: rows 3, 2, 1
        for (int row = 1; row <= 3; row++) {
            assertEquals(1.0 / 3, rows[row] / (double) n, 0.015, "row " + row);
        }
    }

    @Test
    void fourRoomsShortestPathIs20StepsThroughTheHallways() {
        Gridworld world = Gridworld.of(GridworldPresets.fourRooms());
        assertEquals(20, shortestPath(world, 11 * 13 + 11));
        world.reset(0);
        assertEquals(1 * 13 + 1, world.state());
        assertEquals(1000, registered("four-rooms").timeLimit());
    }

    @Test
    void fourRoomsWallsBlock() {
        Gridworld world = Gridworld.of(GridworldPresets.fourRooms());
        world.reset(0);
        world.placeAgent(1, 5);
        world.step(RIGHT); // (1, 6) is a wall
        assertEquals(1 * 13 + 5, world.state());
        world.placeAgent(3, 5);
        world.step(RIGHT); // (3, 6) is the hallway
        assertEquals(3 * 13 + 6, world.state());
    }

    @Test
    void openRoomShortestPathIs8() {
        assertEquals(8, shortestPath(Gridworld.of(GridworldPresets.openRoom()), 24));
    }

    @Test
    void sameSeedSameSlipsDifferentSeedDifferentSlips() {
        int[] actions = new int[50];
        Arrays.fill(actions, 2);
        assertEquals(trace(11, actions), trace(11, actions));
        assertFalse(trace(11, actions).equals(trace(12, actions)));
    }

    private static String trace(long seed, int[] actions) {
        Gridworld world = Gridworld.of(GridworldPresets.frozenLake8x8());
        world.reset(seed);
        StringBuilder out = new StringBuilder();
        for (int a : actions) {
            if (world.episodeOver()) {
                world.reset();
            }
            world.step(a);
            out.append(world.state()).append(',');
        }
        return out.toString();
    }

    private static double play(Environment env, int[] actions) {
        env.reset(0);
        double total = 0;
        for (int a : actions) {
            total += env.step(a);
        }
        assertTrue(env.terminated(), "the path should end at the goal");
        return total;
    }

    /** Breadth-first search over the deterministic dynamics, by stepping the environment. */
    private static int shortestPath(Gridworld world, int goal) {
        world.reset(0);
        int start = world.state();
        int cells = world.observationSpace().stateCount();
        int[] dist = new int[cells];
        Arrays.fill(dist, -1);
        dist[start] = 0;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(start);
        while (!queue.isEmpty()) {
            int cell = queue.poll();
            if (cell == goal) {
                return dist[cell];
            }
            for (int a = 0; a < world.actionCount(); a++) {
                world.reset(0);
                world.placeAgent(cell / world.spec().width(), cell % world.spec().width());
                world.step(a);
                int next = world.state();
                if (dist[next] < 0) {
                    dist[next] = dist[cell] + 1;
                    queue.add(next);
                }
            }
        }
        return -1;
    }

    /** An environment as a spec names it, with every setting at its default. */
    private static Environment registered(String id) {
        return EnvironmentKind.load().byName(id).orElseThrow().create();
    }
}
