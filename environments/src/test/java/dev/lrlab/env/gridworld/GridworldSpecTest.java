package dev.lrlab.env.gridworld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GridworldSpecTest {

    @Test
    void perCellRewardOverridesTheDefault() {
        Gridworld world = Gridworld.of(GridworldSpec.builder("r", "S.G").cellReward(0, 1, 5).build());
        world.reset(0);
        assertEquals(5.0, world.step(1));
        assertEquals(-1.0, world.step(1));
        assertTrue(world.terminated());
    }

    @Test
    void badMapsAreRefusedWithTheReason() {
        assertMessage("no start", () -> GridworldSpec.builder("m", "..G").build());
        assertMessage("row 1 has 2 cells", () -> GridworldSpec.builder("m", "S.G", "..").build());
        assertMessage("unknown map character 'x' at (0, 1)", () -> GridworldSpec.builder("m", "SxG").build());
        assertMessage("wind has 2 columns", () -> GridworldSpec.builder("m", "S.G").wind(1, 1).build());
        assertMessage("slip must be in [0, 1]", () -> GridworldSpec.builder("m", "S.G").slip(1.5).build());
    }

    @Test
    void severalStartsAreDrawnUniformly() {
        Gridworld world = Gridworld.of(GridworldSpec.builder("m", "S.S", "..G").build());
        world.reset(5);
        int[] counts = new int[6];
        for (int i = 0; i < 10_000; i++) {
            world.reset();
            counts[world.state()]++;
        }
        assertEquals(0.5, counts[0] / 10_000.0, 0.03);
        assertEquals(0.5, counts[2] / 10_000.0, 0.03);
    }

    private static void assertMessage(String fragment, Runnable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::run);
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
