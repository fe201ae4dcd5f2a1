package dev.lrlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Recorded traces pin behaviour: the same command must write the same bytes. The Breakout golden
 * traces were also replayed, step by step, by an independent implementation of the reference rules
 * (src/test/python/check_breakout_trace.py), which this test runs again when python3 is present.
 */
class PlayAndTraceTest {

    @TempDir
    Path tmp;

    private static Path golden(String name) {
        return Path.of("src/test/resources/golden", name);
    }

    @ParameterizedTest
    @CsvSource({"breakout, 0, 300, breakout-seed0-300.jsonl", "breakout, 7, 300, breakout-seed7-300.jsonl",
        "frozen-lake-4x4, 3, 200, frozen-lake-4x4-seed3-200.jsonl"})
    void traceReproducesTheGoldenFile(String env, long seed, int steps, String file) throws Exception {
        Path out = tmp.resolve("trace.jsonl");
        CliRunner r = CliRunner.run("trace", env, "--seed", Long.toString(seed), "--steps", Integer.toString(steps),
                "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(Files.readString(golden(file)), Files.readString(out));
    }

    @Test
    void replayingATraceGivesTheSameTrace() throws Exception {
        // with sticky actions the chosen actions replay the same executed ones only with the same seed
        Path out = tmp.resolve("replayed.jsonl");
        CliRunner r = CliRunner.run("trace", "breakout", "--seed", "7", "--steps", "300", "--policy",
                golden("breakout-seed7-300.jsonl").toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(Files.readString(golden("breakout-seed7-300.jsonl")), Files.readString(out));
    }

    @Test
    void goldenBreakoutTracesFollowTheReferenceRules() throws Exception {
        assumeTrue(new File("/usr/bin/python3").canExecute(), "python3 is not installed");
        for (String name : List.of("breakout-seed0-300.jsonl", "breakout-seed7-300.jsonl")) {
            Process p = new ProcessBuilder("/usr/bin/python3", "src/test/python/check_breakout_trace.py",
                    golden(name).toString()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), name + ": " + output);
            assertTrue(output.contains("300 steps agree"), output);
        }
    }

    @Test
    void traceStartsWithTheResetObservationAndMarksEpisodeEnds() throws Exception {
        List<String> lines = Files.readAllLines(golden("breakout-seed0-300.jsonl"));
        assertTrue(lines.get(0).startsWith("{\"step\":0,\"reset\":true,\"observation\":{\"paddle\":[[9,4]]"), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"terminated\":true")));
        assertTrue(lines.stream().anyMatch(l -> l.matches(".*\"action\":(\\d),\"action_name\":\"[a-z-]+\","
                + "\"executed\":(?!\\1)\\d.*")), "sticky actions show up as an executed action that differs from the chosen one");
        assertTrue(lines.get(1).contains("\"action_name\":\"") && lines.get(1).contains("\"executed_name\":\""),
                "actions are named: " + lines.get(1));
    }

    /** A run's trial is trained again and its greedy policy followed: the best cell's best trial, or one by key. */
    @Test
    void playAndTraceFollowATrainedTrialsGreedyPolicy() throws Exception {
        Path spec = Files.writeString(tmp.resolve("cliff.yaml"), """
                name: cliff
                environment: cliff-walking
                agents: [{ type: sarsa, gamma: 1.0 }, { type: q-learning, gamma: 1.0 }]
                sweep: { learning-rates: [0.05, 0.5], seeds: 3 }
                budget: { episodes: 300, max-episode-steps: 1000 }
                """);
        Path run = tmp.resolve("run");
        assertEquals(0, CliRunner.run("run", spec.toString(), "--out", run.toString(), "--no-report").exitCode());
        Path trace = tmp.resolve("greedy.jsonl");
        CliRunner r = CliRunner.run("trace", "--run", run.toString(), "--agent", "q-learning", "--steps", "60",
                "--out", trace.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("training trial ") && r.err().contains("(q-learning, "), r.err());
        List<String> lines = Files.readAllLines(trace);
        // after 300 episodes Q-learning's greedy policy walks to the goal without falling (a random
        // policy takes thousands of steps and falls again and again)
        int end = 0;
        while (!lines.get(end).contains("\"terminated\":true")) {
            end++;
        }
        assertTrue(end >= 13 && end <= 30, "reaches the goal in " + end + " steps: " + String.join("\n", lines));
        assertTrue(lines.subList(0, end + 1).stream().noneMatch(l -> l.contains("\"reward\":-100.0")), "no fall");
        assertTrue(lines.get(1).contains("\"action_name\":\"up\""), lines.get(1));

        // by key: the same trial again, named in the play summary
        String key = dev.lrlab.reports.results.RunResults.read(run).records().get(0).key();
        r = CliRunner.run("play", "--run", run.toString(), "--trial", key, "--gif", tmp.resolve("p.gif").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("cliff-walking (greedy policy of trial " + key + "): "), r.out());

        r = CliRunner.run("play", "breakout", "--run", run.toString(), "--gif", tmp.resolve("q.gif").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("the run is on cliff-walking, not breakout"), r.err());
    }

    @Test
    void playWritesAGifWithOneFramePerStepAndPngFrames() throws Exception {
        Path gif = tmp.resolve("out.gif");
        Path frames = tmp.resolve("frames");
        CliRunner r = CliRunner.run("play", "breakout", "--seed", "1", "--gif", gif.toString(), "--frames", frames.toString());
        assertEquals(0, r.exitCode(), r.err());
        int steps = Integer.parseInt(r.out().replaceAll("(?s).*breakout: (\\d+) steps.*", "$1"));
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        reader.setInput(ImageIO.createImageInputStream(gif.toFile()));
        assertEquals(steps + 1, reader.getNumImages(true), "the reset frame and one per step");
        try (var files = Files.list(frames)) {
            assertEquals(steps + 1, files.count());
        }
        assertEquals(300, ImageIO.read(frames.resolve("frame-0000.png").toFile()).getWidth());
    }

    @Test
    void playDrawsGridworldsToo() throws Exception {
        Path gif = tmp.resolve("cliff.gif");
        CliRunner r = CliRunner.run("play", "cliff-walking", "--max-steps", "20", "--gif", gif.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.size(gif) > 500);
    }

    @Test
    void badInputIsRefusedClearly() throws Exception {
        assertEquals(2, CliRunner.run("play", "breakout").exitCode(), "no output given");
        CliRunner missing = CliRunner.run("trace", "breakout", "--steps", "5", "--policy", tmp.resolve("nope").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("cannot read"), missing.err());
        Path bad = Files.writeString(tmp.resolve("actions.txt"), "1\n7\n");
        CliRunner outOfRange = CliRunner.run("trace", "breakout", "--steps", "5", "--policy", bad.toString());
        assertEquals(2, outOfRange.exitCode());
        assertTrue(outOfRange.err().contains("line 2: action 7 is outside 0..2"), outOfRange.err());
    }
}
