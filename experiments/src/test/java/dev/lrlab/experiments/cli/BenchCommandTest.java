package dev.lrlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

/** The bench verb's output: its shape and that it measured something (not how fast: that is no test). */
class BenchCommandTest {

    @Test
    void jsonHasAPairPerAgentAndTheEnvironmentAlone() {
        CliRunner r = CliRunner.run("bench", "--env", "open-room", "--agent", "q-learning", "--agent", "random",
                "--seconds", "0.05", "--no-sweep", "--json", "--threads", "2");
        assertEquals(0, r.exitCode(), r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(2, o.getAsJsonArray("pairs").size());
        JsonObject pair = o.getAsJsonArray("pairs").get(0).getAsJsonObject();
        assertEquals("open-room", pair.get("environment").getAsString());
        assertTrue(pair.get("single_thread_steps_per_second").getAsDouble() > 0);
        assertTrue(pair.get("all_threads_steps_per_second").getAsDouble() > 0);
        assertEquals(2, pair.get("threads").getAsInt());
        JsonObject env = o.getAsJsonArray("environments").get(0).getAsJsonObject();
        assertTrue(env.get("features_steps_per_second").getAsDouble() > 0);
    }

    @Test
    void severalEnvironmentsAreMeasuredInForkedJvms() {
        CliRunner r = CliRunner.run("bench", "--env", "open-room", "--env", "short-corridor", "--agent", "random",
                "--seconds", "0.05", "--no-sweep", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(2, o.getAsJsonArray("pairs").size());
        assertEquals("short-corridor", o.getAsJsonArray("pairs").get(1).getAsJsonObject().get("environment").getAsString());
    }

    @Test
    void badOptionsAreRefused() {
        assertEquals(2, CliRunner.run("bench", "--env", "nowhere").exitCode());
        assertEquals(2, CliRunner.run("bench", "--agent", "q-learner").exitCode());
        assertEquals(2, CliRunner.run("bench", "--seconds", "0").exitCode());
    }
}
