package dev.lrlab.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lrlab.reports.Analysis.Group;
import dev.lrlab.reports.Analysis.Metric;
import dev.lrlab.reports.results.TrialStatus;
import dev.lrlab.reports.results.TrialsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    @TempDir
    Path tmp;

    @Test
    void summariesAreComputedFromCompletedTrialsOnly() {
        Analysis a = Analysis.of(SyntheticRun.standard(), new ReportOptions(1, ReportOptions.XAxis.EPISODES, 5, 500, 0.95, 0));
        Group a1 = a.groups().stream().filter(g -> g.agent().equals("a") && g.learningRate() == 1.0).findFirst().orElseThrow();
        assertEquals(3, a1.completed().size());
        assertEquals(1, a1.diverged());
        // seeds 0..2 at base 10 + seed: last 5 episodes are base + 15..19, mean base + 17
        assertEquals((27 + 28 + 29) / 3.0, a1.summaries().get(Metric.ASYMPTOTIC).mean().estimate(), 1e-12);
        assertEquals((12 + 13 + 14) / 3.0, a1.summaries().get(Metric.INTERIM).mean().estimate(), 1e-12);
        assertEquals((19.5 + 20.5 + 21.5) / 3.0, a1.summaries().get(Metric.AUC).mean().estimate(), 1e-12);
        assertEquals((110 + 111 + 112) / 3.0, a1.summaries().get(Metric.FINAL_EVALUATION).mean().estimate(), 1e-12);
        Group b1 = a.groups().stream().filter(g -> g.agent().equals("b") && g.learningRate() == 1.0).findFirst().orElseThrow();
        assertTrue(b1.summaries().isEmpty(), "all diverged: nothing to average");
        assertEquals(1.0, b1.divergenceRate());
        assertEquals(1.0, a.best("a / constant").learningRate());
    }

    @Test
    void writesFiguresTablesAndASelfContainedPage() throws Exception {
        Path dir = SyntheticRun.write(tmp, SyntheticRun.standard());
        Report.Result r = Report.write(RunData.load(dir), ReportOptions.DEFAULTS);
        for (String name : r.figures()) {
            for (String ext : List.of(".svg", ".png", ".pdf")) {
                Path f = r.dir().resolve(name + ext);
                assertTrue(Files.size(f) > 1000, f + " is missing or empty");
            }
        }
        assertTrue(r.figures().containsAll(List.of("return-curves", "evaluation-curves", "sensitivity", "sensitivity-sutton-barto",
                "divergence", "policy-a-constant", "policy-b-constant")), r.figures().toString());
        assertFalse(r.figures().contains("schedules"), "a constant schedule is a sentence, not a figure");
        String sensitivity = Files.readString(r.dir().resolve("sensitivity.svg"));
        // b diverged at rate 1 in every seed, a in one of four: each gets a × and its percentage
        assertTrue(sensitivity.contains(">100%<") && sensitivity.contains(">25%<") && sensitivity.contains("\u00d7"),
                "diverged points are marked");
        assertTrue(Files.readString(r.dir().resolve("summary.md")).contains("Every schedule is constant"));
        assertTrue(Files.readString(r.dir().resolve("return-curves.svg")).contains("<text"),
                "SVG keeps text as text");
        List<String> csv = Files.readAllLines(r.dir().resolve("summary.csv"));
        assertEquals(5, csv.size(), "a header and one row per (configuration, rate)");
        assertTrue(csv.get(0).startsWith("configuration,agent,schedule,learning_rate,trials,completed,diverged,failed,"
                + "stopped,divergence_rate"));
        assertTrue(csv.contains(csv.stream().filter(l -> l.startsWith("b / constant,b,constant,1.00000,4,0,4,0,0,1.00000"))
                .findFirst().orElse("missing diverged row")));
        String html = Files.readString(r.dir().resolve("report.html"));
        Matcher svgs = Pattern.compile("<svg").matcher(html);
        int count = 0;
        while (svgs.find()) {
            count++;
        }
        assertEquals(r.figures().size(), count, "every figure is inline");
        assertFalse(Pattern.compile("(src|href)=\"https?:").matcher(html).find(), "no network references");
        assertTrue(html.contains("<table>"));
        String md = Files.readString(r.dir().resolve("summary.md"));
        assertTrue(md.contains("| a / constant | 1 | 3 / 1 / 0 |"), md);
        assertTrue(md.contains("Probability of improvement"), md);
    }

    @Test
    void oneTrialAtAPointHasNoInterval() throws Exception {
        // seed 0 alone at every point, and all four seeds of agent a at rate 0.1
        List<dev.lrlab.reports.results.TrialRecord> trials = SyntheticRun.standard().stream()
                .filter(t -> t.status() == TrialStatus.completed)
                .filter(t -> t.seed() == 0 || (t.agent().equals("a") && t.learningRate() == 0.1)).toList();
        Path dir = SyntheticRun.write(tmp, trials);
        Report.Result r = Report.write(RunData.load(dir), ReportOptions.DEFAULTS);
        List<String> csv = Files.readAllLines(r.dir().resolve("summary.csv"));
        List<String> header = List.of(csv.get(0).split(",", -1));
        int low = header.indexOf("asymptotic_mean_low");
        int high = header.indexOf("asymptotic_mean_high");
        for (String line : csv.subList(1, csv.size())) {
            String[] cells = line.split(",", -1);
            boolean fourSeeds = line.startsWith("a / constant,a,constant,0.100000,4,");
            assertEquals(fourSeeds, !cells[low].isEmpty(), line);
            assertEquals(fourSeeds, !cells[high].isEmpty(), line);
        }
        String md = Files.readString(r.dir().resolve("summary.md"));
        assertTrue(md.contains("(one trial)"), md);
        assertFalse(Pattern.compile("\\[(-?[0-9.]+), \\1\\]").matcher(md).find(), "no interval of width zero: " + md);
        assertTrue(Pattern.compile("\\| a / constant \\| 0.1 \\| 4 / 0 / 0 \\| [0-9.-]+ \\[").matcher(md).find(),
                "four seeds keep their interval: " + md);
    }

    @Test
    void figuresThatCarryNothingBecomeSentencesAndSchedulesEndWithTheLongestTrial() throws Exception {
        List<dev.lrlab.reports.results.TrialRecord> calm = SyntheticRun.standard().stream()
                .filter(t -> t.status() == TrialStatus.completed).toList();
        Path dir = SyntheticRun.write(tmp, calm);
        // a decaying schedule sampled far past the trials (20 episodes of 10 steps: 200 steps)
        var m = dev.lrlab.reports.results.Manifest.read(dir);
        new dev.lrlab.reports.results.Manifest(m.name(), m.spec(), m.lrlabVersion(), m.gitCommit(), m.jvm(),
                m.startedAt(), m.endedAt(), m.trialsPlanned(), List.of(new dev.lrlab.reports.results.Manifest.ScheduleCurve(
                        "decay", "steps", 0.1, new long[] {0, 100, 200, 300, 100_000}, new double[] {0.1, 0.05, 0.03,
                                0.02, 0.0})), m.learningRateNotes()).write(dir);
        Report.Result r = Report.write(RunData.load(dir), ReportOptions.DEFAULTS);
        assertFalse(r.figures().contains("divergence"), r.figures().toString());
        assertTrue(r.figures().contains("schedules"), r.figures().toString());
        String md = Files.readString(r.dir().resolve("summary.md"));
        assertTrue(md.contains("No trial diverged (of 11), so the report has no divergence figure."), md);
        assertTrue(Files.readString(r.dir().resolve("report.html")).contains("No trial diverged"));
        String svg = Files.readString(r.dir().resolve("schedules.svg"));
        assertFalse(svg.contains(">100,000<") || svg.contains(">50,000<"), "the x axis stops near the longest trial");
    }

    @Test
    void anEvenlySpacedGridGetsALinearAxisAndAGeometricOneALogAxis() {
        List<dev.lrlab.reports.results.TrialRecord> linear = new java.util.ArrayList<>();
        List<dev.lrlab.reports.results.TrialRecord> geometric = new java.util.ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            linear.add(SyntheticRun.trial("a", 0.25 * i, 0, 10, 0, TrialStatus.completed));
            geometric.add(SyntheticRun.trial("a", Math.pow(2, -i), 0, 10, 0, TrialStatus.completed));
        }
        assertFalse(Analysis.of(linear, ReportOptions.DEFAULTS).xParameter().logScale(), "0.25, 0.5, 0.75, 1");
        assertTrue(Analysis.of(geometric, ReportOptions.DEFAULTS).xParameter().logScale(), "2^-1 ... 2^-4");
    }

    @Test
    void highlightingPicksTheListedValuesAndRefusesOthers() {
        List<dev.lrlab.reports.results.TrialRecord> trials = new java.util.ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            trials.add(SyntheticRun.trial("a", Math.pow(2, -i), 0, 10, i == 5 ? 100 : i, TrialStatus.completed));
        }
        Analysis auto = Analysis.of(trials, ReportOptions.DEFAULTS);
        // values sorted ascending: 2^-8 ... 2^-1; the best (base 100) is 2^-5, index 3
        assertEquals(java.util.Set.of(0, 3, 7), auto.highlighted("a / constant"));
        ReportOptions all = new ReportOptions(0, ReportOptions.XAxis.AUTO, 0, 200, 0.95, 0, null, "all");
        assertEquals(null, Analysis.of(trials, all).highlighted("a / constant"));
        ReportOptions listed = new ReportOptions(0, ReportOptions.XAxis.AUTO, 0, 200, 0.95, 0, null, "0.25, 0.5");
        assertEquals(java.util.Set.of(6, 7), Analysis.of(trials, listed).highlighted("a / constant"));
        ReportOptions wrong = new ReportOptions(0, ReportOptions.XAxis.AUTO, 0, 200, 0.95, 0, null, "0.3");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Analysis.of(trials, wrong));
        assertTrue(e.getMessage().contains("--highlight 0.3: no such value of learning-rate.value"), e.getMessage());
    }

    @Test
    void theReportSaysWhatItIsDoingAndLeavesNoStaleFigures() throws Exception {
        Path dir = SyntheticRun.write(tmp, SyntheticRun.standard());
        Files.createDirectories(dir.resolve("report"));
        Files.writeString(dir.resolve("report").resolve("schedules.png"), "from an earlier report");
        Files.writeString(dir.resolve("report").resolve("notes.txt"), "the user's");
        List<String> steps = new java.util.ArrayList<>();
        Report.Result r = Report.write(RunData.load(dir), ReportOptions.DEFAULTS, steps::add);
        assertEquals("summarising 16 trials", steps.get(0));
        assertTrue(steps.stream().anyMatch(s -> s.matches("figures: 1 of \\d+ drawn")), steps.toString());
        assertEquals("report.html", steps.get(steps.size() - 1));
        assertFalse(Files.exists(dir.resolve("report").resolve("schedules.png")), "not drawn this time");
        assertTrue(Files.exists(dir.resolve("report").resolve("notes.txt")), "only figure files are removed");
    }

    @Test
    void aRangeTestOfTheRunIsShownInThePage() throws Exception {
        Path dir = SyntheticRun.write(tmp, SyntheticRun.standard());
        Files.createDirectories(dir.resolve("find-lr"));
        Files.writeString(dir.resolve("find-lr").resolve("find-lr.svg"),
                "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><text>range</text></svg>");
        Report.Result r = Report.write(RunData.load(dir), ReportOptions.DEFAULTS);
        String html = Files.readString(r.dir().resolve("report.html"));
        assertTrue(html.contains("<figure id=\"find-lr\">\n<svg"), "inline, without its XML prologue");
        assertTrue(html.contains("The learning-rate range test (lrlab find-lr)"));
    }

    @Test
    void notARunDirectoryIsRefused() throws Exception {
        ReportException e = assertThrows(ReportException.class, () -> RunData.load(tmp));
        assertTrue(e.getMessage().contains("is not an lrlab run directory"), e.getMessage());
        Path file = Files.writeString(tmp.resolve("x"), "x");
        assertTrue(assertThrows(ReportException.class, () -> RunData.load(file)).getMessage().contains("not a directory"));
    }

    @Test
    void zeroFinishedTrialsIsRefused() throws Exception {
        SyntheticRun.write(tmp, List.of());
        ReportException e = assertThrows(ReportException.class, () -> RunData.load(tmp));
        assertTrue(e.getMessage().contains("has no finished trials"), e.getMessage());
    }

    @Test
    void tornAndInvalidLinesOfAnOldJsonlRunAreNamedAndTheRestIsReported() throws Exception {
        Path dir = SyntheticRun.writeJsonl(tmp, SyntheticRun.standard());
        Path file = dir.resolve(TrialsFile.NAME);
        List<String> lines = Files.readAllLines(file);
        lines.set(3, "{not json");
        Files.writeString(file, String.join("\n", lines) + "\n" + "{\"key\":\"torn");
        RunData run = RunData.load(dir);
        assertEquals(15, run.trials().size());
        assertTrue(run.warnings().stream().anyMatch(w -> w.contains("line 4: not a trial record")), run.warnings().toString());
        assertTrue(run.warnings().stream().anyMatch(w -> w.contains("line 17 is torn")), run.warnings().toString());
        assertTrue(run.warnings().stream().anyMatch(w -> w.contains("line 4: not a trial record")), run.warnings().toString());
        Report.Result r = Report.write(run, ReportOptions.DEFAULTS);
        assertTrue(Files.readString(r.dir().resolve("summary.md")).contains("line 17 is torn"));
    }

    @Test
    void curvesOverStepsUseACommonGrid() throws Exception {
        Analysis a = Analysis.of(SyntheticRun.standard(), new ReportOptions(1, ReportOptions.XAxis.STEPS, 0, 200, 0.95, 0));
        Group g = a.groups().get(0);
        assertEquals(200, g.curve().x().length);
        assertEquals(200.0, g.curve().x()[199], 1e-9, "20 episodes of 10 steps");
        assertTrue(a.overSteps());
        assertEquals(TrialStatus.completed, g.completed().get(0).status());
    }
}
