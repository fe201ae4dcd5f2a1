package dev.lrlab.agents.dqn;

import dev.lrlab.agents.explore.Exploration;
import dev.lrlab.agents.nn.Loss;
import dev.lrlab.agents.nn.NetworkShape;
import dev.lrlab.agents.optim.OptimizerBlueprint;
import dev.lrlab.agents.schedule.ClockedSchedule;

/**
 * Everything a DQN trial needs, with MinAtar's defaults in {@link DqnAgents}.
 *
 * @param gamma discount
 * @param network the action-value network
 * @param batchSize transitions per update
 * @param replayCapacity transitions the replay holds
 * @param replayStart steps of uniformly random actions before learning starts
 * @param targetUpdate steps between copies of the online network into the target network
 * @param trainEvery steps between updates once learning has started
 * @param doubleDqn whether the target's action is chosen by the online network (van Hasselt et al. 2016)
 * @param loss the regression loss on the chosen actions' values
 * @param clipNorm the largest global gradient norm, or +infinity for no clipping
 * @param exploration how actions are chosen once learning has started
 * @param stepSize the learning rate on its schedule and clock
 * @param optimizer builds one optimizer per layer
 * @param divergenceBound a |Q| or loss beyond this ends the trial as diverged
 */
public record DqnConfig(double gamma, NetworkShape network, int batchSize, int replayCapacity, int replayStart,
        int targetUpdate, int trainEvery, boolean doubleDqn, Loss loss, double clipNorm, Exploration exploration,
        ClockedSchedule stepSize, OptimizerBlueprint optimizer, double divergenceBound) {
}
