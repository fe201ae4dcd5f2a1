package dev.lrlab.experiments.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.lrlab.experiments.cli.Lrlab;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded, bounded fuzzing of specs: the example specs with random values put in, keys removed and
 * added, run through {@code validate}, and the accepted ones run for a few episodes with their
 * report. No input may end in an internal error or a stack trace; every refusal exits 2. Inputs
 * that once failed are kept in {@code spec-regressions/} and checked by name.
 */
class SpecFuzzTest {

    /** Specs tried (more with -Dlrlab.fuzz.specs=N, another corpus with -Dlrlab.fuzz.seed=S, for a longer hunt). */
    private static final int SPECS = Integer.getInteger("lrlab.fuzz.specs", 400);
    private static final long SEED = Long.getLong("lrlab.fuzz.seed", 20261130L);
    private static final int RUNS = Integer.getInteger("lrlab.fuzz.runs", 12);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** A problem line that says where: "  agent.gamma: ...", "  sweep.seeds[0]: ...", or "line 3, column 5: ...". */
    private static final java.util.regex.Pattern PLACED = java.util.regex.Pattern.compile(
            "^\\s*([a-z][a-z0-9-]*(\\[\\d+\\])?([.][a-z0-9.-]+(\\[\\d+\\])?)*|line \\d+, column \\d+|[a-z-]+ / [^:]+): ");

    private static final List<Object> VALUES = List.of(0, 1, -1, 2, 3, 100, 2147483647, 2147483648L, 4294967297L,
            Long.MAX_VALUE, Long.MIN_VALUE, 0.5, -0.5, 1.5, 4.9e-324, 1e308, 1e30, -0.0, "", "x", "2^-3", "2^ -3",
            "1e-4", "NaN", "Infinity", "-inf", "x".repeat(5000), "q-learning", "linear-sarsa", "reinforce", "constant",
            "cosine", "reduce-on-plateau", "adam", "softmax", "tile-coding", "breakout", "short-corridor", "αβγ", "steps",
            "episodes", "visits", true, false);
    private static final List<String> KEYS = List.of("gamma", "epsilon", "temperature", "type", "t-max", "sticky",
            "seeds", "learning-rates", "every", "episodes", "steps", "label", "clock", "schedule", "value", "tilings",
            "monitor", "then", "schedules", "boundaries", "factors", "optimizer", "features", "exploration",
            "agent.gamma", "agent.exploration.epsilon", "environment.slip", "learning-rate.schedule.t-max",
            "max-episode-steps", "time-limit", "slip", "critic-rate", "initial-preferences", "id", "beta1", "amsgrad");

    @TempDir
    Path tmp;

    @Test
    void noInputEndsInAnInternalError() throws Exception {
        List<Map<String, Object>> seeds = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("examples"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                seeds.add(cast(YAML.readValue(f.toFile(), Object.class)));
            }
        }
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(SEED);
        int accepted = 0;
        int refused = 0;
        int named = 0;
        List<String> unnamed = new ArrayList<>();
        int ran = 0;
        List<String> internal = new ArrayList<>();
        for (int i = 0; i < SPECS; i++) {
            Map<String, Object> spec = copy(seeds.get(rng.nextInt(seeds.size())));
            for (int m = 0, n = 1 + rng.nextInt(3); m < n; m++) {
                mutate(spec, rng);
            }
            Path file = tmp.resolve("fuzz-" + i + ".yaml");
            Files.writeString(file, YAML.writeValueAsString(spec));
            Outcome v = lrlab("validate", file.toString(), "--estimate-seconds", "0.02");
            if (v.code == 0) {
                accepted++;
                if (ran < RUNS) {
                    // a few episodes of every accepted spec would take too long; a sample runs, with its report
                    Map<String, Object> small = shrunk(spec);
                    Path smallFile = tmp.resolve("run-" + i + ".yaml");
                    Files.writeString(smallFile, YAML.writeValueAsString(small));
                    Outcome r = lrlab("run", smallFile.toString(), "--out", tmp.resolve("run-" + i).toString(),
                            "--threads", "2", "--yes");
                    ran++;
                    if (r.code != 0 && !(r.code == 2 && r.err.contains("problem"))) {
                        internal.add("run " + i + " (exit " + r.code + "): " + r.err + "\n" + Files.readString(smallFile));
                    }
                }
            } else if (v.code == 2) {
                refused++;
                // every problem line names where it is: a key path, or a line and column of the file
                List<String> lines = v.err.lines().skip(1).toList();
                if (!lines.isEmpty() && lines.stream().allMatch(l -> PLACED.matcher(l).find())) {
                    named++;
                } else {
                    unnamed.add(v.err);
                }
            } else {
                internal.add("validate " + i + " (exit " + v.code + "): " + v.err + "\n" + Files.readString(file));
            }
            if (v.err.contains("\tat ") || v.err.contains("Exception") || v.err.contains("internal error")) {
                internal.add("validate " + i + " printed a trace: " + v.err + "\n" + Files.readString(file));
            }
        }
        System.out.printf("fuzz: %d specs, %d accepted (%d run), %d refused (%d naming the place of every problem), "
                + "%d internal errors%n", SPECS, accepted, ran, refused, named, internal.size());
        unnamed.stream().limit(5).forEach(u -> System.out.println("unplaced: " + u));
        assertTrue(internal.isEmpty(), internal.size() + " internal errors, the first:\n" + (internal.isEmpty() ? ""
                : internal.get(0)));
        assertEquals(SPECS, accepted + refused);
        assertEquals(refused, named, "a refusal without the place of a problem:\n" + (unnamed.isEmpty() ? "" : unnamed.get(0)));
        assertTrue(accepted > 20 && refused > 100, "the fuzzing reaches both sides: " + accepted + " accepted, "
                + refused + " refused");
    }

    /** A few episodes on one seed, so that an accepted spec runs quickly. */
    private static Map<String, Object> shrunk(Map<String, Object> spec) {
        Map<String, Object> out = copy(spec);
        out.put("budget", new LinkedHashMap<>(Map.of("episodes", 3, "max-episode-steps", 200)));
        if (out.get("sweep") instanceof Map<?, ?> sweep) {
            Map<String, Object> s = cast(sweep);
            s.put("seeds", 1);
        }
        out.remove("evaluation");
        return out;
    }

    private static void mutate(Map<String, Object> spec, UniformRandomProvider rng) {
        List<Object[]> places = new ArrayList<>(); // {container, key or index}
        collect(spec, places);
        Object[] place = places.get(rng.nextInt(places.size()));
        switch (rng.nextInt(4)) {
            case 0 -> set(place, randomValue(rng, 2));
            case 1 -> remove(place);
            case 2 -> {
                List<Map<String, Object>> maps = new ArrayList<>();
                maps.add(spec);
                places.stream().filter(p -> get(p) instanceof Map<?, ?>).forEach(p -> maps.add(cast(get(p))));
                maps.get(rng.nextInt(maps.size())).put(KEYS.get(rng.nextInt(KEYS.size())), randomValue(rng, 2));
            }
            default -> set(place, new ArrayList<>(java.util.Collections.singletonList(get(place))));
        }
    }

    private static Object randomValue(UniformRandomProvider rng, int depth) {
        int kind = depth == 0 ? 0 : rng.nextInt(6);
        if (kind <= 2) {
            return VALUES.get(rng.nextInt(VALUES.size()));
        }
        if (kind == 3) {
            return null;
        }
        if (kind == 4) {
            List<Object> list = new ArrayList<>();
            for (int i = 0, n = rng.nextInt(4); i < n; i++) {
                list.add(randomValue(rng, depth - 1));
            }
            return list;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0, n = rng.nextInt(3); i < n; i++) {
            map.put(KEYS.get(rng.nextInt(KEYS.size())), randomValue(rng, depth - 1));
        }
        return map;
    }

    private static void collect(Object node, List<Object[]> out) {
        if (node instanceof Map<?, ?> map) {
            for (Object k : map.keySet()) {
                out.add(new Object[] {node, k});
                collect(map.get(k), out);
            }
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                out.add(new Object[] {node, i});
                collect(list.get(i), out);
            }
        }
    }

    private static Object get(Object[] place) {
        return place[0] instanceof Map<?, ?> m ? m.get(place[1]) : ((List<?>) place[0]).get((Integer) place[1]);
    }

    @SuppressWarnings("unchecked")
    private static void set(Object[] place, Object value) {
        if (place[0] instanceof Map<?, ?> m) {
            ((Map<Object, Object>) m).put(place[1], value);
        } else {
            ((List<Object>) place[0]).set((Integer) place[1], value);
        }
    }

    @SuppressWarnings("unchecked")
    private static void remove(Object[] place) {
        if (place[0] instanceof Map<?, ?> m) {
            m.remove(place[1]);
        } else {
            ((List<Object>) place[0]).remove((int) (Integer) place[1]);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object o) {
        return (Map<String, Object>) o;
    }

    private static Map<String, Object> copy(Map<String, Object> map) {
        return SpecReader.copyMap(map);
    }

    private record Outcome(int code, String out, String err) {
    }

    private static Outcome lrlab(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Lrlab.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    static Stream<Path> regressions() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/spec-regressions"))) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    /**
     * Each kept input says on its first line what it must give: {@code # exit 2: message} or
     * {@code # exit 0}.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("regressions")
    void aKeptInputStillGivesWhatItSays(Path file) throws Exception {
        String first = Files.readAllLines(file).get(0);
        assertTrue(first.startsWith("# exit "), file + " must start with '# exit N[: message]'");
        int code = Integer.parseInt(first.substring(7, 8));
        String message = first.length() > 10 ? first.substring(10) : "";
        Outcome v = lrlab("validate", file.toString(), "--estimate-seconds", "0.02");
        assertEquals(code, v.code, v.err);
        assertTrue(v.err.contains(message), "expected «" + message + "» in:\n" + v.err);
        assertTrue(!v.err.contains("\tat ") && !v.err.contains("Exception"), v.err);
    }
}
