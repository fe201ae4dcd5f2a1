package dev.lrlab.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens report.html in real headless Chromium (Debian's chromium package, which .ci/run installs)
 * and checks, from the DOM Chromium built and from a screenshot, that the figures are there. Skipped,
 * with a message saying so, only when no Chromium is installed.
 */
class ChromiumRenderTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    Path tmp;

    private static List<String> chromium(Path profile, String... args) {
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile));
        cmd.addAll(List.of(args));
        return cmd;
    }

    @Test
    void reportRendersWithItsFigures() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            System.err.println("SKIPPED ChromiumRenderTest: " + CHROMIUM + " is not installed (apt-get install chromium)");
        }
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at " + CHROMIUM);
        Path dir = SyntheticRun.write(Files.createDirectories(tmp.resolve("run")), SyntheticRun.standard());
        Report.Result r = Report.write(RunData.load(dir), ReportOptions.DEFAULTS);
        String url = r.dir().resolve("report.html").toUri().toString();

        Path dom = tmp.resolve("dom.html");
        Process p = new ProcessBuilder(chromium(tmp.resolve("profile1"), "--dump-dom", url))
                .redirectOutput(dom.toFile()).redirectError(tmp.resolve("err1.txt").toFile()).start();
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "chromium --dump-dom did not finish");
        String html = Files.readString(dom, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("<figure id=\"([a-z0-9-]+)\">\\s*<svg").matcher(html);
        List<String> rendered = new ArrayList<>();
        while (m.find()) {
            rendered.add(m.group(1));
        }
        assertEquals(r.figures(), rendered, "figures in the DOM Chromium built");

        Path shot = tmp.resolve("shot.png");
        p = new ProcessBuilder(chromium(tmp.resolve("profile2"), "--screenshot=" + shot, "--window-size=1100,1400",
                "--hide-scrollbars", url)).redirectErrorStream(true).redirectOutput(tmp.resolve("err2.txt").toFile()).start();
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "chromium --screenshot did not finish");
        BufferedImage image = ImageIO.read(shot.toFile());
        // the figures are drawn: a page of text alone has no coloured pixels at all
        int coloured = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y);
                int red = (rgb >> 16) & 0xFF;
                int green = (rgb >> 8) & 0xFF;
                int blue = rgb & 0xFF;
                if (Math.max(red, Math.max(green, blue)) - Math.min(red, Math.min(green, blue)) > 40) {
                    coloured++;
                }
            }
        }
        assertTrue(coloured > 500, "the screenshot shows too few coloured pixels (" + coloured + "): no figure?");
    }
}
