package dev.lrlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaygroundCommandTest {

    @TempDir
    Path tmp;

    @Test
    void ratesOnTheQuadraticWriteTheirPathsFiguresAndAnimation() throws Exception {
        Path dir = tmp.resolve("q");
        CliRunner r = CliRunner.run("playground", "quadratic", "--steps", "40", "--out", dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("sgd at 0.250: diverged after"), r.out());
        assertTrue(r.out().contains("diverges above 2/L = 0.2"), r.out());
        JsonObject json = JsonParser.parseString(Files.readString(dir.resolve("playground.json"))).getAsJsonObject();
        assertEquals(6, json.getAsJsonArray("descents").size());
        for (String f : new String[] {"trajectories.png", "loss.png", "final-loss.png", "trajectories.svg"}) {
            assertTrue(Files.size(dir.resolve(f)) > 1000, f);
        }
        byte[] gif = Files.readAllBytes(dir.resolve("trajectories.gif"));
        assertEquals("GIF89a", new String(gif, 0, 6, java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void optimizersCompareAtOneRateWithASchedule() throws Exception {
        Path dir = tmp.resolve("r");
        CliRunner r = CliRunner.run("playground", "rosenbrock", "--compare", "sgd,adam", "--rate", "0.001",
                "--schedule", "cosine", "--steps", "30", "--out", dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("sgd at 0.00100: loss") && r.out().contains("adam at 0.00100: loss"), r.out());
        assertFalse(Files.exists(dir.resolve("final-loss.png")), "one rate: no rate figure");
    }

    @Test
    void mistakesAreNamed() {
        CliRunner r = CliRunner.run("playground", "himmelblau");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("no landscape 'himmelblau'; there are quadratic, rosenbrock, beale, double-well, "
                + "saddle"), r.err());
        r = CliRunner.run("playground", "quadratic", "--optimizer", "adamm");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("unknown optimizer 'adamm' (did you mean 'adam'?)"), r.err());
        r = CliRunner.run("playground", "quadratic", "--rates", "0.1", "--compare", "sgd");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("give --rates (one optimizer) or --compare (one --rate), not both"), r.err());
        r = CliRunner.run("playground", "quadratic", "--rates", "0.1,-2");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--rates: '-2' is not a number > 0"), r.err());
        r = CliRunner.run("playground", "quadratic", "--kappa", "0.5");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("the condition number must be at least 1, was 0.5"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }
}
