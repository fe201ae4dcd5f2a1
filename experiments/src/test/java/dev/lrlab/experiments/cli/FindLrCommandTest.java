package dev.lrlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FindLrCommandTest {

    @TempDir
    Path tmp;

    @Test
    void writesTheCurvesTheSuggestionsAndTheFigurePerAgentAndSeed() throws Exception {
        Path spec = Files.writeString(tmp.resolve("spec.yaml"), """
                name: cliff
                environment: cliff-walking
                agents: [{ type: q-learning, gamma: 1.0 }, { type: reinforce, gamma: 1.0 }]
                sweep: { learning-rates: [0.1], seeds: 4 }
                budget: { episodes: 10, max-episode-steps: 1000 }
                """);
        CliRunner r = CliRunner.run("find-lr", spec.toString(), "--out", tmp.resolve("run").toString(), "--seeds", "2",
                "--updates", "3000", "--points", "60", "--start", "1e-5");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("q-learning: valley ") && r.out().contains("reinforce: valley "), r.out());
        Path dir = tmp.resolve("run").resolve("find-lr");
        JsonObject json = JsonParser.parseString(Files.readString(dir.resolve("find-lr.json"))).getAsJsonObject();
        assertEquals(2, json.getAsJsonArray("agents").size());
        JsonObject seed = json.getAsJsonArray("agents").get(0).getAsJsonObject().getAsJsonArray("seeds").get(0)
                .getAsJsonObject();
        assertEquals(seed.getAsJsonArray("rates").size(), seed.getAsJsonArray("smoothed").size());
        assertTrue(seed.getAsJsonObject("suggestions").has("valley") && seed.getAsJsonObject("suggestions").has("steep")
                && seed.getAsJsonObject("suggestions").has("minimum"), seed.toString().substring(0, 200));
        assertTrue(Files.size(dir.resolve("find-lr.png")) > 1000 && Files.exists(dir.resolve("find-lr.svg")));
    }

    @Test
    void dqnIsTestedOnItsOwnLossAndAnAgentWithoutOneIsNamed() throws Exception {
        Path spec = Files.writeString(tmp.resolve("spec.yaml"), """
                name: dqn
                environment: breakout
                agent: { type: dqn, network: mlp, hidden: 16, replay-start: 100, batch-size: 8 }
                sweep: { learning-rates: [0.00025], seeds: 1 }
                budget: { steps: 1000 }
                """);
        CliRunner r = CliRunner.run("find-lr", spec.toString(), "--out", tmp.resolve("run").toString(), "--seeds", "1",
                "--updates", "400", "--points", "40", "--held-out", "200");
        assertEquals(0, r.exitCode(), r.err());
        JsonObject json = JsonParser.parseString(Files.readString(tmp.resolve("run").resolve("find-lr")
                .resolve("find-lr.json"))).getAsJsonObject();
        assertTrue(json.get("loss").getAsString().startsWith("DQN's TD loss"), json.get("loss").toString());
        JsonObject seed = json.getAsJsonArray("agents").get(0).getAsJsonObject().getAsJsonArray("seeds").get(0)
                .getAsJsonObject();
        assertTrue(seed.getAsJsonArray("smoothed").size() >= 10, "recorded along the way: " + seed.get("stopped"));

        Path random = Files.writeString(tmp.resolve("random.yaml"), """
                name: random
                environment: breakout
                agent: { type: random }
                sweep: { learning-rates: [0.1], seeds: 1 }
                budget: { steps: 1000 }
                """);
        r = CliRunner.run("find-lr", random.toString(), "--out", tmp.resolve("run2").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("random: the range test needs a loss on held-out data"), r.err());
        assertEquals(2, CliRunner.run("find-lr", spec.toString(), "--start", "1", "--end", "0.1").exitCode());
    }

    /** --supervised: the test on the spiral classifier, then one-cycle against constant rates, all written. */
    @Test
    void theSupervisedTestWritesTheCurvesAndTheTrainingsItIsFor() throws Exception {
        Path dir = tmp.resolve("spirals");
        CliRunner r = CliRunner.run("find-lr", "--supervised", "spirals", "--seeds", "2", "--epochs", "2",
                "--updates", "400", "--points", "40", "--start", "1e-5", "--out", dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("one-cycle, peak ") && r.out().contains("(valley): held-out accuracy after 2 "
                + "epochs"), r.out());
        JsonObject range = JsonParser.parseString(Files.readString(dir.resolve("find-lr.json"))).getAsJsonObject();
        assertEquals("spirals", range.get("spec").getAsString());
        assertEquals(2, range.getAsJsonArray("agents").get(0).getAsJsonObject().getAsJsonArray("seeds").size());
        JsonObject trainings = JsonParser.parseString(Files.readString(dir.resolve("one-cycle.json"))).getAsJsonObject();
        assertEquals(3, trainings.getAsJsonArray("trainings").size());
        assertEquals(2, trainings.getAsJsonArray("trainings").get(0).getAsJsonObject().getAsJsonArray("accuracy")
                .get(0).getAsJsonArray().size(), "two epochs");
        assertTrue(Files.size(dir.resolve("one-cycle.png")) > 1000 && Files.size(dir.resolve("find-lr.png")) > 1000);
    }

    @Test
    void supervisedMistakesAreNamed() throws Exception {
        CliRunner r = CliRunner.run("find-lr", "--supervised", "mnist");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--supervised: no problem 'mnist'; the bundled one is spirals"), r.err());
        r = CliRunner.run("find-lr", "--supervised", "spirals", "--optimizer", "adamm");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--optimizer: ") && r.err().contains("adamm"), r.err());
        Path spec = Files.writeString(tmp.resolve("spec.yaml"), "name: x\n");
        r = CliRunner.run("find-lr", spec.toString(), "--supervised", "spirals");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--supervised spirals runs on its own problem: give no SPEC and no --set"), r.err());
        r = CliRunner.run("find-lr");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("give a SPEC, or --supervised spirals"), r.err());
        assertTrue(!r.err().contains("Exception"), r.err());
    }
}
