package dev.lrlab.env.gridworld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GridRenderingTest {

    @Test
    void stateDrawsTheAgentOnTheMap() {
        Gridworld world = Gridworld.of(GridworldPresets.cliffWalking());
        world.reset(0);
        world.step(0);
        assertEquals("""
                ............
                ............
                A...........
                SCCCCCCCCCCG
                """, world.render());
    }

    @Test
    void policyDrawsArrowsAndKeepsSpecialCells() {
        Gridworld world = Gridworld.of(GridworldPresets.openRoom());
        int[] actions = new int[25];
        Arrays.fill(actions, 1);
        for (int c = 0; c < 5; c++) {
            actions[4 * 5 + c] = 2;
        }
        assertEquals("""
                >>>>>
                >>>>>
                >>>>>
                >>>>>
                vvvvG
                """, GridRendering.policy(world, actions));
    }

    @Test
    void frozenLakePolicyUsesGymnasiumActionOrder() {
        Gridworld world = Gridworld.of(GridworldPresets.frozenLake4x4());
        int[] actions = {0, 1, 2, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        assertEquals("<v>^", GridRendering.policy(world, actions).lines().findFirst().orElseThrow());
    }

    @Test
    void valuesAreNumbersWithWallsMarked() {
        Gridworld world = Gridworld.of(GridworldSpec.builder("tiny", "S#", ".G").build());
        assertEquals("""
                  -1.5      #
                   0.0   10.0
                """, GridRendering.values(world, new double[] {-1.5, 99, 0, 10}));
    }

    @Test
    void tablesOfTheWrongSizeAreRefused() {
        Gridworld world = Gridworld.of(GridworldPresets.openRoom());
        assertThrows(IllegalArgumentException.class, () -> GridRendering.values(world, new double[3]));
    }
}
