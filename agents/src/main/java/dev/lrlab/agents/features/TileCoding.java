package dev.lrlab.agents.features;

import dev.lrlab.env.Environment;
import dev.lrlab.env.ObservationSpace;

/**
 * Tile coding of a grid position (Sutton &amp; Barto section 9.5.4): {@code tilings} overlapping
 * partitions of the grid into {@code tileSize x tileSize} tiles, so that nearby cells share
 * features and learning generalises between them. Tiling i is shifted by
 * {@code (i mod k, (3i + i div k) mod k)} cells for tile size k: the book's asymmetric (1, 3)
 * displacement, with a carry so that up to k^2 tilings are all different partitions (on integer
 * cells, plain (1, 3) steps repeat after k tilings). Needs an environment whose states are cells
 * of a grid (one channel, height x width).
 */
public final class TileCoding implements FeatureMap {

    private final int tilings;
    private final int tileSize;
    private final int width;
    private final int tilesAcross;
    private final int tilesPerTiling;

    private TileCoding(int tilings, int tileSize, int height, int width) {
        this.tilings = tilings;
        this.tileSize = tileSize;
        this.width = width;
        this.tilesAcross = width / tileSize + 2;
        this.tilesPerTiling = (height / tileSize + 2) * tilesAcross;
    }

    public static TileCoding of(ObservationSpace space, int tilings, int tileSize) {
        if (!space.isDiscrete() || space.channels() != 1) {
            throw new IllegalArgumentException("tile coding needs states that are cells of a grid");
        }
        if (tilings < 1 || tileSize < 1) {
            throw new IllegalArgumentException("tilings and tile-size must be >= 1");
        }
        return new TileCoding(tilings, tileSize, space.height(), space.width());
    }

    @Override
    public int featureCount() {
        return tilings * tilesPerTiling;
    }

    @Override
    public int encode(Environment env, int[] out) {
        int s = env.state();
        int row = s / width;
        int col = s % width;
        for (int i = 0; i < tilings; i++) {
            int r = (row + i % tileSize) / tileSize;
            int c = (col + (3 * i + i / tileSize) % tileSize) / tileSize;
            out[i] = i * tilesPerTiling + r * tilesAcross + c;
        }
        return tilings;
    }
}
