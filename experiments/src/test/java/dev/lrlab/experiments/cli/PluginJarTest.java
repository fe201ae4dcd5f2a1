package dev.lrlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lrlab.env.registry.Plugins;
import dev.lrlab.reports.results.TrialRecord;
import dev.lrlab.reports.results.TrialStatus;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin as a user ships one: a jar built apart from lrlab (here compiled from source by the
 * test), named by {@code lrlab.plugins} as the launcher names the {@code plugins/} folder, adding
 * an agent kind and a schedule kind that {@code agents}, {@code schedules} and a sweep then use.
 */
class PluginJarTest {

    private static final String PROVIDER = """
            package org.example.lrlabplugin;

            import dev.lrlab.agents.Agent;
            import dev.lrlab.agents.AgentKind;
            import dev.lrlab.agents.schedule.ScheduleKind;
            import dev.lrlab.env.Environment;
            import dev.lrlab.env.registry.Key;
            import dev.lrlab.env.registry.Kind;
            import dev.lrlab.env.registry.KindProvider;
            import java.util.List;

            public final class RightwardKinds implements KindProvider {
                static final Key MOVE = Key.integer("move", 1, 0, "the action it always takes");

                @Override
                public List<Kind> kinds() {
                    return List.of(
                        AgentKind.of("plugin-always", "always takes one action", List.of(MOVE), 0.1, (p, setting) -> {
                            int move = (int) p.integer(MOVE);
                            return (env, context) -> new Agent() {
                                public int start(Environment e) { return move; }
                                public int step(double reward, Environment e) { return move; }
                                public int greedyAction(Environment e) { return move; }
                            };
                        }),
                        ScheduleKind.of("plugin-halved", "half the base rate at every t", List.of(),
                                (p, kinds) -> base -> t -> base / 2));
                }
            }
            """;

    @TempDir
    Path tmp;

    @AfterEach
    void forgetThePlugins() {
        System.clearProperty(Plugins.PROPERTY);
    }

    private Path pluginJar() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src/org/example/lrlabplugin"));
        Path java = Files.writeString(src.resolve("RightwardKinds.java"), PROVIDER);
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "the JDK's compiler");
        StringWriter diagnostics = new StringWriter();
        boolean ok = javac.getTask(diagnostics, null, null, List.of("-cp", System.getProperty("java.class.path"), "-d",
                classes.toString()), null, javac.getStandardFileManager(null, null, null)
                .getJavaFileObjects(java.toFile())).call();
        assertTrue(ok, diagnostics.toString());
        Path jar = Files.createDirectories(tmp.resolve("plugins")).resolve("rightward.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("META-INF/services/dev.lrlab.env.registry.KindProvider"));
            out.write("org.example.lrlabplugin.RightwardKinds\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    @Test
    void aPluginFolderAddsKindsThatListingsShowAndSweepsUse() throws Exception {
        Path jar = pluginJar();
        // not on the test's class path: without the property, the kinds are unknown
        assertTrue(!CliRunner.run("agents").out().contains("plugin-always"));
        System.setProperty(Plugins.PROPERTY, jar.getParent().toString());
        assertTrue(CliRunner.run("agents").out().contains("plugin-always"), "listed by agents");
        assertTrue(CliRunner.run("schedules").out().contains("plugin-halved"), "listed by schedules");
        Path spec = Files.writeString(tmp.resolve("spec.yaml"), """
                name: plugged
                environment: open-room
                agents: [{ type: plugin-always, move: 1, label: right }, { type: plugin-always, move: 2, label: down }]
                learning-rate: { schedule: { type: plugin-halved } }
                sweep: { learning-rates: [0.1, 0.2], seeds: 2 }
                budget: { episodes: 3 }
                """);
        Path dir = tmp.resolve("run");
        CliRunner r = CliRunner.run("run", spec.toString(), "--out", dir.toString(), "--no-report");
        assertEquals(0, r.exitCode(), r.err());
        List<TrialRecord> trials = dev.lrlab.reports.results.RunResults.read(dir).records();
        assertEquals(8, trials.size());
        // always right (or always down) in the open room hits the wall and never reaches the far corner
        assertTrue(trials.stream().allMatch(t -> t.status() == TrialStatus.completed && t.lengths()[0] == 100),
                trials.toString());
    }

    @Test
    void aMissingPluginPathIsNamedWithExitTwo() {
        System.setProperty(Plugins.PROPERTY, tmp.resolve("nowhere.jar").toString());
        CliRunner r = CliRunner.run("agents");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("plugin path " + tmp.resolve("nowhere.jar") + " does not exist"), r.err());
    }

    @Test
    void aJarWhoseRegistrationNamesNoClassIsNamedWithExitTwo() throws Exception {
        Path jar = tmp.resolve("broken.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry("META-INF/services/dev.lrlab.env.registry.KindProvider"));
            out.write("org.example.Missing\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        System.setProperty(Plugins.PROPERTY, jar.toString());
        CliRunner r = CliRunner.run("agents");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("a plugin cannot be loaded") && r.err().contains("org.example.Missing"), r.err());
        assertTrue(!r.err().contains("\tat "), r.err());
    }
}
