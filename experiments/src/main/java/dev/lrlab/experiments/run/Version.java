package dev.lrlab.experiments.run;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** lrlab's version and build commit (from resources the build fills in), and the JVM's. */
public final class Version {

    private static final Properties BUILD = load();

    private Version() {
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/lrlab-build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // no build information: the getters say "unknown"
        }
        return p;
    }

    public static String lrlab() {
        return BUILD.getProperty("version", "unknown");
    }

    /** The git commit of the checkout lrlab runs from (the launcher passes it), or null. */
    public static String gitCommit() {
        String c = System.getProperty("lrlab.commit", "");
        return c.isBlank() ? null : c;
    }

    public static String jvm() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.version");
    }
}
