package dev.lrlab.experiments.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lrlab.experiments.cli.Lrlab;
import dev.lrlab.reports.results.ResultsJson;
import dev.lrlab.reports.results.TrialRecord;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchTest {

    @TempDir
    Path tmp;

    private static final String SEARCH = """
            name: search
            environment: cliff-walking
            agent: { type: q-learning, gamma: 1.0 }
            search:
              method: %s
              configurations: 9
              seeds-per-configuration: 2
              space:
                learning-rate: { log-uniform: [1e-3, 1.0] }
                agent.exploration.epsilon: { uniform: [0.01, 0.3] }
              objective: { metric: return, window: last-10%%, aggregate: mean, mode: max }
            %s
            budget: { episodes: 90, max-episode-steps: 1000 }
            """;

    private record Outcome(int code, String out, String err) {
    }

    private static Outcome lrlab(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Lrlab.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    private static List<String> canonical(Path dir) throws Exception {
        return dev.lrlab.reports.results.RunResults.read(dir).records().stream()
                .sorted(Comparator.comparing(TrialRecord::key))
                .map(r -> ResultsJson.compact().toJson(r.withoutWallTime())).toList();
    }

    private Path halving() throws Exception {
        return Files.writeString(tmp.resolve("sh.yaml"), SEARCH.formatted("successive-halving",
                "  rungs: { clock: episodes, minimum: 10, reduction-factor: 3 }"));
    }

    @Test
    void successiveHalvingKeepsTheBestThirdAtEachRungAndWritesTheBestAsASpec() throws Exception {
        Outcome r = lrlab("run", halving().toString(), "--out", tmp.resolve("run").toString(), "--no-report");
        assertEquals(0, r.code(), r.err());
        JsonObject json = JsonParser.parseString(Files.readString(tmp.resolve("run").resolve("search.json")))
                .getAsJsonObject();
        assertEquals("[[10,30,90]]", json.get("brackets").toString());
        assertTrue(json.get("complete").getAsBoolean());
        int[] reached = new int[3];
        for (var c : json.getAsJsonArray("configurations")) {
            int rungs = c.getAsJsonObject().getAsJsonArray("objective_by_rung").size();
            for (int k = 0; k < rungs; k++) {
                reached[k]++;
            }
        }
        assertEquals(List.of(9, 3, 1), List.of(reached[0], reached[1], reached[2]), "9 -> 3 -> 1");
        List<TrialRecord> trials = dev.lrlab.reports.results.RunResults.read(tmp.resolve("run")).records();
        assertEquals((9 + 3 + 1) * 2, trials.size());
        assertEquals(18, trials.stream().filter(t -> t.returns().length == 10).count(), "the first rung's budget");
        // rung trials are stopped, their curves kept; a promoted configuration's longer rungs repeat
        // its shorter ones exactly (the same generator), so each rung is a prefix of the next
        for (TrialRecord t : trials) {
            assertEquals(t.returns().length == 90 ? dev.lrlab.reports.results.TrialStatus.completed
                    : dev.lrlab.reports.results.TrialStatus.stopped, t.status(), t.reason());
        }
        TrialRecord whole = trials.stream().filter(t -> t.returns().length == 90 && t.seed() == 0).findFirst().orElseThrow();
        for (TrialRecord t : trials) {
            if (t.seed() == 0 && t.learningRate() == whole.learningRate() && t.returns().length < 90) {
                assertTrue(t.reason().startsWith("stopped by the search at its rung's budget of "), t.reason());
                assertEquals(java.util.Arrays.toString(java.util.Arrays.copyOf(whole.returns(), t.returns().length)),
                        java.util.Arrays.toString(t.returns()), "a rung is a prefix of the whole trial");
            }
        }
        // the promoted three were the best three of the first rung
        assertTrue(r.out().contains("search: best of 9 configurations"), r.out());
        assertEquals(0, lrlab("report", tmp.resolve("run").toString()).code());
        for (String figure : List.of("search-progress", "search-space", "search-rungs")) {
            assertTrue(Files.size(tmp.resolve("run").resolve("report").resolve(figure + ".png")) > 1000, figure);
        }
        Path best = tmp.resolve("run").resolve("best.yaml");
        Outcome again = lrlab("run", best.toString(), "--out", tmp.resolve("best").toString(), "--no-report");
        assertEquals(0, again.code(), again.err());
        assertEquals(2, dev.lrlab.reports.results.RunResults.read(tmp.resolve("best")).records().size());
    }

    @Test
    void theSameSearchGivesTheSameTrialsOnAnyThreadCountAndResumesAfterAKill() throws Exception {
        Path spec = halving();
        assertEquals(0, lrlab("run", spec.toString(), "--out", tmp.resolve("one").toString(), "--threads", "1",
                "--no-report").code());
        assertEquals(0, lrlab("run", spec.toString(), "--out", tmp.resolve("four").toString(), "--threads", "4",
                "--no-report").code());
        assertEquals(canonical(tmp.resolve("one")), canonical(tmp.resolve("four")));
        assertEquals(Files.readString(tmp.resolve("one").resolve("best.yaml")).replace(tmp.resolve("one").toString(), ""),
                Files.readString(tmp.resolve("four").resolve("best.yaml")).replace(tmp.resolve("four").toString(), ""));
        // a kill after the first rung: keep its trials only, and run the same command again
        Path cut = tmp.resolve("cut");
        Files.createDirectories(cut);
        Files.copy(tmp.resolve("one").resolve("manifest.json"), cut.resolve("manifest.json"));
        List<TrialRecord> written = dev.lrlab.reports.results.RunResults.read(tmp.resolve("one")).records();
        java.io.ByteArrayOutputStream journal = new java.io.ByteArrayOutputStream();
        for (TrialRecord r : written.subList(0, 18)) {
            journal.write(dev.lrlab.reports.results.TrialsWriter.journalEntry(r));
        }
        Files.createDirectories(cut.resolve("journal"));
        Files.write(cut.resolve("journal").resolve("segment-000000.bin"), journal.toByteArray());
        Outcome resumed = lrlab("run", spec.toString(), "--out", cut.toString(), "--no-report");
        assertEquals(0, resumed.code(), resumed.err());
        assertEquals(canonical(tmp.resolve("one")), canonical(cut));
    }

    @Test
    void hyperbandRunsLiEtAlsBracketsAndAshaPromotesInConfigurationOrder() throws Exception {
        Path hyperband = Files.writeString(tmp.resolve("hb.yaml"), SEARCH.formatted("hyperband",
                "  rungs: { clock: episodes, minimum: 10, reduction-factor: 3 }"));
        Outcome r = lrlab("run", hyperband.toString(), "--out", tmp.resolve("hb").toString(), "--no-report");
        assertEquals(0, r.code(), r.err());
        JsonObject json = JsonParser.parseString(Files.readString(tmp.resolve("hb").resolve("search.json")))
                .getAsJsonObject();
        // R = 90, r = 10, eta = 3: s_max = 2; brackets of 9, 5 and 3 configurations
        assertEquals("[[10,30,90],[30,90],[90]]", json.get("brackets").toString());
        assertEquals(17, json.getAsJsonArray("configurations").size());
        assertEquals((9 + 3 + 1 + 5 + 1 + 3) * 2,
                dev.lrlab.reports.results.RunResults.read(tmp.resolve("hb")).records().size());

        Path asha = Files.writeString(tmp.resolve("asha.yaml"), SEARCH.formatted("asha",
                "  rungs: { clock: episodes, minimum: 10, reduction-factor: 3 }"));
        r = lrlab("run", asha.toString(), "--out", tmp.resolve("asha").toString(), "--no-report", "--threads", "1");
        assertEquals(0, r.code(), r.err());
        assertEquals(0, lrlab("run", asha.toString(), "--out", tmp.resolve("asha4").toString(), "--no-report",
                "--threads", "4").code());
        assertEquals(canonical(tmp.resolve("asha")), canonical(tmp.resolve("asha4")), "the same on any thread count");
        json = JsonParser.parseString(Files.readString(tmp.resolve("asha").resolve("search.json"))).getAsJsonObject();
        long second = 0;
        for (var c : json.getAsJsonArray("configurations")) {
            second += c.getAsJsonObject().getAsJsonArray("objective_by_rung").size() >= 2 ? 1 : 0;
        }
        assertTrue(second >= 1 && second < 9, "some, not all, go on: " + second);
        assertTrue(Files.exists(tmp.resolve("asha").resolve("best.yaml")));
    }

    /**
     * TPE: ten random configurations, then a round of four proposals from their results; the same
     * on any thread count. On the cliff walk the good region is the upper end of the rates, and
     * the proposals, drawn from the density of the best, sit there more than the random start does.
     */
    @Test
    void tpeProposesFromTheFinishedConfigurationsTheSameOnAnyThreadCount() throws Exception {
        Path tpe = Files.writeString(tmp.resolve("tpe.yaml"), SEARCH.formatted("tpe", "")
                .replace("configurations: 9", "configurations: 18"));
        assertEquals(0, lrlab("run", tpe.toString(), "--out", tmp.resolve("t1").toString(), "--no-report", "--threads",
                "1").code());
        assertEquals(0, lrlab("run", tpe.toString(), "--out", tmp.resolve("t4").toString(), "--no-report", "--threads",
                "4").code());
        assertEquals(canonical(tmp.resolve("t1")), canonical(tmp.resolve("t4")));
        JsonObject json = JsonParser.parseString(Files.readString(tmp.resolve("t1").resolve("search.json")))
                .getAsJsonObject();
        var rows = json.getAsJsonArray("configurations");
        assertEquals(18, rows.size());
        double startup = 0;
        double proposed = 0;
        for (int i = 0; i < rows.size(); i++) {
            double rate = rows.get(i).getAsJsonObject().getAsJsonObject("values").get("learning-rate.value").getAsDouble();
            assertTrue(rate >= 1e-3 && rate <= 1.0, "inside the range: " + rate);
            if (i < 10) {
                startup += Math.log(rate) / 10;
            } else {
                proposed += Math.log(rate) / 8;
            }
        }
        assertTrue(proposed > startup, "the proposals lean to the larger rates that did well: mean log rate "
                + proposed + " vs the random start's " + startup);
    }

    /**
     * The median rule: configurations go in rounds of four; a trial of a later round whose running
     * mean falls below the median of the earlier rounds' at the same episode is stopped, its curve
     * kept; the first round runs whole. The same on any thread count.
     */
    @Test
    void theMedianRuleStopsTrialsThatTrailTheEarlierRounds() throws Exception {
        Path median = Files.writeString(tmp.resolve("median.yaml"), SEARCH.formatted("random",
                "  median-stopping: { after: 20 }").replace("configurations: 9", "configurations: 12"));
        assertEquals(0, lrlab("run", median.toString(), "--out", tmp.resolve("m1").toString(), "--no-report",
                "--threads", "1").code());
        assertEquals(0, lrlab("run", median.toString(), "--out", tmp.resolve("m4").toString(), "--no-report",
                "--threads", "4").code());
        assertEquals(canonical(tmp.resolve("m1")), canonical(tmp.resolve("m4")));
        List<TrialRecord> trials = dev.lrlab.reports.results.RunResults.read(tmp.resolve("m1")).records();
        assertEquals(24, trials.size());
        List<TrialRecord> stopped = trials.stream().filter(t -> t.status() == dev.lrlab.reports.results.TrialStatus
                .stopped).toList();
        assertTrue(!stopped.isEmpty() && stopped.size() < 16, "some later trials stopped: " + stopped.size());
        for (TrialRecord t : stopped) {
            assertTrue(t.reason().startsWith("stopped by the median rule at episode "), t.reason());
            assertTrue(t.returns().length >= 20 && t.returns().length < 90, "kept as far as it went");
        }
        JsonObject best = JsonParser.parseString(Files.readString(tmp.resolve("m1").resolve("search.json")))
                .getAsJsonObject().getAsJsonObject("best");
        double bestRate = best.getAsJsonObject("values").get("learning-rate.value").getAsDouble();
        assertTrue(stopped.stream().noneMatch(t -> t.learningRate() == bestRate), "the pick ran whole");
        assertEquals(2, lrlab("validate", Files.writeString(tmp.resolve("bad.yaml"), SEARCH.formatted(
                "successive-halving", "  rungs: { clock: episodes, minimum: 10 }\n  median-stopping: { after: 5 }"))
                .toString()).code(), "rungs and the median rule are two ways to stop; one at a time");
    }

    @Test
    void gridAndRandomRunEveryConfigurationAtTheWholeBudget() throws Exception {
        Path grid = Files.writeString(tmp.resolve("grid.yaml"), """
                name: grid
                environment: cliff-walking
                agent: { type: q-learning, gamma: 1.0 }
                search:
                  method: grid
                  seeds-per-configuration: 2
                  space:
                    learning-rate: { categorical: [0.1, 0.5] }
                    agent.exploration.epsilon: { categorical: [0.05, 0.1, 0.2] }
                budget: { episodes: 20, max-episode-steps: 1000 }
                """);
        Outcome r = lrlab("run", grid.toString(), "--out", tmp.resolve("grid").toString(), "--no-report");
        assertEquals(0, r.code(), r.err());
        assertEquals(12, dev.lrlab.reports.results.RunResults.read(tmp.resolve("grid")).records().size());
        Path random = Files.writeString(tmp.resolve("random.yaml"), SEARCH.formatted("random", ""));
        r = lrlab("run", random.toString(), "--out", tmp.resolve("random").toString());
        assertEquals(0, r.code(), r.err());
        for (String figure : List.of("search-progress", "search-space")) {
            assertTrue(Files.size(tmp.resolve("random").resolve("report").resolve(figure + ".png")) > 1000, figure);
        }
        List<TrialRecord> trials = dev.lrlab.reports.results.RunResults.read(tmp.resolve("random")).records();
        assertEquals(18, trials.size());
        assertTrue(trials.stream().allMatch(t -> t.returns().length == 90));
        double[] rates = trials.stream().mapToDouble(TrialRecord::learningRate).distinct().toArray();
        assertEquals(9, rates.length, "nine configurations");
        assertTrue(java.util.Arrays.stream(rates).allMatch(x -> x >= 1e-3 && x <= 1.0));
    }

    @Test
    void validateDescribesTheSearchAndItsDefaults() throws Exception {
        Outcome r = lrlab("validate", halving().toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("valid; a successive-halving search of 9 configurations x 2 seeds on cliff-walking: "
                + "up to 26 trials, budgets [10, 30, 90]"), r.out());
        assertTrue(r.out().contains("  search learning-rate.value: log-uniform [0.001, 1.0]"), r.out());
        assertTrue(r.out().contains("    environment.slip = 0.0"), "its defaults: " + r.out());
    }

    @Test
    void searchMistakesAreNamedWithTheirPaths() throws Exception {
        String base = SEARCH.formatted("random", "");
        List<String[]> cases = List.of(
                new String[] {base.replace("method: random", "method: bayes"), "search.method: must be one of"},
                new String[] {base.replace("method: random", "method: asha"), "search.rungs: is required"},
                new String[] {base.replace("log-uniform: [1e-3, 1.0]", "log-uniform: [1.0, 1e-3]"),
                    "search.space.learning-rate.log-uniform: must be [low, high] with low <= high"},
                new String[] {base.replace("uniform: [0.01, 0.3]", "uniform: [0.01, 3]"),
                    "search.space.agent.exploration.epsilon"},
                new String[] {base + "sweep: { learning-rates: [0.1], seeds: 1 }\n", "search: give sweep or search, not both"},
                new String[] {base.replace("window: last-10%", "window: lately"), "search.objective.window: must be all"},
                new String[] {base.replace("method: random", "method: grid"), "grid search takes categorical values only"});
        for (String[] c : cases) {
            Path file = Files.writeString(tmp.resolve("bad.yaml"), c[0]);
            Outcome r = lrlab("validate", file.toString());
            assertEquals(2, r.code(), c[1] + ": " + r.out());
            assertTrue(r.err().contains(c[1]), "expected «" + c[1] + "» in " + r.err());
        }
    }
}
