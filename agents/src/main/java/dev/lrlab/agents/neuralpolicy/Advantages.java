package dev.lrlab.agents.neuralpolicy;

/**
 * Advantages and value targets of a rollout of {@code steps} steps of {@code copies} copies, stored
 * step-major (example (s, i) at {@code s * copies + i}).
 */
public final class Advantages {

    private Advantages() {
    }

    /**
     * Generalised advantage estimation (Schulman et al. 2016): {@code delta_s = r_s + gamma V(s+1) - V(s)},
     * {@code A_s = delta_s + gamma lambda A_{s+1}}, neither crossing an example whose episode ended;
     * the value after the last step is {@code bootstrap[i]}. Targets are {@code A + V}. Lambda 1 gives
     * n-step returns (A2C) and, with episodes that end in the rollout, Monte Carlo returns minus V.
     */
    public static void gae(float[] rewards, float[] values, boolean[] ended, float[] bootstrap, int steps, int copies,
            double gamma, double lambda, float[] advantages, float[] targets) {
        for (int i = 0; i < copies; i++) {
            double advantage = 0;
            for (int s = steps - 1; s >= 0; s--) {
                int e = s * copies + i;
                double next = s == steps - 1 ? bootstrap[i] : values[e + copies];
                double going = ended[e] ? 0 : 1;
                double delta = rewards[e] + gamma * next * going - values[e];
                advantage = delta + gamma * lambda * going * advantage;
                advantages[e] = (float) advantage;
                targets[e] = (float) (advantage + values[e]);
            }
        }
    }

    /** Discounted returns to the end of each episode (plain REINFORCE: advantages and targets alike), none bootstrapped. */
    public static void monteCarlo(float[] rewards, boolean[] ended, int steps, int copies, double gamma,
            float[] advantages, float[] targets) {
        for (int i = 0; i < copies; i++) {
            double g = 0;
            for (int s = steps - 1; s >= 0; s--) {
                int e = s * copies + i;
                g = rewards[e] + gamma * (ended[e] ? 0 : 1) * g;
                advantages[e] = (float) g;
                targets[e] = (float) g;
            }
        }
    }
}
