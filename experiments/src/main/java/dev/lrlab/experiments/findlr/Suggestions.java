package dev.lrlab.experiments.findlr;

/**
 * The rates fast.ai's {@code lr_find} suggests from a loss curve, on the curve with its first
 * tenth and last five points left out as fast.ai does (the start is flat and the end has blown up):
 *
 * @param valley the rate two thirds of the way down the longest run of falling losses (the longest
 *     decreasing subsequence), fast.ai's default suggestion
 * @param steep the rate where the loss falls fastest against log rate
 * @param minimum the rate of the lowest loss, divided by ten
 */
public record Suggestions(double valley, double steep, double minimum) {

    /** The suggestions for losses at rates (both in the order recorded); NaN where the curve is too short. */
    public static Suggestions of(double[] rates, double[] losses) {
        int from = rates.length / 10;
        int to = rates.length - 5;
        if (to - from < 3) {
            return new Suggestions(Double.NaN, Double.NaN, Double.NaN);
        }
        int n = to - from;
        double[] lr = java.util.Arrays.copyOfRange(rates, from, to);
        double[] loss = java.util.Arrays.copyOfRange(losses, from, to);
        return new Suggestions(lr[valleyIndex(loss)], lr[steepIndex(lr, loss)], lr[minIndex(loss)] / 10);
    }

    /** The end of the first third plus a sixth of the longest strictly decreasing subsequence. */
    static int valleyIndex(double[] loss) {
        int n = loss.length;
        int[] longest = new int[n];
        int bestEnd = 0;
        int bestStart = 0;
        for (int i = 0; i < n; i++) {
            longest[i] = 1;
            for (int j = 0; j < i; j++) {
                if (loss[i] < loss[j] && longest[j] + 1 > longest[i]) {
                    longest[i] = longest[j] + 1;
                }
            }
            if (longest[i] > longest[bestEnd]) {
                bestEnd = i;
                bestStart = i - longest[i];
            }
        }
        double third = (bestEnd - bestStart) / 3.0;
        return Math.min(n - 1, Math.max(0, bestStart + (int) third + (int) (third / 2)));
    }

    /** Where (loss[i+1] - loss[i]) / (log lr[i+1] - log lr[i]) is most negative. */
    static int steepIndex(double[] lr, double[] loss) {
        int best = 0;
        double steepest = Double.POSITIVE_INFINITY;
        for (int i = 0; i + 1 < lr.length; i++) {
            double slope = (loss[i + 1] - loss[i]) / (Math.log(lr[i + 1]) - Math.log(lr[i]));
            if (slope < steepest) {
                steepest = slope;
                best = i;
            }
        }
        return best;
    }

    static int minIndex(double[] loss) {
        int best = 0;
        for (int i = 1; i < loss.length; i++) {
            if (loss[i] < loss[best]) {
                best = i;
            }
        }
        return best;
    }
}
