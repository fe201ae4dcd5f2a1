package dev.lrlab.agents.neuralpolicy;

import dev.lrlab.env.Environment;

/** An environment's binary features as a network's input row. */
final class Observations {

    private Observations() {
    }

    /**
     * Writes the current observation of {@code env} into {@code out[at .. at + features)}: 1 for each
     * active feature, 0 elsewhere ({@code active} is scratch of at least {@code features} entries).
     */
    static void encode(Environment env, int[] active, float[] out, int at, int features) {
        java.util.Arrays.fill(out, at, at + features, 0f);
        int n = env.activeFeatures(active);
        for (int i = 0; i < n; i++) {
            out[at + active[i]] = 1f;
        }
    }
}
