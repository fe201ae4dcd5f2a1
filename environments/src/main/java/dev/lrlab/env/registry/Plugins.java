package dev.lrlab.env.registry;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Plugin jars outside lrlab's own jar: the launcher runs {@code java -jar}, which ignores the class
 * path, so plugins are named by the system property {@code lrlab.plugins} (which the launcher fills
 * from the {@code plugins/} folder and {@code LRLAB_PLUGINS}): a list, separated as a class path
 * is, of jars and of folders whose jars are all taken, in name order.
 */
public final class Plugins {

    /** The system property that lists plugin jars and folders. */
    public static final String PROPERTY = "lrlab.plugins";

    private Plugins() {
    }

    /** A loader over the plugins the property names, with {@code parent} first; the parent when it names none. */
    public static ClassLoader loader(ClassLoader parent) {
        String list = System.getProperty(PROPERTY, "");
        List<URL> jars = jars(list);
        return jars.isEmpty() ? parent : new URLClassLoader(jars.toArray(URL[]::new), parent);
    }

    /** The jars a list names; every entry must exist (a mistyped path would otherwise drop its kinds unseen). */
    static List<URL> jars(String list) {
        List<URL> out = new ArrayList<>();
        for (String entry : list.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry.trim());
            try {
                if (Files.isDirectory(path)) {
                    try (Stream<Path> files = Files.list(path)) {
                        for (Path jar : files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                            out.add(jar.toUri().toURL());
                        }
                    }
                } else if (Files.isRegularFile(path) && path.getFileName().toString().endsWith(".jar")) {
                    out.add(path.toUri().toURL());
                } else {
                    throw new PluginException("plugin path " + path + (Files.exists(path) ? " is not a jar or a folder"
                            : " does not exist") + " (from " + PROPERTY + " / LRLAB_PLUGINS)");
                }
            } catch (MalformedURLException e) {
                throw new PluginException("plugin path " + path + " cannot be read as a URL: " + e.getMessage());
            } catch (IOException e) {
                throw new PluginException("plugin folder " + path + " cannot be listed: " + e.getMessage());
            }
        }
        return out;
    }
}
