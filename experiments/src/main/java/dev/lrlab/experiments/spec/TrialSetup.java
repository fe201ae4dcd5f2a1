package dev.lrlab.experiments.spec;

import java.util.Map;

/**
 * Everything one point of a sweep runs, short of the seed: the environment, agent and schedule as
 * read for that point, the learning rate, and the point itself.
 *
 * @param environment the environment with the point's settings
 * @param agent the agent with the point's settings
 * @param schedule the step-size schedule with the point's settings
 * @param learningRate the base learning rate
 * @param params the point: each swept path (learning-rate.value among them) and its value here
 */
public record TrialSetup(EnvironmentChoice environment, AgentChoice agent, ScheduleChoice schedule,
        double learningRate, Map<String, Object> params) {
}
