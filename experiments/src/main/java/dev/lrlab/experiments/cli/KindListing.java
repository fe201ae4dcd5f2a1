package dev.lrlab.experiments.cli;

import com.google.gson.GsonBuilder;
import dev.lrlab.env.registry.Key;
import dev.lrlab.env.registry.Kind;
import dev.lrlab.env.registry.Registry;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The listing of a registry's kinds that {@code envs}, {@code agents}, {@code schedules} and
 * {@code optimizers} print: each kind's name and summary, then every key with its type, default
 * and documentation, all read from the registry, so the listing cannot drift from the code.
 */
final class KindListing {

    /** The options every list verb takes. */
    static final class Options {
        @Parameters(paramLabel = "NAME", arity = "0..1", description = "show only this kind")
        String name;

        @Option(names = "--json", description = "print JSON instead of text")
        boolean json;
    }

    private KindListing() {
    }

    /** Prints the kinds of {@code registry} (or the one named in the options) under a heading, if given. */
    static void print(PrintWriter out, Registry<? extends Kind> registry, Options options, String heading) {
        List<? extends Kind> kinds = selected(registry, options);
        if (options.json) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (Kind kind : kinds) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", kind.name());
                m.put("summary", kind.summary());
                List<Map<String, Object>> keys = new ArrayList<>();
                for (Key key : kind.keys()) {
                    Map<String, Object> k = new LinkedHashMap<>();
                    k.put("name", key.name());
                    k.put("type", key.typeLabel());
                    k.put("default", key.defaultLabel());
                    k.put("doc", key.doc());
                    keys.add(k);
                }
                m.put("keys", keys);
                list.add(m);
            }
            out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(list));
            return;
        }
        if (heading != null) {
            out.println(heading);
        }
        int width = kinds.stream().mapToInt(k -> k.name().length()).max().orElse(0);
        for (Kind kind : kinds) {
            out.printf("%-" + width + "s  %s%n", kind.name(), kind.summary());
            int keyWidth = kind.keys().stream().mapToInt(k -> k.name().length()).max().orElse(0);
            int typeWidth = kind.keys().stream().mapToInt(k -> k.typeLabel().length()).max().orElse(0);
            int defaultWidth = kind.keys().stream().mapToInt(k -> k.defaultLabel().length()).max().orElse(0);
            for (Key key : kind.keys()) {
                out.printf("    %-" + keyWidth + "s  %-" + typeWidth + "s  %-" + defaultWidth + "s  %s%n", key.name(),
                        key.typeLabel(), key.defaultLabel(), key.doc());
            }
        }
        out.flush();
    }

    private static List<? extends Kind> selected(Registry<? extends Kind> registry, Options options) {
        if (options.name == null) {
            return registry.all();
        }
        return List.of(registry.byName(options.name).orElseThrow(
                () -> new UserInputException(registry.unknown(options.name))));
    }
}
