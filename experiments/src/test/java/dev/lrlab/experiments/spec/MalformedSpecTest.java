package dev.lrlab.experiments.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lrlab.experiments.cli.Lrlab;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A catalogue of broken specs: each one, given to {@code lrlab validate}, exits with 2, names the
 * key's path with what was expected and what was found, and prints no stack trace.
 */
class MalformedSpecTest {

    private static final String VALID = """
            name: ok
            environment: { id: cliff-walking }
            agent:
              type: q-learning
              gamma: 1.0
              exploration: { type: epsilon-greedy, epsilon: 0.1 }
            learning-rate:
              schedule: { type: constant }
            sweep:
              learning-rates: [0.1, 0.5]
              seeds: 3
            budget: { episodes: 10, max-episode-steps: 100 }
            """;

    @TempDir
    Path tmp;

    static Stream<Arguments> catalogue() {
        return Stream.of(
                broken("missing name", VALID.replace("name: ok\n", ""), "name: is required"),
                broken("name with spaces", VALID.replace("name: ok", "name: my run"),
                        "name: must be letters, digits, '.', '_' or '-', was 'my run'"),
                broken("unknown top key", VALID + "agnet: {}\n", "agnet: unknown key (did you mean 'agent'?)"),
                broken("unknown environment", VALID.replace("id: cliff-walking", "id: cliff-walk"),
                        "environment.id: unknown environment 'cliff-walk' (did you mean 'cliff-walking'?)"),
                broken("missing environment", VALID.replace("environment: { id: cliff-walking }\n", ""),
                        "environment: is required"),
                broken("environment without id", VALID.replace("{ id: cliff-walking }", "{ name: x }"),
                        "environment.id: is required"),
                broken("environment of wrong type", VALID.replace("{ id: cliff-walking }", "[1, 2]"),
                        "environment: must be an id or a map with an id, was a list"),
                broken("missing agent", VALID.replace(VALID.substring(VALID.indexOf("agent:"), VALID.indexOf("learning-rate:")), ""),
                        "agent: is required"),
                broken("agent and agents", VALID + "agents: [{ type: sarsa }]\n", "agents: give agent or agents, not both"),
                broken("unknown agent type", VALID.replace("type: q-learning", "type: q-learnin"),
                        "agent.type: unknown agent 'q-learnin' (did you mean 'q-learning'?)"),
                broken("gamma above one", VALID.replace("gamma: 1.0", "gamma: 1.5"),
                        "agent.gamma: must be in [0, 1], was 1.5"),
                broken("gamma as text", VALID.replace("gamma: 1.0", "gamma: high"),
                        "agent.gamma: must be a number, was 'high' (a string)"),
                broken("negative epsilon", VALID.replace("epsilon: 0.1", "epsilon: -0.1"),
                        "agent.exploration.epsilon: must be in [0, 1], was -0.1"),
                broken("unknown exploration", VALID.replace("type: epsilon-greedy", "type: greedy"),
                        "agent.exploration.type: unknown exploration 'greedy'; known: epsilon-greedy, softmax"),
                broken("misspelt agent key", VALID.replace("gamma: 1.0", "gama: 1.0"),
                        "agent.gama: q-learning has no key 'gama' (did you mean 'gamma'?) (its keys: gamma, "
                                + "divergence-bound, initial-value, exploration)"),
                broken("a key of another exploration", VALID.replace("epsilon: 0.1", "temperature: 0.1"),
                        "agent.exploration.temperature: epsilon-greedy has no key 'temperature' (its keys: epsilon)"),
                broken("optimizer keys of another optimizer", VALID.replace("type: q-learning",
                                "type: linear-q-learning\n  optimizer: { type: adam, momentum: 0.9, centered: true }"),
                        "agent.optimizer.momentum: adam has no key 'momentum' (its keys: beta1, beta2, eps, "
                                + "weight-decay, amsgrad)"),
                broken("optimizer key misspelt", VALID.replace("type: q-learning",
                                "type: linear-q-learning\n  optimizer: { type: adam, betta1: 0.8 }"),
                        "agent.optimizer.betta1: adam has no key 'betta1' (did you mean 'beta1'?)"),
                broken("critic settings on plain REINFORCE", VALID.replace("cliff-walking", "short-corridor")
                                .replace("type: q-learning", "type: reinforce\n  critic-rate: 0.1")
                                .replace("  exploration: { type: epsilon-greedy, epsilon: 0.1 }\n", ""),
                        "agent.critic-rate: reinforce has no key 'critic-rate'"),
                broken("tile coding's key on one-hot features", VALID.replace("type: q-learning",
                                "type: linear-q-learning\n  features: { type: one-hot, tilings: 4 }"),
                        "agent.features.tilings: one-hot has no key 'tilings'; it takes no settings"),
                broken("a setting an environment does not have", VALID.replace("{ id: cliff-walking }",
                                "{ id: cliff-walking, sticky: 0 }"),
                        "environment.sticky: cliff-walking has no key 'sticky'"),
                broken("swept value out of range", VALID.replace("seeds: 3", "seeds: 3\n  agent.gamma: [0.5, 1.5]"),
                        "sweep.agent.gamma[1]: must be in [0, 1], was 1.5"),
                broken("swept path outside the spec's settings", VALID.replace("seeds: 3", "seeds: 3\n  budget.episodes: [5]"),
                        "sweep.budget.episodes: unknown key"),
                broken("a growing schedule without an end", VALID.replace("type: constant", "type: exponential, gamma: 1.1"),
                        "learning-rate.schedule: a growing exponential (gamma 1.1 > 1) needs an end-value to stop at"),
                broken("plateau watching a metric nobody publishes", VALID.replace("type: constant",
                                "type: reduce-on-plateau, monitor: loss"),
                        "q-learning / reduce-on-plateau: reduce-on-plateau watches 'loss', which its trials do not "
                                + "publish; they publish: episode_return, episode_length"),
                broken("tile coding off a grid", VALID.replace("cliff-walking", "short-corridor")
                                .replace("type: q-learning", "type: reinforce\n  features: { type: tile-coding }")
                                .replace("  exploration: { type: epsilon-greedy, epsilon: 0.1 }\n", ""),
                        "agent.features.type: tile coding needs a gridworld and short-corridor is not one"),
                broken("visits clock on a linear agent", VALID.replace("type: q-learning", "type: linear-q-learning")
                                .replace("learning-rate:\n", "learning-rate:\n  clock: visits\n"),
                        "agent.type: the visits clock counts (state, action) pairs and needs a tabular agent"),
                broken("ucb on a linear agent", VALID.replace("type: q-learning", "type: linear-q-learning")
                                .replace("type: epsilon-greedy, epsilon: 0.1", "type: ucb, c: 2"),
                        "agent.exploration.type: ucb counts each state's actions and needs a tabular agent"),
                broken("gradient bandit on the visits clock", VALID.replace("type: q-learning", "type: gradient-bandit")
                                .replace("  exploration: { type: epsilon-greedy, epsilon: 0.1 }\n", "")
                                .replace("learning-rate:\n", "learning-rate:\n  clock: visits\n"),
                        "agent.type: the visits clock counts (state, action) pairs of a value table; gradient-bandit "
                                + "has none: use steps or updates"),
                broken("wrong number of preferences", VALID.replace("cliff-walking", "short-corridor")
                                .replace("type: q-learning", "type: reinforce\n  initial-preferences: [0, 1, 2]")
                                .replace("  exploration: { type: epsilon-greedy, epsilon: 0.1 }\n", ""),
                        "agent.initial-preferences: needs 2 values (one per action of short-corridor), had 3"),
                broken("zero rate", VALID.replace("[0.1, 0.5]", "[0.1, 0]"),
                        "sweep.learning-rates[1]: must be a number > 0, was 0"),
                broken("negative rate", VALID.replace("[0.1, 0.5]", "[-0.1, 0.5]"),
                        "sweep.learning-rates[0]: must be a number > 0, was -0.1"),
                broken("empty rates", VALID.replace("[0.1, 0.5]", "[]"), "sweep.learning-rates: is empty"),
                broken("rates as text", VALID.replace("[0.1, 0.5]", "lots"),
                        "sweep.learning-rates: must be a list of numbers, was 'lots' (a string)"),
                broken("log-space with zero count", VALID.replace("[0.1, 0.5]", "{ log-space: { from: 1e-3, to: 1, count: 0 } }"),
                        "sweep.learning-rates.log-space.count: must be >= 1, was 0"),
                broken("zero seeds", VALID.replace("seeds: 3", "seeds: 0"), "sweep.seeds: must be >= 1, was 0"),
                broken("empty seed list", VALID.replace("seeds: 3", "seeds: []"), "sweep.seeds: is empty"),
                broken("repeated seed", VALID.replace("seeds: 3", "seeds: [3, 3]"), "sweep.seeds[1]: repeats seed 3"),
                broken("missing sweep", VALID.replace(VALID.substring(VALID.indexOf("sweep:"), VALID.indexOf("budget:")), ""),
                        "sweep: is required"),
                broken("episodes and steps", VALID.replace("episodes: 10", "episodes: 10, steps: 100"),
                        "budget.steps: give episodes or steps, not both"),
                broken("episodes as text", VALID.replace("episodes: 10", "episodes: many"),
                        "budget.episodes: must be an integer, was 'many' (a string)"),
                broken("zero step limit", VALID.replace("max-episode-steps: 100", "max-episode-steps: 0"),
                        "budget.max-episode-steps: must be >= 1, was 0"),
                broken("unknown schedule", VALID.replace("type: constant", "type: cosin"),
                        "learning-rate.schedule.type: unknown schedule 'cosin' (did you mean 'cosine'?)"),
                broken("an epsilon decay without its length", VALID.replace("epsilon: 0.1",
                        "epsilon: { value: 1.0, schedule: { type: linear, end-factor: 0.1 } }"),
                        "agent.exploration.epsilon.schedule.total-iters: is required"),
                broken("a cycle without its length", VALID.replace("type: constant", "type: cyclic, max-lr: 1"),
                        "learning-rate.schedule.step-size-up: is required"),
                broken("decay out of range", VALID.replace("type: constant", "type: cyclic, max-lr: 1, step-size-up: 9, gamma: 1.5"),
                        "learning-rate.schedule.gamma: must be in (0, 1], was 1.5"),
                broken("missing schedule parameter", VALID.replace("type: constant", "type: cosine"),
                        "learning-rate.schedule.t-max: is required"),
                broken("unknown clock", VALID.replace("learning-rate:\n", "learning-rate:\n  clock: hours\n"),
                        "learning-rate.clock: must be one of steps, episodes, updates, visits, was 'hours'"),
                broken("schedule and schedules", VALID + "schedules: [{ type: constant }]\n",
                        "schedules: give learning-rate.schedule or schedules, not both"),
                broken("repeated schedule label", VALID.replace("learning-rate:\n  schedule: { type: constant }\n",
                                "schedules:\n  - { type: constant }\n  - { type: constant }\n"),
                        "schedules: two entries are labelled 'constant'"),
                broken("unknown optimizer", VALID.replace("type: q-learning", "type: linear-q-learning\n  optimizer: { type: adma }"),
                        "agent.optimizer.type: unknown optimizer 'adma' (did you mean 'adam'?); known: sgd, momentum, "
                                + "nesterov, rmsprop, adam, adamw, adagrad"),
                broken("zero evaluation interval", VALID + "evaluation: { every: 0 }\n",
                        "evaluation.every: must be >= 1, was 0"),
                broken("YAML syntax", VALID.replace("seeds: 3", "seeds: [3"), "not valid YAML"),
                broken("not a map", "- a\n- b\n", "a spec is a map of keys"));
    }

    private static Arguments broken(String what, String yaml, String expected) {
        return Arguments.of(what, yaml, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void isRefusedWithTheKeyPathAndExitTwo(String what, String yaml, String expected) throws Exception {
        Path file = Files.writeString(tmp.resolve("spec.yaml"), yaml);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Lrlab.execute(new PrintWriter(out), new PrintWriter(err), "validate", file.toString());
        assertEquals(2, code, what + ": " + out + err);
        assertTrue(err.toString().contains(expected), what + ": expected «" + expected + "» in:\n" + err);
        assertFalse(err.toString().contains("\tat "), "a stack trace was printed:\n" + err);
        assertFalse(err.toString().contains("Exception"), "an exception name was printed:\n" + err);
    }

    @Test
    void catalogueHasAtLeast25Cases() {
        assertTrue(catalogue().count() >= 25);
    }

    @Test
    void everyMistakeIsReportedAtOnce() throws Exception {
        String yaml = VALID.replace("gamma: 1.0", "gamma: 2").replace("seeds: 3", "seeds: 0")
                .replace("episodes: 10", "episodes: -1");
        Path file = Files.writeString(tmp.resolve("spec.yaml"), yaml);
        StringWriter err = new StringWriter();
        assertEquals(2, Lrlab.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "validate", file.toString()));
        assertTrue(err.toString().contains("3 problems"), err.toString());
        assertTrue(err.toString().contains("agent.gamma"));
        assertTrue(err.toString().contains("sweep.seeds"));
        assertTrue(err.toString().contains("budget.episodes"));
    }

    @Test
    void validSpecPassesAndCountsTrials() throws Exception {
        Path file = Files.writeString(tmp.resolve("spec.yaml"), VALID);
        StringWriter out = new StringWriter();
        assertEquals(0, Lrlab.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), "validate", file.toString()));
        assertTrue(out.toString().contains("valid; 6 trials"), out.toString());
    }

    @Test
    void missingFileIsAClearError() {
        StringWriter err = new StringWriter();
        assertEquals(2, Lrlab.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "validate",
                tmp.resolve("nope.yaml").toString()));
        assertTrue(err.toString().contains("nope.yaml: 1 problem"), err.toString());
        assertTrue(err.toString().contains("no such file"), err.toString());
    }
}
