package dev.lrlab.experiments.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options {@code play} and {@code trace} share: which environment, which seed, which policy. */
final class EpisodeOptions {

    @Parameters(paramLabel = "ENV", description = "an environment id (see `lrlab envs`)")
    String id;

    @Option(names = "--seed", defaultValue = "0", description = "seed of the environment and the policy (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--policy", defaultValue = "random", description = "random, or a file of actions: a trace, "
            + "or one action per line (default: ${DEFAULT-VALUE})")
    String policy;
}
