package dev.lrlab.experiments.findlr;

/**
 * One range test: an agent on one seed.
 *
 * @param agent the agent's label
 * @param seed the seed
 * @param rates the learning rate at each recorded point
 * @param losses the held-out loss there
 * @param smoothed the debiased exponential moving average of the losses
 * @param stopped why the test ended: "end" (the last rate reached), "diverged" (the smoothed loss
 *     passed the factor times its minimum, or the agent's values left their bound), or "step cap"
 * @param suggestions the rates suggested from the smoothed losses
 * @param steps the environment steps the test took (its cost, to set against a sweep's)
 */
public record RangeCurve(String agent, long seed, double[] rates, double[] losses, double[] smoothed, String stopped,
        Suggestions suggestions, long steps) {
}
