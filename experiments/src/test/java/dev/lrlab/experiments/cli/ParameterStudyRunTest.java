package dev.lrlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A parameter study runs, resumes and reports like any spec, with its own figure. */
class ParameterStudyRunTest {

    @TempDir
    Path tmp;

    @Test
    void aStudyRunsResumesAndDrawsItsParameterStudy() throws Exception {
        Path spec = Files.writeString(tmp.resolve("study.yaml"),
                dev.lrlab.experiments.spec.ParameterStudySpecTestAccess.STUDY);
        Path out = tmp.resolve("run");
        CliRunner r = CliRunner.run("run", spec.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue((r.out() + r.err()).contains("21 trials: 21 completed"), r.out() + r.err());
        Path report = out.resolve("report");
        assertTrue(Files.size(report.resolve("parameter-study.png")) > 1000);
        assertFalse(Files.exists(report.resolve("sensitivity.png")), "a shared x would mean nothing here");
        String html = Files.readString(report.resolve("report.html"));
        assertTrue(html.contains("epsilon-greedy / inverse-time (epsilon)"), "each line names its own parameter");
        // the manifest's spec reads back as the same trials: a second run finds them all done
        CliRunner again = CliRunner.run("run", spec.toString(), "--out", out.toString());
        assertEquals(0, again.exitCode(), again.err());
        assertTrue((again.out() + again.err()).contains("21 trials, all already done: nothing was run"),
                again.out() + again.err());
    }
}
