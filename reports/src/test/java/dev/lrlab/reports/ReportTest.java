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
        assertTrue(r.figures().containsAll(List.of("return-curves", "sensitivity", "divergence", "schedules",
                "policy-a-constant", "policy-b-constant")), r.figures().toString());
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
    void tornAndInvalidLinesAreNamedAndTheRestIsReported() throws Exception {
        Path dir = SyntheticRun.write(tmp, SyntheticRun.standard());
        Path file = dir.resolve(TrialsFile.NAME);
        List<String> lines = Files.readAllLines(file);
        lines.set(3, "{not json");
        Files.writeString(file, String.join("\n", lines) + "\n" + "{\"key\":\"torn");
        RunData run = RunData.load(dir);
        assertEquals(15, run.trials().size());
        assertTrue(run.warnings().stream().anyMatch(w -> w.contains("line 4: not a trial record")), run.warnings().toString());
        assertTrue(run.warnings().stream().anyMatch(w -> w.contains("line 17 is torn")), run.warnings().toString());
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
