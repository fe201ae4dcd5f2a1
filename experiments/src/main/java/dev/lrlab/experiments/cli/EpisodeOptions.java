package dev.lrlab.experiments.cli;

import dev.lrlab.env.Environment;
import dev.lrlab.env.EnvironmentKind;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options {@code play} and {@code trace} share: which environment, which seed, which policy
 * (random, a file of actions, or the greedy policy of a trial of a run, trained again).
 */
final class EpisodeOptions {

    @Parameters(paramLabel = "ENV", arity = "0..1", description = "an environment id (see `lrlab envs`); with --run, "
            + "the run's environment and its settings are used")
    String id;

    @Option(names = "--seed", defaultValue = "0", description = "seed of the environment and the policy (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--policy", defaultValue = "random", description = "random, or a file of actions: a trace, "
            + "or one action per line (default: ${DEFAULT-VALUE})")
    String policy;

    @Option(names = "--run", paramLabel = "RUN_DIR", description = "follow the greedy policy of a trial of this run, "
            + "trained again from its spec (the best trial of the best cell, unless --trial or --agent says otherwise)")
    Path run;

    @Option(names = "--trial", paramLabel = "KEY", description = "with --run: the trial, by its key (the key column of RUN/trials, or `lrlab export RUN`)")
    String trial;

    @Option(names = "--agent", paramLabel = "LABEL", description = "with --run: the best trial among this agent's")
    String agent;

    /** The environment and the source of actions these options name; a trained policy says what it is on {@code log}. */
    Episode open(PrintWriter log) {
        if (run == null) {
            if (trial != null || agent != null) {
                throw new UserInputException("--trial and --agent choose a trial of a run: give --run RUN_DIR too");
            }
            if (id == null) {
                throw new UserInputException("give an environment id (see `lrlab envs`), or --run RUN_DIR");
            }
            Environment env = Presets.environment(EnvironmentKind.load(), id).create();
            return new Episode(env, ActionSource.of(policy, seed, env.actionCount()), null);
        }
        if (!policy.equals("random")) {
            throw new UserInputException("--policy and --run both say where actions come from: give one of them");
        }
        TrainedPolicy trained = TrainedPolicy.of(run, trial, agent, log);
        if (id != null && !id.equals(trained.environment().id())) {
            throw new UserInputException("the run is on " + trained.environment().id() + ", not " + id
                    + " (leave ENV out with --run)");
        }
        return new Episode(trained.environment(), ActionSource.greedy(trained.agent()), trained);
    }

    /** Where an episode is played and how its actions are chosen. */
    record Episode(Environment environment, ActionSource actions, TrainedPolicy trained) {
    }
}
