package dev.lrlab.agents.tabular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lrlab.agents.EpisodeLoop;
import dev.lrlab.env.gridworld.Gridworld;
import dev.lrlab.env.gridworld.GridworldPresets;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * Sutton &amp; Barto Example 6.6: with epsilon = 0.1 and alpha = 0.5, Sarsa learns the safe path
 * and Q-learning the cliff-edge path, and Sarsa's online return is the better one.
 */
class CliffWalkingLearningTest {

    private static final int SEEDS = 10;
    private static final int EPISODES = 500;

    /** Returns the mean online return over the last 100 episodes; leaves the agent trained. */
    private static double train(TabularAgent agent, Gridworld env, long seed) {
        env.reset(seed);
        double last100 = 0;
        for (int e = 0; e < EPISODES; e++) {
            if (e > 0) {
                env.reset();
            }
            double g = EpisodeLoop.train(agent, env);
            if (e >= EPISODES - 100) {
                last100 += g / 100;
            }
        }
        return last100;
    }

    private static TabularAgent agent(TdRule rule, Gridworld env, long seed) {
        return TabularAgent.of(TabularConfig.of(rule, 1.0, 0.5, 0.1), env,
                RandomSource.XO_RO_SHI_RO_128_PP.create(seed + 1000));
    }

    /**
     * The cells the greedy policy visits from the start (at most 50), ending at the goal if it gets
     * there. With a constant alpha of 0.5, Sarsa's values keep moving, so in some seeds its greedy
     * policy loops somewhere in the upper rows instead of reaching the goal.
     */
    private static int[] greedyPath(TabularAgent agent) {
        Gridworld env = Gridworld.of(GridworldPresets.cliffWalking());
        env.reset(0);
        int[] policy = agent.greedyPolicy();
        int[] path = new int[50];
        int n = 0;
        while (!env.terminated() && n < 50) {
            env.step(policy[env.state()]);
            path[n++] = env.state();
        }
        return java.util.Arrays.copyOf(path, n);
    }

    @Test
    void sarsaLearnsTheSafePathAndQLearningTheEdge() {
        double sarsaSum = 0;
        double qSum = 0;
        int edgePaths = 0;
        int safePaths = 0;
        for (long seed = 0; seed < SEEDS; seed++) {
            Gridworld env = Gridworld.of(GridworldPresets.cliffWalking());
            TabularAgent sarsa = agent(TdRule.SARSA, env, seed);
            sarsaSum += train(sarsa, env, seed);
            env = Gridworld.of(GridworldPresets.cliffWalking());
            TabularAgent q = agent(TdRule.Q_LEARNING, env, seed);
            qSum += train(q, env, seed);

            int[] qPath = greedyPath(q);
            if (reachesGoal(qPath) && qPath.length == 13 && touchesEdge(qPath) == 10) {
                edgePaths++;
            }
            int[] sarsaPath = greedyPath(sarsa);
            assertTrue(touchesEdge(sarsaPath) <= 1, "Sarsa's greedy path went along the edge, seed " + seed);
            if (reachesGoal(sarsaPath) && sarsaPath.length > 13) {
                safePaths++;
            }
        }
        assertTrue(edgePaths >= SEEDS - 1, "Q-learning's greedy path ran along the edge for "
                + edgePaths + " of " + SEEDS + " seeds");
        assertTrue(safePaths >= 7, "Sarsa's greedy path reached the goal the safe way for "
                + safePaths + " of " + SEEDS + " seeds");
        double sarsa = sarsaSum / SEEDS;
        double q = qSum / SEEDS;
        // the book's figure: about -25 for Sarsa, about -50 for Q-learning
        assertTrue(sarsa > q + 10, "Sarsa " + sarsa + " vs Q-learning " + q);
        assertEquals(-25, sarsa, 8, "Sarsa's online return");
        assertEquals(-50, q, 15, "Q-learning's online return");
    }

    private static boolean reachesGoal(int[] path) {
        return path.length > 0 && path[path.length - 1] == 3 * 12 + 11;
    }

    /** How many of the edge cells (2, 1) .. (2, 10) the path visits. */
    private static int touchesEdge(int[] path) {
        int count = 0;
        for (int cell : path) {
            if (cell / 12 == 2 && cell % 12 >= 1 && cell % 12 <= 10) {
                count++;
            }
        }
        return count;
    }

    @Test
    void expectedSarsaAndDoubleQLearnToReachTheGoal() {
        for (TdRule rule : new TdRule[] {TdRule.EXPECTED_SARSA, TdRule.DOUBLE_Q_LEARNING}) {
            Gridworld env = Gridworld.of(GridworldPresets.cliffWalking());
            TabularAgent agent = agent(rule, env, 3);
            double last100 = train(agent, env, 3);
            assertTrue(last100 > -60, rule + " online return " + last100);
            assertTrue(reachesGoal(greedyPath(agent)), rule + " greedy policy does not reach the goal");
        }
    }
}
