package dev.lrlab.agents.features;

import dev.lrlab.env.registry.Key;
import dev.lrlab.env.registry.KindProvider;
import java.util.List;
import java.util.Locale;

/** lrlab's feature maps: the environment's own features, one-hot states, and tile coding of grid cells. */
public final class FeatureMaps implements KindProvider {

    private static final Key TILINGS = Key.integer("tilings", 4, 1, "overlapping partitions of the grid");
    private static final Key TILE_SIZE = Key.integer("tile-size", 2, 1, "tiles are tile-size x tile-size cells");
    private static final Key DIVIDE = Key.flag("divide-by-tilings", true,
            "true: each tiling's weight moves by alpha/tilings, so the value moves by alpha times the "
                    + "TD error (Sutton & Barto 9.5.4); false: by alpha, and the value by tilings * alpha");

    @Override
    public List<FeatureKind> kinds() {
        return List.of(
                FeatureKind.of("environment", "the environment's own binary features (Breakout's channels, "
                        + "a gridworld's one-hot cell)", List.of(), (p, env, space) -> EnvironmentFeatures::of),
                FeatureKind.of("one-hot", "one feature per state index: exactly tabular", List.of(), (p, env, space) -> {
                    if (space != null && !space.isDiscrete()) {
                        p.problem("type", "one-hot features need discrete states and " + env + " has none");
                    }
                    return OneHotState::of;
                }),
                FeatureKind.of("tile-coding", "overlapping tilings of a gridworld's cells (Sutton & Barto 9.5.4)",
                        List.of(TILINGS, TILE_SIZE, DIVIDE), (p, env, space) -> {
                            long tilings = p.integer(TILINGS);
                            long size = p.integer(TILE_SIZE);
                            boolean divide = p.flag(DIVIDE);
                            if (space != null && (!space.isDiscrete() || space.channels() != 1)) {
                                p.problem("type", "tile coding needs a gridworld and " + env + " is not one");
                            }
                            if (tilings > 1024 || size > 1024) {
                                p.problem(tilings > 1024 ? TILINGS.name() : TILE_SIZE.name(), "must be at most 1024");
                            }
                            int n = (int) Math.min(tilings, 1024);
                            int k = (int) Math.min(size, 1024);
                            return new FeatureKind.Blueprint() {
                                @Override
                                public FeatureMap create(dev.lrlab.env.ObservationSpace s) {
                                    return TileCoding.of(s, n, k, divide);
                                }

                                @Override
                                public String rateNote() {
                                    return divide ? String.format(Locale.ROOT,
                                            "tile coding: each of the %d tilings' weights moves by alpha/%d", n, n)
                                            : String.format(Locale.ROOT,
                                            "tile coding: each of the %d tilings' weights moves by alpha, the value by %d alpha",
                                            n, n);
                                }
                            };
                        }));
    }
}
