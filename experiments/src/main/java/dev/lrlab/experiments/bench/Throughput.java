package dev.lrlab.experiments.bench;

/**
 * Measured speed of one (environment, agent) pair.
 *
 * @param environment environment id
 * @param agent agent type
 * @param learningRate the rate it ran at
 * @param singleThreadStepsPerSecond environment-plus-agent steps per second on one thread
 * @param allThreadsStepsPerSecond the same summed over {@code threads} threads running at once
 * @param threads threads of the second measurement
 * @param bytesPerStep heap bytes allocated per step on one thread (0 when the loop allocates nothing)
 */
public record Throughput(String environment, String agent, double learningRate,
        double singleThreadStepsPerSecond, double allThreadsStepsPerSecond, int threads, double bytesPerStep) {
}
