package dev.lrlab.env;

/**
 * What an environment's observations can be: a discrete state index for tabular agents, a binary
 * feature vector for function approximation, and, when the features form one, the
 * channels x height x width grid they are laid out on.
 *
 * @param stateCount number of distinct state indices, or 0 when observations are not discrete
 * @param featureCount length of the binary feature vector
 * @param channels grid channels, or 0 when the features are not a grid
 * @param height grid height, or 0
 * @param width grid width, or 0
 */
public record ObservationSpace(int stateCount, int featureCount, int channels, int height, int width) {

    public ObservationSpace {
        if (stateCount < 0 || featureCount < 1) {
            throw new IllegalArgumentException(
                    "an observation space needs stateCount >= 0 and featureCount >= 1, was "
                            + stateCount + " and " + featureCount);
        }
        if (channels * height * width != 0 && channels * height * width != featureCount) {
            throw new IllegalArgumentException("grid " + channels + "x" + height + "x" + width
                    + " does not match " + featureCount + " features");
        }
    }

    /** States that a table can index, with one-hot features over them. */
    public static ObservationSpace discrete(int stateCount) {
        return new ObservationSpace(stateCount, stateCount, 0, 0, 0);
    }

    /** Binary features on a channels x height x width grid, with no state index. */
    public static ObservationSpace grid(int channels, int height, int width) {
        return new ObservationSpace(0, channels * height * width, channels, height, width);
    }

    /** Whether tabular agents can use {@link Environment#state()}. */
    public boolean isDiscrete() {
        return stateCount > 0;
    }

    /** Whether the features are laid out on a grid. */
    public boolean isGrid() {
        return channels > 0;
    }
}
