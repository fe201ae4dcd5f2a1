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
    private final boolean divideRate;

    private TileCoding(int tilings, int tileSize, int height, int width, boolean divideRate) {
        this.tilings = tilings;
        this.divideRate = divideRate;
        this.tileSize = tileSize;
        this.width = width;
        this.tilesAcross = width / tileSize + 2;
        this.tilesPerTiling = (height / tileSize + 2) * tilesAcross;
    }

    /** Tile coding whose step size is divided among the tilings (Sutton &amp; Barto's alpha/n). */
    public static TileCoding of(ObservationSpace space, int tilings, int tileSize) {
        return of(space, tilings, tileSize, true);
    }

    /** Tile coding; with {@code divideRate} false each weight moves by the full rate. */
    public static TileCoding of(ObservationSpace space, int tilings, int tileSize, boolean divideRate) {
        if (!space.isDiscrete() || space.channels() != 1) {
            throw new IllegalArgumentException("tile coding needs states that are cells of a grid");
        }
        if (tilings < 1 || tileSize < 1) {
            throw new IllegalArgumentException("tilings and tile-size must be >= 1");
        }
        return new TileCoding(tilings, tileSize, space.height(), space.width(), divideRate);
    }

    @Override
    public double rateScale() {
        return divideRate ? 1.0 / tilings : 1;
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
