package dev.lrlab.experiments.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import dev.lrlab.env.Environment;
import dev.lrlab.env.EnvironmentKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code lrlab trace ENV}: a trajectory as JSON Lines, one object per step. */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = {"Write a trajectory as JSON Lines: first the reset observation, then one object per step "
                + "with the chosen action, the executed one (after sticky actions), the reward, terminated, "
                + "truncated and the observation. When an episode ends, a reset line follows and the trace goes on.",
            "Breakout observations list each channel's set cells as [row, col]; gridworlds give the state."})
final class TraceCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Mixin
    EpisodeOptions episode;

    @Option(names = "--steps", required = true, description = "steps to record")
    int steps;

    @Option(names = "--out", paramLabel = "FILE", description = "write here instead of standard output")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (steps < 1) {
            throw new UserInputException("--steps must be at least 1, was " + steps);
        }
        EpisodeOptions.Episode opened = episode.open(command.commandLine().getErr());
        Environment env = opened.environment();
        ActionSource actions = opened.actions();
        Gson gson = new GsonBuilder().disableHtmlEscaping().create();
        Writer sink = out == null ? command.commandLine().getOut() : open(out);
        try {
            PrintWriter w = new PrintWriter(sink);
            env.reset(episode.seed);
            w.println(gson.toJson(resetLine(0, env)));
            for (int t = 1; t <= steps; t++) {
                int action = actions.next(env);
                if (action < 0) {
                    break; // the replayed actions ran out
                }
                double reward = env.step(action);
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("step", t);
                line.put("action", action);
                line.put("action_name", env.actionName(action));
                int executed = Observations.executed(env, action);
                line.put("executed", executed);
                line.put("executed_name", env.actionName(executed));
                line.put("reward", reward);
                line.put("terminated", env.terminated());
                line.put("truncated", env.truncated());
                line.put("observation", Observations.of(env));
                w.println(gson.toJson(line));
                if (env.episodeOver() && t < steps) {
                    env.reset();
                    w.println(gson.toJson(resetLine(t, env)));
                }
            }
            w.flush();
        } finally {
            if (out != null) {
                sink.close();
            }
        }
        return 0;
    }

    private static Writer open(Path file) {
        try {
            return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserInputException("--out: cannot write " + file + ": " + e.getMessage());
        }
    }

    private static Map<String, Object> resetLine(int step, Environment env) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("step", step);
        line.put("reset", true);
        line.put("observation", Observations.of(env));
        return line;
    }
}
