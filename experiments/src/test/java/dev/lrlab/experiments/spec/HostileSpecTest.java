package dev.lrlab.experiments.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lrlab.experiments.cli.Lrlab;
import dev.lrlab.reports.results.TrialRecord;
import dev.lrlab.reports.results.TrialStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Inputs that once wrapped, capped, crashed or were read as something else: each is now refused by
 * {@code validate} with its key's path, what was allowed and exit 2, and no stack trace.
 */
class HostileSpecTest {

    private static final String VALID = """
            name: ok
            environment: { id: cliff-walking }
            agent: { type: q-learning, gamma: 1.0 }
            sweep: { learning-rates: [0.1, 0.5], seeds: 3 }
            budget: { episodes: 10, max-episode-steps: 100 }
            """;

    @TempDir
    Path tmp;

    static Stream<Arguments> catalogue() {
        return Stream.of(
                refused("a step limit that would wrap to 1", VALID.replace("max-episode-steps: 100", "max-episode-steps: 4294967297"),
                        "budget.max-episode-steps: must be at most 2147483647, was 4294967297"),
                refused("a step limit just past int", VALID.replace("max-episode-steps: 100", "max-episode-steps: 2147483648"),
                        "budget.max-episode-steps: must be at most 2147483647"),
                refused("an environment time limit that would wrap", VALID.replace("{ id: cliff-walking }",
                        "{ id: cliff-walking, time-limit: 4294967301 }"), "environment.time-limit: must be at most 2147483647"),
                refused("evaluation episodes past int", VALID + "evaluation: { every: 5, episodes: 2147483648 }\n",
                        "evaluation.episodes: must be at most 1000000, was 2147483648"),
                refused("an evaluation interval that would wrap to 0", VALID + "evaluation: { every: 4294967296 }\n",
                        "evaluation.every: must be at most 2147483647, was 4294967296"),
                refused("a billion seeds", VALID.replace("seeds: 3", "seeds: 1000000000"),
                        "sweep.seeds: must be at most 1000000, was 1000000000"),
                refused("a seed past a long", VALID.replace("seeds: 3", "seeds: [1e30]"),
                        "sweep.seeds[0]: must be a whole number in [0, 2^53], was 1.0E30"),
                refused("a negative seed", VALID.replace("seeds: 3", "seeds: [-1]"),
                        "sweep.seeds[0]: must be a whole number in [0, 2^53], was -1"),
                refused("three billion trials", VALID.replace("seeds: 3", "seeds: 1000000")
                        .replace("learning-rates: [0.1, 0.5]", "learning-rates: { log-space: { from: 0.001, to: 1, count: 3000 } }"),
                        "sweep: plans 3,000,000,000 trials"),
                refused("a YAML alias", VALID.replace("agent: { type: q-learning, gamma: 1.0 }",
                        "agents:\n  - { type: q-learning, label: &lab one }\n  - { type: sarsa, label: *lab }"),
                        "the alias *lab is not supported; write the value out"),
                refused("a second document", VALID + "---\nname: [broken\n", "a second YAML document"),
                refused("a map as a label", VALID.replace("gamma: 1.0", "gamma: 1.0, label: { a: 1 }"),
                        "agent.label: must be a string, was a map"),
                refused("a null label", VALID.replace("gamma: 1.0", "gamma: 1.0, label: null"),
                        "agent.label: must be a string, was nothing"),
                refused("a long label", VALID.replace("gamma: 1.0", "gamma: 1.0, label: " + "x".repeat(100_000)),
                        "agent.label: must be 1 to 200 characters on one line, was 100000 characters"),
                refused("an empty output", VALID + "output: ''\n", "output: is empty"),
                refused("binary data", VALID.replace("gamma: 1.0", "gamma: !!binary aGVsbG8="),
                        "agent.gamma: must be a number, was binary data (!!binary)"),
                refused("a rate that underflows a log axis", VALID.replace("[0.1, 0.5]", "[0.1, 4.9e-324]"),
                        "sweep.learning-rates[1]: must be between 1e-30 and 1e30"),
                refused("two schedules that differ only in their labels", VALID + "schedules: [{ label: a, type: constant },"
                        + " { label: b, type: constant }]\n", "schedules[1]: is the same schedule as schedules[0] but for its label"),
                refused("two agents that differ only in their labels", VALID.replace("agent: { type: q-learning, gamma: 1.0 }",
                        "agents: [{ type: q-learning, label: a }, { type: q-learning, label: b }]"),
                        "agents[1]: is the same agent as agents[0] but for its label"),
                refused("a log-space of one repeated value", VALID.replace("[0.1, 0.5]",
                        "{ log-space: { from: 0.1, to: 0.1, count: 3 } }"), "gives repeated values"),
                refused("a log-space of a billion values", VALID.replace("[0.1, 0.5]",
                        "{ log-space: { from: 0.1, to: 1, count: 1000000000 } }"), "count: must be at most 100000"),
                refused("a log-space count past int", VALID.replace("[0.1, 0.5]",
                        "{ log-space: { from: 0.1, to: 1, count: 4294967297 } }"), "count: must be at most 100000"),
                refused("a billion tilings", VALID.replace("agent: { type: q-learning, gamma: 1.0 }",
                        "agent: { type: linear-q-learning, features: { type: tile-coding, tilings: 1000000000 } }"),
                        "agent.features.tilings: must be at most 1024"),
                refused("Adam with beta1 of 1", VALID.replace("agent: { type: q-learning, gamma: 1.0 }",
                        "agent: { type: linear-q-learning, optimizer: { type: adam, beta1: 1.0 } }"),
                        "agent.optimizer.beta1: must be in [0, 1), was 1.0"),
                refused("a duplicated key", VALID.replace("gamma: 1.0", "gamma: 1.0, gamma: 0.5"),
                        "agent.gamma: given twice, at line 3, column 28 and at line 3, column 40"),
                refused("two sweep blocks", VALID + "sweep: { learning-rates: [0.2], seeds: 1 }\n",
                        "sweep: given twice, at line 4, column 1 and at line 6, column 1"),
                refused("a duplicated key in a list's map", VALID.replace("agent: { type: q-learning, gamma: 1.0 }",
                        "agents: [{ type: sarsa }, { type: q-learning, gamma: 1.0, gamma: 0.5 }]"),
                        "agents[1].gamma: given twice"),
                refused("an evaluation that never runs", VALID + "evaluation: { every: 11 }\n",
                        "evaluation.every: is 11 episodes, but each trial trains for 10, so no evaluation would run"),
                refused("a power with a space", VALID.replace("[0.1, 0.5]", "[0.1, '2^ -3']"),
                        "sweep.learning-rates[1]: must be a number > 0, was '2^ -3' (a string); write a power without "
                        + "spaces, such as 2^-3"),
                refused("a duplicated key in JSON-style nesting", VALID.replace("seeds: 3 }",
                        "seeds: 3, agent: { gamma: [0.9], gamma: [0.5] } }"),
                        "sweep.agent.gamma: given twice"));
    }

    private static Arguments refused(String what, String yaml, String expected) {
        return Arguments.of(what, yaml, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void isRefusedWithItsPathAndExitTwo(String what, String yaml, String expected) throws Exception {
        Path file = Files.writeString(tmp.resolve("spec.yaml"), yaml);
        StringWriter err = new StringWriter();
        int code = Lrlab.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "validate", file.toString());
        assertEquals(2, code, what + ": " + err);
        assertTrue(err.toString().contains(expected), what + ": expected «" + expected + "» in:\n" + err);
        assertFalse(err.toString().contains("\tat ") || err.toString().contains("Exception"), err.toString());
    }

    @Test
    void invalidUtf8AndHugeFilesAreNamedAsSuch() throws Exception {
        Path bad = tmp.resolve("bad.yaml");
        Files.write(bad, new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'});
        StringWriter err = new StringWriter();
        assertEquals(2, Lrlab.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "validate", bad.toString()));
        assertTrue(err.toString().contains("is not valid UTF-8 text"), err.toString());
        Path huge = Files.writeString(tmp.resolve("huge.yaml"), "name: '" + "x".repeat(10_000_000) + "'\n",
                StandardCharsets.UTF_8);
        err = new StringWriter();
        long started = System.nanoTime();
        assertEquals(2, Lrlab.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "validate", huge.toString()));
        assertTrue(err.toString().contains("is larger than 1 MB"), err.toString());
        assertTrue((System.nanoTime() - started) / 1e9 < 5, "refused before it is parsed");
    }

    /** A DQN's replay counts: ten million transitions of Breakout's board on every core cannot fit. */
    @Test
    void aReplayThatCannotFitNeedsYes() throws Exception {
        Path file = Files.writeString(tmp.resolve("replay.yaml"), """
                name: replay
                environment: breakout
                agent: { type: dqn, replay-capacity: 10000000 }
                sweep: { learning-rates: [0.00025], seeds: 1 }
                budget: { steps: 1000 }
                """);
        StringWriter out = new StringWriter();
        assertEquals(0, Lrlab.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), "validate", file.toString()));
        assertTrue(out.toString().contains("a running trial up to 1.2 GB"), out.toString());
        StringWriter err = new StringWriter();
        assertEquals(2, Lrlab.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "run", file.toString(),
                "--out", tmp.resolve("run").toString(), "--threads", "4"));
        assertTrue(err.toString().contains("may not fit in memory"), err.toString());
    }

    @Test
    void aBudgetThatCannotFitNeedsYesAndValidateSaysWhy() throws Exception {
        Path file = Files.writeString(tmp.resolve("big.yaml"), """
                name: big
                environment: cliff-walking
                agent: { type: q-learning }
                sweep: { learning-rates: [0.5], seeds: 1 }
                budget: { steps: 1000000000000 }
                """);
        StringWriter out = new StringWriter();
        assertEquals(0, Lrlab.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), "validate", file.toString()));
        assertTrue(out.toString().contains("at most 1.00e+12 environment steps"), out.toString());
        assertTrue(out.toString().contains("warning: a trial may hold up to"), out.toString());
        StringWriter err = new StringWriter();
        int code = Lrlab.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "run", file.toString(),
                "--out", tmp.resolve("run").toString());
        assertEquals(2, code);
        assertTrue(err.toString().contains("this spec may not fit in memory") && err.toString().contains("--yes"),
                err.toString());
        assertFalse(dev.lrlab.reports.results.RunResults.present(tmp.resolve("run")));
    }

    @Test
    void anEpisodeWithoutAnEndIsCutAtTheDefaultCap() throws Exception {
        // REINFORCE that almost always goes left on the cliff walk: without a cap its episode (and its
        // episode buffer) would grow until the heap ran out
        Path file = Files.writeString(tmp.resolve("endless.yaml"), """
                name: endless
                environment: cliff-walking
                agent: { type: reinforce, initial-preferences: [-50, -50, -50, 50] }
                sweep: { learning-rates: ["2^-20"], seeds: 1 }
                budget: { episodes: 2 }
                """);
        StringWriter out = new StringWriter();
        assertEquals(0, Lrlab.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), "validate", file.toString()));
        assertTrue(out.toString().contains("cliff-walking has no time limit of its own: its episodes are cut at 100000 "
                + "steps"), out.toString());
        Path dir = tmp.resolve("run");
        assertEquals(0, Lrlab.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "run",
                file.toString(), "--out", dir.toString(), "--no-report"));
        TrialRecord r = dev.lrlab.reports.results.RunResults.read(dir).records().get(0);
        assertEquals(TrialStatus.completed, r.status());
        assertArrayEquals(new int[] {100_000, 100_000}, r.lengths());
        assertTrue(Files.readString(dir.resolve("manifest.json")).contains("\"max-episode-steps\": 100000"),
                "the cap is written into the manifest");
    }
}
