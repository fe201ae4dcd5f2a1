package dev.lrlab.experiments.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lrlab.experiments.cli.Lrlab;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input that is valid but probably not meant is run, with a warning that names its key's path. */
class SuspiciousInputTest {

    @TempDir
    Path tmp;

    private static String spec(String rates) {
        return """
                name: odd
                environment: { id: cliff-walking }
                agent: { type: q-learning, gamma: 1.0 }
                sweep: { learning-rates: %s, seeds: 1 }
                budget: { episodes: 5, max-episode-steps: 100 }
                """.formatted(rates);
    }

    @Test
    void aPowerWithoutItsMinusIsWarnedAboutByValidateAndRun() throws Exception {
        Path file = Files.writeString(tmp.resolve("odd.yaml"), spec("['2^12', '2^-3']"));
        StringWriter out = new StringWriter();
        assertEquals(0, Lrlab.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), "validate", file.toString()));
        assertTrue(out.toString().contains("warning: sweep.learning-rates: 4096 ('2^12') is above 1, where a tabular or "
                + "SGD update overshoots every target; did you mean 2^-12?"), out.toString());
        assertFalse(out.toString().contains("0.125 ("), "2^-3 is not warned about: " + out);
        StringWriter err = new StringWriter();
        assertEquals(0, Lrlab.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "run", file.toString(),
                "--out", tmp.resolve("run").toString(), "--no-report"));
        assertTrue(err.toString().contains("lrlab run: warning: sweep.learning-rates: 4096 ('2^12')"), err.toString());
    }

    @Test
    void ratesUpToOneAreNotWarnedAbout() throws Exception {
        Path file = Files.writeString(tmp.resolve("fine.yaml"), spec("[0.5, 1.0]"));
        StringWriter out = new StringWriter();
        assertEquals(0, Lrlab.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), "validate", file.toString()));
        assertFalse(out.toString().contains("warning"), out.toString());
    }

    @Test
    void aReportWindowLongerThanTheTrialsIsRefused() throws Exception {
        Path file = Files.writeString(tmp.resolve("fine.yaml"), spec("[0.5]"));
        Path dir = tmp.resolve("run");
        assertEquals(0, Lrlab.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "run",
                file.toString(), "--out", dir.toString(), "--no-report"));
        StringWriter err = new StringWriter();
        assertEquals(2, Lrlab.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "report", dir.toString(),
                "--window", "6"));
        assertTrue(err.toString().contains("--window 6 is longer than the trials: the shortest has 5 episodes"),
                err.toString());
        assertFalse(Files.exists(dir.resolve("report").resolve("report.html")));
        assertEquals(0, Lrlab.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "report",
                dir.toString(), "--window", "5"));
    }

    @Test
    void validateShowsTheDefaultsThatChangeResultsAndEstimatesTheRun() throws Exception {
        Path file = Files.writeString(tmp.resolve("corridor.yaml"), """
                name: corridor
                environment: short-corridor
                agent: { type: reinforce, optimizer: { type: sgd } }
                sweep: { learning-rates: ['2^-12', '2^-10'], seeds: 2, agent.gamma: [0.9, 1.0] }
                budget: { steps: 5000 }
                """);
        StringWriter out = new StringWriter();
        assertEquals(0, Lrlab.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), "validate",
                file.toString(), "--estimate-seconds", "0.2"));
        String text = out.toString();
        assertTrue(text.contains("defaults that change results (not in the spec; written into the manifest):"), text);
        assertTrue(text.contains("    environment.time-limit = 1000\n"), text);
        assertTrue(text.contains("    agent.divergence-bound = 1.0E10\n"), text);
        assertTrue(text.contains("    agent.optimizer.weight-decay = 0.0\n"), "a default inside a given map: " + text);
        assertFalse(text.contains("agent.optimizer.type"), "given: " + text);
        assertFalse(text.contains("agent.gamma ="), "swept: " + text);
        assertFalse(text.contains("label"), text);
        // a step budget fixes the steps: 8 trials of 5000
        assertTrue(text.contains("estimate: about 4.0e+04 environment steps, "), text);

        Path manifestRun = tmp.resolve("run");
        assertEquals(0, Lrlab.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "run",
                file.toString(), "--out", manifestRun.toString(), "--no-report"));
        String manifest = Files.readString(manifestRun.resolve("manifest.json"));
        assertTrue(manifest.contains("\"divergence-bound\": 1.0E10") && manifest.contains("\"time-limit\": 1000"),
                manifest);

        out = new StringWriter();
        assertEquals(0, Lrlab.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), "validate",
                file.toString(), "--estimate-seconds", "0"));
        assertFalse(out.toString().contains("estimate:"), "0 skips the probe: " + out);
    }

    @Test
    void trialsThatNeverEndAnEpisodeAreCompletedButSaidToBe() throws Exception {
        // always "right" in the short corridor's first state walks into the wall until the 1000-step limit
        Path file = Files.writeString(tmp.resolve("stuck.yaml"), """
                name: stuck
                environment: short-corridor
                agents:
                  - { type: reinforce, label: stuck, initial-preferences: [50, -50] }
                  - { type: reinforce, label: free }
                sweep: { learning-rates: ['2^-20'], seeds: 2 }
                budget: { episodes: 3 }
                """);
        Path dir = tmp.resolve("run");
        StringWriter out = new StringWriter();
        assertEquals(0, Lrlab.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), "run", file.toString(),
                "--out", dir.toString()));
        assertTrue(out.toString().contains("2 completed trials never ended an episode: every episode hit the time "
                + "limit"), out.toString());
        var records = dev.lrlab.reports.results.RunResults.read(dir).records();
        for (var r : records) {
            assertEquals(dev.lrlab.reports.results.TrialStatus.completed, r.status());
            assertEquals(r.agent().equals("stuck"), r.neverEndedAnEpisode(), r.toString());
        }
        assertTrue(records.stream().filter(r -> r.agent().equals("stuck")).allMatch(r -> r.reason()
                .equals("every episode hit the time limit (3 episodes, each cut at 1000 steps)")));
        assertTrue(Files.readString(dir.resolve("report").resolve("summary.md"))
                .contains("**2 completed trials never ended an episode**"));
    }
}
