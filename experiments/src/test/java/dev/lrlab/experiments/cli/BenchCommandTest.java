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
    void oneThreadMeasuresNoEfficiencyAndCountsAreWordedRight(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        java.nio.file.Path spec = java.nio.file.Files.writeString(tmp.resolve("tiny.yaml"), """
                name: tiny
                environment: open-room
                agent: { type: q-learning }
                sweep: { learning-rates: [0.5], seeds: 2 }
                budget: { episodes: 5 }
                """);
        CliRunner r = CliRunner.run("bench", "--env", "open-room", "--agent", "q-learning", "--seconds", "0.05",
                "--threads", "1", "--sweep-spec", spec.toString(), "--no-networks");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("sweep tiny (2 trials, "), r.out());
        assertTrue(r.out().contains("1 thread ") && r.out().contains("(median of 3); give --threads 2 or more for the "
                + "parallel efficiency"), r.out());
        assertTrue(!r.out().contains("1 threads") && !r.out().contains("efficiency 1") && !r.out().contains("%"),
                "no efficiency is claimed from one thread: " + r.out());
        r = CliRunner.run("bench", "--env", "open-room", "--agent", "q-learning", "--seconds", "0.05",
                "--threads", "2", "--sweep-spec", spec.toString(), "--json", "--no-networks");
        assertEquals(0, r.exitCode(), r.err());
        JsonObject sweep = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonObject("sweep");
        assertEquals(2, sweep.get("threads").getAsInt());
        assertTrue(sweep.get("efficiency").getAsDouble() > 0, r.out());
        var ladder = sweep.getAsJsonArray("ladder");
        assertEquals(2, ladder.size(), "1 and 2 threads");
        assertEquals(1, ladder.get(0).getAsJsonObject().get("threads").getAsInt());
        assertEquals(1.0, ladder.get(0).getAsJsonObject().get("efficiency").getAsDouble(), 1e-12);
        assertEquals(sweep.get("efficiency").getAsDouble(), ladder.get(1).getAsJsonObject().get("efficiency").getAsDouble(),
                1e-12);
        r = CliRunner.run("bench", "--env", "open-room", "--agent", "q-learning", "--seconds", "0.05",
                "--threads", "3", "--sweep-spec", spec.toString(), "--no-networks");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("threads    seconds  speed-up  efficiency"), r.out());
        assertEquals(3, r.out().lines().filter(l -> l.matches("\\s+[123] +[0-9.]+ +[0-9.]+x +[0-9]+%")).count(),
                "a row for 1, 2 and 3 threads: " + r.out());
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
