package dev.lrlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's choice of compilers: the quick one alone for a report of a small run, both for a
 * large run's report and for every other verb. The launcher is run from a copy next to a stand-in
 * jar, with a {@code java} on the path that writes the arguments it was given.
 */
class LauncherTest {

    @TempDir
    Path tmp;

    private String javaArgumentsFor(String... args) throws Exception {
        Path root = tmp.resolve("root");
        Files.createDirectories(root.resolve("experiments/target"));
        Files.writeString(root.resolve("experiments/target/lrlab.jar"), "a stand-in");
        Files.copy(Path.of("..", "lrlab"), root.resolve("lrlab"));
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path java = bin.resolve("java");
        Path said = tmp.resolve("java-args.txt");
        Files.writeString(java, "#!/usr/bin/env bash\nprintf '%s\\n' \"$@\" > '" + said + "'\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        String[] command = new String[args.length + 2];
        command[0] = "bash";
        command[1] = root.resolve("lrlab").toString();
        System.arraycopy(args, 0, command, 2, args.length);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().remove("LRLAB_JAVA_OPTS");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), output);
        return Files.readString(said);
    }

    private Path runWithPlanned(String name, long planned) throws Exception {
        Path run = Files.createDirectories(tmp.resolve(name));
        Files.writeString(run.resolve("manifest.json"), "{\n  \"name\": \"x\",\n  \"trials_planned\": " + planned + "\n}\n");
        return run;
    }

    @Test
    void aSmallRunsReportGetsTheQuickCompilerAlone() throws Exception {
        String args = javaArgumentsFor("report", runWithPlanned("small", 30_000).toString());
        assertTrue(args.contains("-XX:TieredStopAtLevel=1"), args);
        assertTrue(args.contains("-XX:Tier3InvocationThreshold=1000"), args);
    }

    @Test
    void aLargeRunsReportKeepsTheOptimisingCompiler() throws Exception {
        String args = javaArgumentsFor("report", "--resamples", "2000", runWithPlanned("large", 1_000_020).toString());
        assertFalse(args.contains("TieredStopAtLevel"), args);
        assertTrue(args.contains("-XX:+UseParallelGC"), args);
    }

    @Test
    void otherVerbsKeepBothCompilers() throws Exception {
        String args = javaArgumentsFor("run", runWithPlanned("sweep", 10).toString());
        assertFalse(args.contains("TieredStopAtLevel"), args);
        assertTrue(args.contains("--add-modules\njdk.incubator.vector"), args);
    }
}
