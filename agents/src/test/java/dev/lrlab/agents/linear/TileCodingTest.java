package dev.lrlab.agents.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lrlab.agents.features.TileCoding;
import dev.lrlab.env.gridworld.Gridworld;
import dev.lrlab.env.gridworld.GridworldPresets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TileCodingTest {

    private static int[] tilesAt(TileCoding coding, Gridworld world, int row, int col) {
        world.placeAgent(row, col);
        int[] out = new int[coding.featureCount()];
        int n = coding.encode(world, out);
        return java.util.Arrays.copyOf(out, n);
    }

    @Test
    void oneActiveTilePerTilingAscendingAndInRange() {
        Gridworld world = Gridworld.of(GridworldPresets.openRoom());
        world.reset(0);
        TileCoding coding = TileCoding.of(world.observationSpace(), 4, 2);
        for (int r = 0; r < 5; r++) {
            for (int c = 0; c < 5; c++) {
                int[] tiles = tilesAt(coding, world, r, c);
                assertEquals(4, tiles.length);
                for (int i = 0; i < tiles.length; i++) {
                    assertTrue(tiles[i] >= 0 && tiles[i] < coding.featureCount());
                    assertTrue(i == 0 || tiles[i] > tiles[i - 1]);
                }
            }
        }
    }

    @Test
    void neighboursShareTilesAndDistantCellsShareNone() {
        Gridworld world = Gridworld.of(GridworldPresets.openRoom());
        world.reset(0);
        TileCoding coding = TileCoding.of(world.observationSpace(), 4, 2);
        assertTrue(shared(tilesAt(coding, world, 2, 2), tilesAt(coding, world, 2, 3)) >= 1, "generalises to neighbours");
        assertEquals(0, shared(tilesAt(coding, world, 0, 0), tilesAt(coding, world, 4, 4)));
        assertEquals(4, shared(tilesAt(coding, world, 1, 1), tilesAt(coding, world, 1, 1)));
        // cells differ somewhere: no two cells have the same four tiles
        Set<String> codes = new HashSet<>();
        for (int r = 0; r < 5; r++) {
            for (int c = 0; c < 5; c++) {
                codes.add(java.util.Arrays.toString(tilesAt(coding, world, r, c)));
            }
        }
        assertEquals(25, codes.size());
    }

    @Test
    void everyTilingIsADifferentPartition() {
        Gridworld world = Gridworld.of(GridworldPresets.fourRooms());
        world.reset(0);
        for (int size : new int[] {2, 3, 4}) {
            int tilings = size * size;
            TileCoding coding = TileCoding.of(world.observationSpace(), tilings, size);
            int perTiling = coding.featureCount() / tilings;
            Set<String> partitions = new HashSet<>();
            for (int i = 0; i < tilings; i++) {
                StringBuilder tilesOfCells = new StringBuilder();
                for (int r = 1; r < 12; r++) {
                    for (int c = 1; c < 12; c++) {
                        if (!world.isWall(r * 13 + c)) {
                            tilesOfCells.append(tilesAt(coding, world, r, c)[i] - i * perTiling).append(',');
                        }
                    }
                }
                partitions.add(tilesOfCells.toString());
            }
            assertEquals(tilings, partitions.size(), "tile size " + size + ": repeated tilings");
        }
    }

    @Test
    void needsAGrid() {
        var space = dev.lrlab.env.TimeLimit.of(dev.lrlab.env.corridor.ShortCorridor.of(), 1000).observationSpace();
        assertThrows(IllegalArgumentException.class, () -> TileCoding.of(space, 4, 2));
    }

    private static int shared(int[] a, int[] b) {
        int n = 0;
        for (int x : a) {
            for (int y : b) {
                n += x == y ? 1 : 0;
            }
        }
        return n;
    }
}
