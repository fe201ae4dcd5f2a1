package dev.lrlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code lrlab init}: a commented starter that validates, for the pairs a user would start from. */
class InitCommandTest {

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"q-learning, cliff-walking", "sarsa, four-rooms", "random, open-room", "reinforce, short-corridor",
            "linear-sarsa, breakout", "dqn, breakout", "dqn, cliff-walking"})
    void writesACommentedSpecThatValidates(String agent, String environment) throws Exception {
        Path file = tmp.resolve("my-study.yaml");
        CliRunner r = CliRunner.run("init", file.toString(), "--agent", agent, "--env", environment);
        assertEquals(0, r.exitCode(), r.err());
        String text = Files.readString(file);
        assertTrue(text.startsWith("# A starter spec written by `lrlab init`: a learning-rate sweep of " + agent
                + " on " + environment), text);
        assertTrue(text.contains("name: my-study"), text);
        CliRunner validate = CliRunner.run("validate", file.toString(), "--estimate-seconds", "0.1");
        assertEquals(0, validate.exitCode(), validate.err());
        assertTrue(validate.out().contains("70 trials (1 agent x 1 schedule x 7 points x 10 seeds)"), validate.out());
    }

    @Test
    void neverOverwritesAndRefusesWhatCannotRun() throws Exception {
        Path file = Files.writeString(tmp.resolve("mine.yaml"), "precious\n");
        CliRunner r = CliRunner.run("init", file.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("mine.yaml exists; give another file name"), r.err());
        assertEquals("precious\n", Files.readString(file));

        Path other = tmp.resolve("tabular-breakout.yaml");
        r = CliRunner.run("init", other.toString(), "--agent", "q-learning", "--env", "breakout");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("q-learning on breakout makes no valid spec") && r.err().contains("needs discrete "
                + "states"), r.err());
        assertFalse(Files.exists(other));

        r = CliRunner.run("init", other.toString(), "--env", "cliff-walk");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("cliff-walking"), "suggests the id: " + r.err());
    }
}
