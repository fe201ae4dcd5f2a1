package dev.lrlab.experiments.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.lrlab.env.Environment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Where {@code play} and {@code trace} get their actions: a uniformly random policy seeded from
 * the seed, a file of actions to replay (a trace written by {@code lrlab trace}, whose chosen
 * actions are taken, or plain text with one action per line), or a trained agent's greedy policy.
 */
final class ActionSource {

    private final UniformRandomProvider rng;
    private final int[] replay;
    private final dev.lrlab.agents.Agent greedy;
    private int next;

    private ActionSource(UniformRandomProvider rng, int[] replay) {
        this(rng, replay, null);
    }

    private ActionSource(UniformRandomProvider rng, int[] replay, dev.lrlab.agents.Agent greedy) {
        this.rng = rng;
        this.replay = replay;
        this.greedy = greedy;
    }

    /** A trained agent's greedy action in each state (as its evaluations chose), learning nothing more. */
    static ActionSource greedy(dev.lrlab.agents.Agent agent) {
        return new ActionSource(null, null, agent);
    }

    static ActionSource of(String policy, long seed, int actionCount) {
        if (policy.equals("random")) {
            // a stream of its own, so the policy and the environment's randomness stay apart; a long
            // seed is expanded through SplitMix64, so neighbouring seeds give unrelated streams
            return new ActionSource(RandomSource.XO_RO_SHI_RO_128_PP.create(seed ^ 0x9E3779B97F4A7C15L), null);
        }
        Path file = Path.of(policy);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserInputException("--policy: cannot read " + file + " (give 'random' or a file of actions): "
                    + e.getMessage());
        }
        List<Integer> actions = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int action;
            try {
                if (line.startsWith("{")) {
                    JsonElement a = JsonParser.parseString(line).getAsJsonObject().get("action");
                    if (a == null) {
                        continue; // a reset line
                    }
                    action = a.getAsInt();
                } else {
                    action = Integer.parseInt(line);
                }
            } catch (RuntimeException e) {
                throw new UserInputException("--policy " + file + " line " + (i + 1)
                        + ": expected an action number or a trace line, found '" + abbreviate(line) + "'");
            }
            if (action < 0 || action >= actionCount) {
                throw new UserInputException("--policy " + file + " line " + (i + 1) + ": action " + action
                        + " is outside 0.." + (actionCount - 1));
            }
            actions.add(action);
        }
        return new ActionSource(null, actions.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The next action, or -1 when a replayed file has run out. */
    int next(Environment env) {
        if (greedy != null) {
            return greedy.greedyAction(env);
        }
        if (replay == null) {
            return rng.nextInt(env.actionCount());
        }
        return next < replay.length ? replay[next++] : -1;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
