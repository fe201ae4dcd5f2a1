package dev.lrlab.experiments.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.lrlab.agents.config.Parameters;
import dev.lrlab.agents.config.Parameters.Range;
import dev.lrlab.agents.config.Problems;
import dev.lrlab.agents.config.Suggestions;
import dev.lrlab.agents.schedule.Clock;
import dev.lrlab.agents.schedule.ScheduleKinds;
import dev.lrlab.env.Environment;
import dev.lrlab.env.EnvironmentPreset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an experiment spec (YAML or JSON, parsed by Jackson) and validates all of it before
 * anything runs, collecting every mistake with its key's path, what was expected and what was found.
 */
public final class SpecReader {

    private static final List<String> TOP_KEYS = List.of("name", "environment", "agent", "agents",
            "learning-rate", "schedules", "sweep", "budget", "evaluation", "record", "output", "seed");

    private final ScheduleKinds kinds;

    private SpecReader(ScheduleKinds kinds) {
        this.kinds = kinds;
    }

    public static SpecReader of(ScheduleKinds kinds) {
        return new SpecReader(kinds);
    }

    /** Reads a spec file. */
    public ExperimentSpec read(Path file) throws SpecException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new SpecException(file.toString(), List.of("no such file"));
        } catch (IOException e) {
            throw new SpecException(file.toString(), List.of("cannot be read: " + e.getMessage()));
        }
        return parse(text, file.toString());
    }

    /** Parses and validates spec text; {@code source} names it in messages. */
    public ExperimentSpec parse(String text, String source) throws SpecException {
        Object tree;
        try {
            ObjectMapper mapper = source.endsWith(".json") ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
            tree = mapper.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            throw new SpecException(source, List.of(where + "not valid " + (source.endsWith(".json")
                    ? "JSON" : "YAML") + ": " + e.getOriginalMessage()));
        }
        if (!(tree instanceof Map<?, ?> map)) {
            throw new SpecException(source, List.of("a spec is a map of keys (name, environment, agent, "
                    + "sweep, budget, ...), found " + Parameters.describe(tree)));
        }
        Problems problems = new Problems();
        @SuppressWarnings("unchecked")
        Map<String, Object> top = (Map<String, Object>) map;
        ExperimentSpec spec = validate(Parameters.of("", top, problems));
        if (!problems.isEmpty() || spec == null) {
            throw new SpecException(source, problems.messages());
        }
        return spec;
    }

    private ExperimentSpec validate(Parameters p) {
        String name = p.text("name", null);
        if (name == null && !p.has("name")) {
            p.problem("name", "is required (used for the output folder)");
        } else if (name != null && !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            p.problem("name", "must be letters, digits, '.', '_' or '-', was '" + name + "'");
        }

        Budget budget = budget(p);
        int problemsBefore = p.problems().size();
        EnvironmentChoice environment = environment(p, budget == null ? 0 : budget.maxEpisodeSteps());
        Environment probe = environment == null || p.problems().size() > problemsBefore ? null : environment.create();

        Parameters lr = p.child("learning-rate", false);
        Clock clock = Clock.STEPS;
        List<ScheduleChoice> schedules = new ArrayList<>();
        Parameters singleSchedule = null;
        if (lr != null) {
            String clockName = lr.choice("clock", "steps",
                    java.util.Arrays.stream(Clock.values()).map(Clock::id).toList());
            clock = Clock.byId(clockName).orElse(Clock.STEPS);
            singleSchedule = lr.child("schedule", false);
            lr.reportUnknownKeys();
        }
        List<Parameters> many = p.children("schedules", false);
        if (singleSchedule != null && !many.isEmpty()) {
            p.problem("schedules", "give learning-rate.schedule or schedules, not both");
        }
        if (p.has("schedules") && many.isEmpty() && p.raw("schedules") instanceof List<?>) {
            p.problem("schedules", "is empty; give at least one schedule");
        }
        if (many.isEmpty()) {
            Map<String, Object> constant = new LinkedHashMap<>(Map.of("type", "constant"));
            many = List.of(singleSchedule != null ? singleSchedule
                    : Parameters.of("learning-rate.schedule", constant, p.problems()));
        }
        for (Parameters s : many) {
            Object label = s.raw("label");
            Map<String, Object> settings = new LinkedHashMap<>(s.asMap());
            settings.remove("label");
            Parameters check = Parameters.of(s.path(), settings, p.problems());
            if (kinds.create(1.0, check) != null) {
                String type = String.valueOf(settings.get("type"));
                // the resolved settings (every default written out) identify the schedule
                schedules.add(new ScheduleChoice(label instanceof String l ? l : type, check.resolved(), clock));
            }
        }
        requireUniqueLabels(p, "schedules", schedules.stream().map(ScheduleChoice::label).toList());

        List<AgentChoice> agents = agents(p, probe, clock);

        Parameters sweep = p.child("sweep", true);
        double[] rates = sweep == null ? new double[0] : rates(sweep);
        long[] seeds = sweep == null ? new long[0] : seeds(sweep);
        if (sweep != null) {
            sweep.reportUnknownKeys();
        }

        EvaluationSpec evaluation = null;
        Parameters ev = p.child("evaluation", false);
        if (ev != null) {
            evaluation = new EvaluationSpec((int) ev.requiredInteger("every", 1), (int) ev.integer("episodes", 10, 1));
            ev.reportUnknownKeys();
        }
        int diagnosticsEvery = 0;
        Parameters record = p.child("record", false);
        if (record != null) {
            diagnosticsEvery = (int) record.integer("diagnostics-every", 0, 0);
            record.reportUnknownKeys();
        } else if (budget != null) {
            diagnosticsEvery = budget.inSteps() ? 10 : Math.max(1, budget.episodes() / 50);
        }
        String output = p.text("output", null);
        long masterSeed = p.integer("seed", 0, Long.MIN_VALUE);

        for (String key : p.keys()) {
            if (!TOP_KEYS.contains(key)) {
                p.problem(key, "unknown key" + Suggestions.hint(key, TOP_KEYS) + "; known: "
                        + String.join(", ", TOP_KEYS));
            }
        }
        if (!p.problems().isEmpty() || name == null || environment == null || budget == null) {
            return null;
        }
        Path out = Path.of(output != null ? output : "runs/" + name);
        return new ExperimentSpec(name, environment, agents, schedules, rates, seeds, budget, evaluation,
                diagnosticsEvery, out, masterSeed, resolved(name, environment, agents, schedules, clock, rates,
                        seeds, budget, evaluation, diagnosticsEvery, out, masterSeed));
    }

    /**
     * The spec with every default written out, in a form that is itself a valid spec (agents and
     * schedules as lists, seeds and rates as lists): what the manifest records, and what a resumed
     * run is compared with.
     */
    private static Map<String, Object> resolved(String name, EnvironmentChoice environment, List<AgentChoice> agents,
            List<ScheduleChoice> schedules, Clock clock, double[] rates, long[] seeds, Budget budget,
            EvaluationSpec evaluation, int diagnosticsEvery, Path out, long masterSeed) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", name);
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("id", environment.id());
        env.putAll(environment.options());
        r.put("environment", env);
        r.put("agents", agents.stream().map(AgentChoice::settings).toList());
        r.put("learning-rate", ordered("clock", clock.id()));
        r.put("schedules", schedules.stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", s.label());
            m.putAll(s.settings());
            return m;
        }).toList());
        r.put("sweep", ordered("learning-rates", java.util.Arrays.stream(rates).boxed().toList(),
                "seeds", java.util.Arrays.stream(seeds).boxed().toList()));
        Map<String, Object> b = new LinkedHashMap<>();
        if (budget.inSteps()) {
            b.put("steps", budget.steps());
        } else {
            b.put("episodes", budget.episodes());
        }
        if (budget.maxEpisodeSteps() > 0) {
            b.put("max-episode-steps", budget.maxEpisodeSteps());
        }
        r.put("budget", b);
        if (evaluation != null) {
            r.put("evaluation", ordered("every", evaluation.every(), "episodes", evaluation.episodes()));
        }
        r.put("record", ordered("diagnostics-every", diagnosticsEvery));
        r.put("output", out.toString());
        r.put("seed", masterSeed);
        return r;
    }

    /** A map that keeps its keys in the order given (Map.of does not), for stable output. */
    static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /** The environment and its options; null with problems recorded when it is not usable. */
    private EnvironmentChoice environment(Parameters p, int maxEpisodeSteps) {
        Object raw = p.raw("environment");
        if (raw instanceof String id) {
            EnvironmentPreset preset = lookUp(p, "environment", id);
            return preset == null ? null : new EnvironmentChoice(id, Map.of(), preset::create, maxEpisodeSteps);
        }
        if (raw instanceof Map<?, ?>) {
            Parameters env = p.child("environment", true);
            String id = env.text("id", null);
            if (id == null) {
                if (!env.has("id")) {
                    env.problem("id", "is required; one of " + String.join(", ", EnvironmentPreset.ids()));
                }
                return null;
            }
            EnvironmentPreset preset = lookUp(p, "environment.id", id);
            if (preset == null) {
                return null;
            }
            Map<String, Object> options = new LinkedHashMap<>(env.asMap());
            options.remove("id");
            var factory = EnvironmentOptions.read(preset, env);
            return new EnvironmentChoice(id, options, factory, maxEpisodeSteps);
        }
        if (raw == null) {
            p.problem("environment", "is required; one of " + String.join(", ", EnvironmentPreset.ids()));
        } else {
            p.problem("environment", "must be an id or a map with an id, was " + Parameters.describe(raw));
        }
        return null;
    }

    private static EnvironmentPreset lookUp(Parameters p, String path, String id) {
        return EnvironmentPreset.byId(id).orElseGet(() -> {
            p.problems().add(path, "unknown environment '" + id + "'" + Suggestions.hint(id, EnvironmentPreset.ids())
                    + "; known: " + String.join(", ", EnvironmentPreset.ids()));
            return null;
        });
    }

    private List<AgentChoice> agents(Parameters p, Environment probe, Clock clock) {
        boolean one = p.has("agent");
        boolean many = p.has("agents");
        List<Parameters> specs = new ArrayList<>();
        if (one && many) {
            p.problem("agents", "give agent or agents, not both");
        } else if (one) {
            Parameters a = p.child("agent", true);
            if (a != null) {
                specs.add(a);
            }
        } else if (many) {
            specs = p.children("agents", true);
            if (specs.isEmpty() && p.raw("agents") instanceof List<?>) {
                p.problem("agents", "is empty; give at least one agent");
            }
        } else {
            p.problem("agent", "is required (or agents, a list); types: " + String.join(", ", AgentSpecs.TYPES));
        }
        List<AgentChoice> out = new ArrayList<>();
        for (Parameters a : specs) {
            // with an unknown environment, the agent's own keys are still checked
            AgentChoice choice = probe == null
                    ? AgentSpecs.read(a, "?", null, 0, clock, kinds)
                    : AgentSpecs.read(a, probe.id(), probe.observationSpace(), probe.actionCount(), clock, kinds);
            if (choice != null) {
                out.add(choice);
            }
        }
        requireUniqueLabels(p, "agents", out.stream().map(AgentChoice::label).toList());
        return out;
    }

    private static void requireUniqueLabels(Parameters p, String key, List<String> labels) {
        for (int i = 0; i < labels.size(); i++) {
            if (labels.indexOf(labels.get(i)) != i) {
                p.problem(key, "two entries are labelled '" + labels.get(i) + "'; give each a distinct label");
                return;
            }
        }
    }

    private static double[] rates(Parameters sweep) {
        Object raw = sweep.raw("learning-rates");
        if (raw instanceof Map<?, ?>) {
            Parameters ls = sweep.child("learning-rates", true);
            Parameters log = ls.child("log-space", true);
            ls.reportUnknownKeys();
            if (log == null) {
                return new double[0];
            }
            double from = log.requiredNumber("from", Range.POSITIVE);
            double to = log.requiredNumber("to", Range.POSITIVE);
            long count = log.requiredInteger("count", 1);
            log.reportUnknownKeys();
            if (Double.isNaN(from) || Double.isNaN(to)) {
                return new double[0];
            }
            double[] out = new double[(int) count];
            for (int i = 0; i < count; i++) {
                out[i] = count == 1 ? from : Math.exp(Math.log(from) + (Math.log(to) - Math.log(from)) * i / (count - 1));
            }
            return out;
        }
        if (raw == null) {
            sweep.problem("learning-rates", "is required: a list of rates > 0, or {log-space: {from, to, count}}");
            return new double[0];
        }
        double[] rates = sweep.numbers("learning-rates", Range.POSITIVE, true);
        if (raw instanceof List<?> l && l.isEmpty()) {
            sweep.problem("learning-rates", "is empty; give at least one rate");
        }
        for (int i = 0; i < rates.length; i++) {
            for (int j = 0; j < i; j++) {
                if (rates[i] == rates[j]) {
                    sweep.problem("learning-rates[" + i + "]", "repeats " + rates[i]);
                }
            }
        }
        return rates;
    }

    private static long[] seeds(Parameters sweep) {
        Object raw = sweep.raw("seeds");
        if (raw == null) {
            sweep.problem("seeds", "is required: a count (>= 1) or a list of seeds");
            return new long[0];
        }
        if (raw instanceof List<?> list) {
            long[] out = new long[list.size()];
            if (list.isEmpty()) {
                sweep.problem("seeds", "is empty; give at least one seed");
            }
            for (int i = 0; i < out.length; i++) {
                Object v = list.get(i);
                Double d = v instanceof Boolean ? null : Parameters.asDouble(v);
                if (d == null || d != Math.rint(d)) {
                    sweep.problem("seeds[" + i + "]", "must be an integer, was " + Parameters.describe(v));
                    return new long[0];
                }
                out[i] = d.longValue();
                for (int j = 0; j < i; j++) {
                    if (out[j] == out[i]) {
                        sweep.problem("seeds[" + i + "]", "repeats seed " + out[i]);
                    }
                }
            }
            return out;
        }
        long count = sweep.requiredInteger("seeds", 1);
        long[] out = new long[(int) Math.min(count, 1_000_000)];
        for (int i = 0; i < out.length; i++) {
            out[i] = i;
        }
        return out;
    }

    private static Budget budget(Parameters p) {
        Parameters b = p.child("budget", true);
        if (b == null) {
            return null;
        }
        boolean episodes = b.has("episodes");
        boolean steps = b.has("steps");
        if (episodes == steps) {
            b.problem(episodes ? "steps" : "episodes", episodes
                    ? "give episodes or steps, not both" : "is required (or steps)");
        }
        long e = episodes ? b.requiredInteger("episodes", 1) : 0;
        long s = steps ? b.requiredInteger("steps", 1) : 0;
        if (e > 10_000_000) {
            b.problem("episodes", "must be at most 10000000, was " + e);
        }
        int limit = (int) b.integer("max-episode-steps", 0, 1);
        b.reportUnknownKeys();
        return new Budget((int) Math.min(e, Integer.MAX_VALUE), s, limit);
    }
}
