package dev.lrlab.experiments.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.lrlab.agents.AgentBlueprint;
import dev.lrlab.agents.AgentKind;
import dev.lrlab.agents.Registries;
import dev.lrlab.agents.schedule.Clock;
import dev.lrlab.agents.schedule.ScheduleBlueprint;
import dev.lrlab.agents.schedule.ScheduleKind;
import dev.lrlab.env.Environment;
import dev.lrlab.env.EnvironmentKind;
import dev.lrlab.env.registry.Key;
import dev.lrlab.env.registry.Parameters;
import dev.lrlab.env.registry.Parameters.Range;
import dev.lrlab.env.registry.Problems;
import dev.lrlab.env.registry.Suggestions;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads an experiment spec (YAML or JSON, parsed by Jackson) into an {@link ExperimentPlan},
 * validating all of it before anything runs and collecting every mistake with its key's path,
 * what was expected and what was found.
 *
 * <p>A sweep may vary any setting under {@code environment}, {@code agent} and
 * {@code learning-rate} by its path. Each point of the sweep is the spec with those paths set; the
 * environment, each agent and each schedule are read once per distinct content, so a sweep over
 * epsilon reads the environment once and each agent once per epsilon. A mistake that only some
 * points make is reported with the point; a mistake in a swept value names the value in the sweep.
 */
public final class SpecReader {

    private static final List<String> TOP_KEYS = List.of("name", "environment", "agent", "agents",
            "learning-rate", "schedules", "sweep", "search", "budget", "evaluation", "record", "output", "seed");
    private static final List<String> SWEEPABLE = List.of("environment", "agent", "learning-rate");
    /** A spec is a page of settings; larger files are refused before they are parsed. */
    private static final int MAX_SPEC_BYTES = 1_000_000;
    /** Labels name lines in figures and rows in tables. */
    private static final int MAX_LABEL = 200;
    /** Steps after which an episode is truncated when neither its environment nor the budget limits it. */
    public static final int DEFAULT_EPISODE_CAP = 100_000;
    /** The most trials one spec may plan. */
    static final long MAX_TRIALS = 100_000_000;
    /** The most seeds a count may ask for. */
    static final long MAX_SEEDS = 1_000_000;
    /** Learning rates beyond these are not step sizes any agent or figure can use. */
    private static final Range RATES = new Range(1e-30, false, 1e30, false);
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .build();

    private final Registries registries;

    private SpecReader(Registries registries) {
        this.registries = registries;
    }

    public static SpecReader of(Registries registries) {
        return new SpecReader(registries);
    }

    /** Reads a spec file. */
    public ExperimentPlan read(Path file) throws SpecException {
        return read(file, List.of());
    }

    /** Reads a spec file with overrides ({@code budget.steps=5000000}), as {@link #parse(String, String, List)}. */
    public ExperimentPlan read(Path file, List<String> overrides) throws SpecException {
        String text;
        try {
            if (Files.size(file) > MAX_SPEC_BYTES) {
                throw new SpecException(file.toString(), List.of("is larger than " + MAX_SPEC_BYTES / 1_000_000
                        + " MB; a spec is a page of settings"));
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new SpecException(file.toString(), List.of("no such file"));
        } catch (CharacterCodingException e) {
            throw new SpecException(file.toString(), List.of("is not valid UTF-8 text"));
        } catch (IOException e) {
            throw new SpecException(file.toString(), List.of("cannot be read: " + e.getMessage()));
        }
        return parse(text, file.toString(), overrides);
    }

    /** Parses and validates spec text; {@code source} names it in messages. */
    public ExperimentPlan parse(String text, String source) throws SpecException {
        return parse(text, source, List.of());
    }

    /**
     * Parses spec text, sets each override {@code PATH=VALUE} (the value read as YAML: a number, a
     * word, a list, a map), then validates: the result is what the file would say with those lines
     * changed, and the run's manifest keeps it.
     */
    public ExperimentPlan parse(String text, String source, List<String> overrides) throws SpecException {
        if (text.length() > MAX_SPEC_BYTES) {
            throw new SpecException(source, List.of("is larger than " + MAX_SPEC_BYTES / 1_000_000
                    + " MB; a spec is a page of settings"));
        }
        boolean json = source.endsWith(".json");
        Object tree;
        try {
            ObjectMapper mapper = json ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
            refuseAliasesDuplicatesAndMoreDocuments(mapper, text, source);
            mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            tree = mapper.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            throw new SpecException(source, List.of(where + "not valid " + (json ? "JSON" : "YAML") + ": "
                    + e.getOriginalMessage()));
        }
        if (!(tree instanceof Map<?, ?> map)) {
            throw new SpecException(source, List.of("a spec is a map of keys (name, environment, agent, "
                    + "sweep, budget, ...), found " + Parameters.describe(tree)));
        }
        Problems problems = new Problems();
        @SuppressWarnings("unchecked")
        Map<String, Object> top = (Map<String, Object>) map;
        List<String> wrong = new ArrayList<>();
        for (String o : overrides) {
            String error = override(top, o);
            if (error != null) {
                wrong.add("--set " + o + ": " + error);
            }
        }
        if (!wrong.isEmpty()) {
            throw new SpecException(source, wrong);
        }
        if (isStudy(top)) {
            return study(top, source);
        }
        if (top.containsKey("search")) {
            return search(top, source);
        }
        ExperimentPlan plan = new Reading(Parameters.of("", top, problems)).plan();
        if (!problems.isEmpty() || plan == null) {
            throw new SpecException(source, problems.messages());
        }
        return plan;
    }

    /**
     * A spec with a search block: the block is read, then the spec is checked as a sweep over both
     * ends of every searched range and every searched choice (so no configuration the search can
     * draw is refused later), and the plan carries the search.
     */
    private ExperimentPlan search(Map<String, Object> top, String source) throws SpecException {
        Problems problems = new Problems();
        if (top.containsKey("sweep")) {
            problems.add("search", "give sweep or search, not both");
            throw new SpecException(source, problems.messages());
        }
        if (!(top.get("search") instanceof Map<?, ?> block)) {
            problems.add("search", "must be a map (method, space, ...), was " + Parameters.describe(top.get("search")));
            throw new SpecException(source, problems.messages());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> budget = top.get("budget") instanceof Map<?, ?> b ? (Map<String, Object>) b : null;
        @SuppressWarnings("unchecked")
        SearchSpec search = SearchSpec.read(Parameters.of("search", (Map<String, Object>) block, problems), budget);
        if (!problems.isEmpty()) {
            throw new SpecException(source, problems.messages());
        }
        Map<String, Object> checked = deepCopy(top);
        checked.remove("search");
        checked.put("sweep", search.validationSweep());
        ExperimentPlan plan = new Reading(Parameters.of("", checked, problems)).plan();
        if (!problems.isEmpty() || plan == null) {
            // the checking sweep's paths are the search space's, as the user wrote them
            List<String> messages = new ArrayList<>();
            for (String m : problems.messages()) {
                for (SearchSpec.Dimension d : search.space()) {
                    m = m.replace("sweep." + d.writtenAs(), "search.space." + d.writtenAs())
                            .replace("sweep." + d.path(), "search.space." + d.writtenAs());
                }
                messages.add(m);
            }
            throw new SpecException(source, messages);
        }
        Map<String, Object> resolved = new LinkedHashMap<>(plan.resolved());
        resolved.remove("sweep");
        resolved.put("search", search.asMap());
        return new ExperimentPlan(plan.name(), plan.setups(), plan.sweep(), plan.clock(), plan.budget(),
                plan.evaluation(), plan.metricsEvery(), plan.output(), plan.masterSeed(), resolved, plan.warnings(),
                plan.defaultsUsed(), new SearchPlan(search, deepCopy(top), source, this));
    }

    /** Whether some entry of {@code agents:} brings its own learning rate or sweep. */
    private static boolean isStudy(Map<String, Object> top) {
        return top.get("agents") instanceof List<?> list && list.stream().anyMatch(a -> a instanceof Map<?, ?> m
                && (m.containsKey("sweep") || m.containsKey("learning-rate")));
    }

    /**
     * A parameter study: agents that bring their own {@code learning-rate} or {@code sweep} (each
     * method over its own parameter, as in Sutton &amp; Barto's Figure 2.6). Each agent is read as
     * the spec with that agent alone, its own learning rate in place of the spec's, and its own
     * sweep's paths added to the spec's sweep (the seeds and any path swept for all stay the
     * spec's); the plans are then joined, agent after agent. Mistakes name the agent's entry.
     */
    private ExperimentPlan study(Map<String, Object> top, String source) throws SpecException {
        List<String> messages = new ArrayList<>();
        if (top.containsKey("search")) {
            messages.add("search: a spec whose agents bring their own learning-rate or sweep is a grid; give no "
                    + "search");
        }
        if (top.containsKey("schedules")) {
            messages.add("schedules: with agents that bring their own learning-rate or sweep, each agent's schedule "
                    + "is in learning-rate.schedule (its own or the spec's); give no schedules");
        }
        if (!messages.isEmpty()) {
            throw new SpecException(source, messages);
        }
        List<?> entries = (List<?>) top.get("agents");
        List<ExperimentPlan> plans = new ArrayList<>();
        List<Set<String>> ownPaths = new ArrayList<>();
        List<Boolean> ownRates = new ArrayList<>();
        Map<String, Integer> labels = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            Map<String, Object> sub = deepCopy(top);
            Object entry = copyValue(entries.get(i));
            Set<String> own = new LinkedHashSet<>();
            boolean ownRate = false;
            if (entry instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked")
                Map<String, Object> agent = (Map<String, Object>) m;
                Object sweep = agent.remove("sweep");
                Object rate = agent.remove("learning-rate");
                if (rate != null) {
                    sub.put("learning-rate", rate);
                    ownRate = true;
                }
                if (sweep instanceof Map<?, ?> axes) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> all = top.get("sweep") instanceof Map<?, ?> g
                            ? deepCopy((Map<String, Object>) g) : new LinkedHashMap<>();
                    for (var axis : axes.entrySet()) {
                        String key = String.valueOf(axis.getKey());
                        if (key.equals("seeds")) {
                            messages.add("agents[" + i + "].sweep.seeds: the seeds are the spec's; give them in "
                                    + "sweep.seeds");
                        } else if (all.containsKey(key)) {
                            messages.add("agents[" + i + "].sweep." + key + ": is swept for every agent too (sweep."
                                    + key + "); give it in one place");
                        } else {
                            all.put(key, axis.getValue());
                            own.add(key.equals("learning-rates") ? Sweep.LEARNING_RATE : key);
                        }
                    }
                    sub.put("sweep", all);
                } else if (sweep != null) {
                    messages.add("agents[" + i + "].sweep: must be a map of paths to values, was "
                            + Parameters.describe(sweep));
                }
            }
            sub.put("agents", List.of(entry));
            ownPaths.add(own);
            ownRates.add(ownRate);
            Problems problems = new Problems();
            ExperimentPlan plan = null;
            try {
                plan = new Reading(Parameters.of("", sub, problems)).plan();
            } catch (RuntimeException e) {
                problems.add("agents[" + i + "]", e.getMessage());
            }
            for (String problem : problems.messages()) {
                messages.add(inStudy(problem, i, ownRate, own));
            }
            if (plan != null && problems.isEmpty()) {
                plans.add(plan);
                String label = plan.setups().get(0).agent().label();
                Integer before = labels.putIfAbsent(label, i);
                if (before != null) {
                    messages.add("agents[" + i + "].label: '" + label + "' is agents[" + before + "]'s too; each agent "
                            + "needs its own label (it names its lines in the figures)");
                }
            }
        }
        if (!messages.isEmpty()) {
            throw new SpecException(source, messages.stream().distinct().toList());
        }
        return joined(plans, ownPaths, ownRates);
    }

    /** A sub-spec's problem, said of the study's agent entry where it concerns the agent's own parts. */
    private static String inStudy(String problem, int i, boolean ownRate, Set<String> own) {
        String out = problem.replaceFirst("^agents\\[0]", "agents[" + i + "]");
        if (ownRate && out.startsWith("learning-rate")) {
            out = "agents[" + i + "]." + out;
        }
        for (String path : own) {
            String written = path.equals(Sweep.LEARNING_RATE) ? "learning-rates" : path;
            if (out.startsWith("sweep." + written)) {
                out = "agents[" + i + "]." + out;
            }
        }
        return out;
    }

    /** The agents' plans as one: setups agent after agent, the axes of all, each agent's own parts in its entry. */
    @SuppressWarnings("unchecked")
    private static ExperimentPlan joined(List<ExperimentPlan> plans, List<Set<String>> ownPaths,
            List<Boolean> ownRates) {
        ExperimentPlan first = plans.get(0);
        List<TrialSetup> setups = new ArrayList<>();
        Map<String, Sweep.Axis> axes = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        List<String> defaults = new ArrayList<>();
        List<Object> agents = new ArrayList<>();
        Map<String, Object> resolved = new LinkedHashMap<>(first.resolved());
        for (int i = 0; i < plans.size(); i++) {
            ExperimentPlan plan = plans.get(i);
            setups.addAll(plan.setups());
            for (Sweep.Axis axis : plan.sweep().axes()) {
                Sweep.Axis seen = axes.get(axis.path());
                if (seen == null) {
                    axes.put(axis.path(), axis);
                } else {
                    List<Object> values = new ArrayList<>(seen.values());
                    axis.values().stream().filter(v -> !values.contains(v)).forEach(values::add);
                    axes.put(axis.path(), new Sweep.Axis(seen.path(), seen.writtenAs(), values));
                }
            }
            warnings.addAll(plan.warnings());
            int index = i;
            plan.defaultsUsed().forEach(d -> defaults.add(inStudy(d, index, ownRates.get(index), Set.of())));
            Map<String, Object> r = plan.resolved();
            Map<String, Object> agent = new LinkedHashMap<>(((List<Map<String, Object>>) r.get("agents")).get(0));
            if (ownRates.get(i)) {
                Map<String, Object> rate = new LinkedHashMap<>((Map<String, Object>) r.get("learning-rate"));
                rate.put("schedule", ((List<Object>) r.get("schedules")).get(0));
                agent.put("learning-rate", rate);
            } else {
                // a study has one schedule per learning rate, so it sits in the learning rate's map
                Map<String, Object> rate = new LinkedHashMap<>((Map<String, Object>) r.get("learning-rate"));
                rate.put("schedule", ((List<Object>) r.get("schedules")).get(0));
                resolved.put("learning-rate", rate);
            }
            Map<String, Object> sweep = (Map<String, Object>) r.get("sweep");
            Map<String, Object> own = new LinkedHashMap<>();
            Map<String, Object> shared = new LinkedHashMap<>();
            sweep.forEach((path, values) -> (ownPaths.get(index).contains(path) ? own : shared).put(path, values));
            if (!own.isEmpty()) {
                agent.put("sweep", own);
            }
            resolved.put("sweep", shared);
            agents.add(agent);
        }
        resolved.put("agents", agents);
        resolved.remove("schedules");
        if (ownRates.stream().allMatch(b -> b)) {
            resolved.remove("learning-rate"); // every agent has its own: the spec's would be read by none
        }
        Sweep sweep = new Sweep(new ArrayList<>(axes.values()), first.sweep().seeds());
        return new ExperimentPlan(first.name(), setups, sweep, first.clock(), first.budget(), first.evaluation(),
                first.metricsEvery(), first.output(), first.masterSeed(), resolved,
                warnings.stream().distinct().toList(), defaults.stream().distinct().toList(), null);
    }

    /** A copy of a parsed tree whose maps and lists are fresh (the values are immutable). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> deepCopy(Map<String, Object> tree) {
        Map<String, Object> out = new LinkedHashMap<>();
        tree.forEach((k, v) -> out.put(k, copyValue(v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object copyValue(Object v) {
        if (v instanceof Map<?, ?> m) {
            return deepCopy((Map<String, Object>) m);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(copyValue(x)));
            return out;
        }
        return v;
    }

    /**
     * Sets one {@code PATH=VALUE} in the spec's tree; returns what is wrong with it, or null. The
     * path walks down existing maps; where a segment is not a key of the map it reaches, the rest
     * of the path is one key (so {@code sweep.agent.gamma=[0.9, 0.99]} sets the sweep's path
     * {@code agent.gamma}). A number after a list picks its entry ({@code schedules.1.total-iters}).
     */
    @SuppressWarnings("unchecked")
    private static String override(Map<String, Object> top, String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            return "expected PATH=VALUE, such as budget.steps=5000000";
        }
        String path = assignment.substring(0, eq).trim();
        Object value;
        try {
            value = new ObjectMapper(new YAMLFactory()).readValue(assignment.substring(eq + 1), Object.class);
        } catch (JsonProcessingException e) {
            return "the value is not valid YAML: " + e.getOriginalMessage();
        }
        String[] parts = path.split("\\.");
        Map<String, Object> at = top;
        for (int i = 0; i < parts.length; i++) {
            String rest = String.join(".", java.util.Arrays.copyOfRange(parts, i, parts.length));
            if (i == parts.length - 1 || !at.containsKey(parts[i])) {
                if (!rest.matches("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*")) {
                    return "'" + path + "' is not a path of keys";
                }
                if (i == 0 && !at.containsKey(rest) && parts.length > 1) {
                    return "the spec has no section '" + parts[0] + "'";
                }
                at.put(rest, value);
                return null;
            }
            Object next = at.get(parts[i]);
            String here = String.join(".", java.util.Arrays.copyOfRange(parts, 0, i + 1));
            // a list's entry by its index from 0: schedules.1.total-iters
            while (next instanceof List<?> list && i + 1 < parts.length) {
                i++;
                int index;
                try {
                    index = Integer.parseInt(parts[i]);
                } catch (NumberFormatException e) {
                    return "'" + here + "' is a list: give an entry's index (from 0) after it, not '" + parts[i] + "'";
                }
                if (index < 0 || index >= list.size()) {
                    return "'" + here + "' has " + list.size() + " entries (0 to " + (list.size() - 1) + "), not " + index;
                }
                if (i == parts.length - 1) {
                    ((List<Object>) list).set(index, value);
                    return null;
                }
                here = here + "." + index;
                next = list.get(index);
            }
            if (!(next instanceof Map<?, ?> inner)) {
                return "'" + here + "' is " + Parameters.describe(next) + ", not a map (write it as one in the spec)";
            }
            at = (Map<String, Object>) inner;
        }
        return null;
    }

    /**
     * A spec is one document without aliases or repeated keys: Jackson reads {@code *name} as the
     * word "name" rather than the anchored value, reads only the first of several documents, and
     * (unless told) lets the last of two equal keys win; each would run something other than what
     * the file says. A repeated key is named by its path and both of its lines.
     */
    private static void refuseAliasesDuplicatesAndMoreDocuments(ObjectMapper mapper, String text, String source)
            throws SpecException, JsonProcessingException {
        try (JsonParser parser = mapper.getFactory().createParser(text)) {
            // one frame per open map or list: the keys seen in a map (with their lines), the path
            java.util.ArrayDeque<Map<String, String>> keys = new java.util.ArrayDeque<>();
            java.util.ArrayDeque<String> paths = new java.util.ArrayDeque<>();
            boolean rootDone = false;
            for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                JsonLocation at = parser.currentTokenLocation();
                String line = "line " + at.getLineNr() + ", column " + at.getColumnNr();
                if (rootDone) {
                    throw new SpecException(source, List.of(line + ": a second YAML document; a spec is one document"));
                }
                if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
                    throw new SpecException(source, List.of(line + ": the alias *" + parser.getText()
                            + " is not supported; write the value out"));
                }
                if (t == JsonToken.FIELD_NAME && !keys.isEmpty()) {
                    String name = parser.currentName();
                    String path = paths.peek().isEmpty() ? name : paths.peek() + "." + name;
                    String first = keys.peek().putIfAbsent(name, line);
                    if (first != null) {
                        throw new SpecException(source, List.of(path + ": given twice, at " + first + " and at "
                                + line + "; a key may appear once in a map (delete one of them)"));
                    }
                } else if (t.isStructStart()) {
                    String path = pathOf(parser.getParsingContext());
                    keys.push(new HashMap<>());
                    paths.push(path);
                } else if (t.isStructEnd()) {
                    keys.pop();
                    paths.pop();
                }
                rootDone = keys.isEmpty();
            }
        } catch (IOException e) {
            if (e instanceof JsonProcessingException p) {
                throw p;
            }
            throw new SpecException(source, List.of("cannot be read: " + e.getMessage()));
        }
    }

    /** The key path of a just-opened map or list ({@code agents[1].exploration}), from its parser context. */
    private static String pathOf(com.fasterxml.jackson.core.JsonStreamContext opened) {
        List<String> parts = new ArrayList<>();
        for (com.fasterxml.jackson.core.JsonStreamContext c = opened.getParent(); c != null && !c.inRoot();
                c = c.getParent()) {
            if (c.inObject()) {
                parts.add(0, c.getCurrentName() == null ? "?" : c.getCurrentName());
            } else if (c.inArray()) {
                parts.add(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
            }
        }
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            if (path.length() > 0 && !part.startsWith("[")) {
                path.append('.');
            }
            path.append(part);
        }
        return path.toString();
    }

    /** The canonical JSON of a value: maps by sorted key, for content keys and trial keys. */
    public static String canonicalJson(Object value) {
        try {
            return CANONICAL.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value + " as JSON", e);
        }
    }

    /** A map that keeps its keys in the order given (Map.of does not), for stable output. */
    static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /** One spec being read: its sections, the variants read so far, and the problems of each. */
    private final class Reading {

        private final Parameters p;
        private final Map<String, Variant<EnvironmentVariant>> environments = new HashMap<>();
        private final Map<String, Variant<AgentChoice>> agents = new HashMap<>();
        private final Map<String, Variant<ScheduleChoice>> schedules = new HashMap<>();
        /** For each section instance (such as agents[1]), the problems of each of its variants. */
        private final Map<String, Map<String, List<String>>> sectionProblems = new LinkedHashMap<>();
        /** Mistakes in swept values: for each axis (as written) and message, the indices of the values that make it. */
        private final Map<String, Map<String, Set<Integer>>> sweepProblems = new LinkedHashMap<>();
        private final Map<String, Integer> axisSizes = new HashMap<>();

        Reading(Parameters p) {
            this.p = p;
        }

        /** A section read for one content: the result (null when wrong) and its problems. */
        private record Variant<T>(T value, List<String> problems) {
        }

        /** An environment read for one content, with an instance to read agents against. */
        private record EnvironmentVariant(EnvironmentChoice choice, Environment probe, Map<String, Object> resolved) {
        }

        ExperimentPlan plan() {
            String name = p.text("name", null);
            if (name == null && !p.has("name")) {
                p.problem("name", "is required (used for the output folder)");
            } else if (name != null && !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
                p.problem("name", "must be letters, digits, '.', '_' or '-', was '" + name + "'");
            }
            Budget budget = budget();
            EvaluationSpec evaluation = evaluation();
            int metricsEvery = metricsEvery(budget);
            if (budget != null && evaluation != null && !budget.inSteps() && evaluation.every() > budget.episodes()) {
                p.problem("evaluation.every", "is " + evaluation.every() + " episodes, but each trial trains for "
                        + budget.episodes() + ", so no evaluation would run; give at most " + budget.episodes());
            }
            String output = p.text("output", null);
            if (output != null && output.isBlank()) {
                p.problem("output", "is empty; give a directory, or leave it out for runs/<name>");
                output = null;
            }
            long masterSeed = p.integer("seed", 0, Long.MIN_VALUE);
            Sweep sweep = sweep();

            // the learning rate: a number, or {value, clock, schedule}; schedules: [...] compares several
            Object lrRaw = p.raw("learning-rate");
            boolean rateGiven = lrRaw != null && !(lrRaw instanceof Map<?, ?> m && !m.containsKey("value"));
            double fixedRate = Double.NaN;
            Clock clock = Clock.STEPS;
            Object singleSchedule = null;
            if (lrRaw instanceof Map<?, ?>) {
                Parameters lr = p.child("learning-rate", true);
                if (lr.has("value")) {
                    fixedRate = rateInBounds(lr, "value", lr.requiredNumber("value", Range.POSITIVE));
                }
                String clockName = lr.choice("clock", "steps", Arrays.stream(Clock.values()).map(Clock::id).toList());
                clock = Clock.byId(clockName).orElse(Clock.STEPS);
                singleSchedule = lr.raw("schedule");
                if (singleSchedule != null && !(singleSchedule instanceof Map<?, ?>)) {
                    lr.problem("schedule", "must be a map with a type, was " + Parameters.describe(singleSchedule));
                    singleSchedule = null;
                }
                lr.reportUnknownKeys();
            } else if (lrRaw != null) {
                fixedRate = rateInBounds(p, "learning-rate", p.requiredNumber("learning-rate", Range.POSITIVE));
            }
            boolean rateSwept = sweep != null && sweep.sweeps(Sweep.LEARNING_RATE);
            if (rateSwept && rateGiven) {
                p.problem("learning-rate.value", "is swept (sweep." + sweep.axis(Sweep.LEARNING_RATE).writtenAs()
                        + "); give it in one place");
            }
            List<Map<String, Object>> scheduleTrees = scheduleTrees(singleSchedule);
            boolean everyRateOwn = p.has("schedules") && !scheduleTrees.isEmpty()
                    && scheduleTrees.stream().allMatch(t -> t.containsKey("value"));
            if (sweep != null && !rateSwept && !rateGiven && !rateAxisWritten() && !everyRateOwn) {
                p.problem("sweep.learning-rates", "is required: a list of rates > 0, {log-space: {from, to, count}}, "
                        + "or a fixed learning-rate.value");
            }
            if (!p.has("schedules") && scheduleTrees.get(0).containsKey("value")) {
                p.problem("learning-rate.schedule.value", "give the rate as learning-rate.value (a value inside a "
                        + "schedule is for an entry of schedules: that runs at its own rate)");
                scheduleTrees.get(0).remove("value");
            } else if (rateSwept) {
                for (int j = 0; j < scheduleTrees.size(); j++) {
                    if (scheduleTrees.get(j).containsKey("value")) {
                        p.problem("schedules[" + j + "].value", "fixes this schedule's rate while the learning rate "
                                + "is swept, which would run its trials again at every swept rate; fix "
                                + "learning-rate.value instead of sweeping, or leave this schedule's value out");
                    }
                }
            }
            List<String> schedulePaths = new ArrayList<>();
            for (int j = 0; j < scheduleTrees.size(); j++) {
                schedulePaths.add(p.has("schedules") ? "schedules[" + j + "]" : "learning-rate.schedule");
            }
            List<Map<String, Object>> agentTrees = new ArrayList<>();
            List<String> agentPaths = new ArrayList<>();
            agentTrees(agentTrees, agentPaths);
            Object environmentTree = p.raw("environment");
            if (environmentTree == null) {
                p.problem("environment", "is required; one of " + String.join(", ", registries.environments().names()));
            } else if (!(environmentTree instanceof String) && !(environmentTree instanceof Map<?, ?>)) {
                p.problem("environment", "must be an id or a map with an id, was " + Parameters.describe(environmentTree));
                environmentTree = null;
            }
            for (String key : p.keys()) {
                if (!TOP_KEYS.contains(key)) {
                    p.problem(key, "unknown key" + Suggestions.hint(key, TOP_KEYS) + "; known: "
                            + String.join(", ", TOP_KEYS));
                }
            }
            if (sweep == null || environmentTree == null) {
                return null;
            }

            // every point of the sweep: the spec with the swept paths set, each section read once per content
            long pointCount = saturatingProduct(sweep.axes().stream().mapToLong(a -> a.values().size()).toArray());
            long trials = saturatingProduct(pointCount, agentTrees.size(), scheduleTrees.size(), sweep.seeds().length);
            if (pointCount > 1_000_000 || trials > MAX_TRIALS) {
                p.problem("sweep", "plans " + (trials == Long.MAX_VALUE ? "more than 2^63" : String.format(
                        java.util.Locale.ROOT, "%,d", trials)) + " trials (" + pointCount + " points x "
                        + agentTrees.size() + " agents x " + scheduleTrees.size() + " schedules x "
                        + sweep.seeds().length + " seeds); at most " + String.format(java.util.Locale.ROOT, "%,d",
                        MAX_TRIALS) + " trials and 1,000,000 points");
                return null;
            }
            List<Sweep.Point> points = sweep.points();
            int maxEpisodeSteps = budget == null ? 0 : budget.maxEpisodeSteps();
            List<TrialSetup[][]> perPoint = new ArrayList<>();
            for (Sweep.Point point : points) {
                EnvironmentVariant env = environment(environmentTree, point, sweep, maxEpisodeSteps);
                double rate = rateSwept ? rateAt(point) : fixedRate;
                TrialSetup[][] grid = new TrialSetup[agentTrees.size()][scheduleTrees.size()];
                ScheduleChoice[] scheduleChoices = new ScheduleChoice[scheduleTrees.size()];
                for (int j = 0; j < scheduleTrees.size(); j++) {
                    scheduleChoices[j] = schedule(scheduleTrees.get(j), schedulePaths.get(j), point, sweep, clock, rate);
                }
                for (int i = 0; i < agentTrees.size(); i++) {
                    AgentChoice agent = agent(agentTrees.get(i), agentPaths.get(i), point, sweep, env, clock);
                    for (int j = 0; j < scheduleTrees.size(); j++) {
                        double own = scheduleChoices[j] == null ? rate : scheduleChoices[j].rateFor(rate);
                        if (env != null && agent != null && scheduleChoices[j] != null && !Double.isNaN(own)) {
                            grid[i][j] = new TrialSetup(env.choice(), agent, scheduleChoices[j], own,
                                    params(point));
                        }
                    }
                }
                perPoint.add(grid);
            }
            reportSectionProblems();
            requireUniqueLabels("agents", perPoint.isEmpty() ? List.of() : labels(perPoint.get(0), true));
            requireUniqueLabels("schedules", perPoint.isEmpty() ? List.of() : labels(perPoint.get(0), false));
            if (!perPoint.isEmpty()) {
                refuseSameButForLabel(perPoint.get(0));
            }
            if (!p.problems().isEmpty() || name == null || budget == null) {
                return null;
            }
            // agents outermost, then schedules, then points, as the trials run and are listed
            List<TrialSetup> setups = new ArrayList<>();
            for (int i = 0; i < agentTrees.size(); i++) {
                for (int j = 0; j < scheduleTrees.size(); j++) {
                    for (TrialSetup[][] grid : perPoint) {
                        setups.add(grid[i][j]);
                    }
                }
            }
            Path out = Path.of(output != null ? output : "runs/" + name);
            EnvironmentVariant firstEnvironment = environment(environmentTree, points.get(0), sweep, maxEpisodeSteps);
            Map<String, Object> resolved = resolved(name, firstEnvironment.resolved(), setups, scheduleTrees.size(),
                    points.size(), clock, rateSwept ? Double.NaN : fixedRate, sweep, budget, evaluation,
                    metricsEvery, out, masterSeed);
            return new ExperimentPlan(name, setups, sweep, clock, budget, evaluation, metricsEvery, out, masterSeed,
                    resolved, warnings(sweep, rateSwept ? Double.NaN : fixedRate), defaultsUsed(resolved, sweep), null);
        }

        /**
         * The settings that change results and that the spec left to their defaults, each as
         * {@code path = value}: what the resolved spec says where the user's spec is silent (swept
         * paths and labels aside), so that {@code validate} can show them.
         */
        private List<String> defaultsUsed(Map<String, Object> resolved, Sweep sweep) {
            List<String> out = new ArrayList<>();
            Map<String, Object> given = p.asMap();
            Object env = given.get("environment");
            walkDefaults("environment", resolved.get("environment"),
                    env instanceof String id ? Map.of("id", id) : env, sweep, out);
            List<?> agents = (List<?>) resolved.get("agents");
            for (int i = 0; i < agents.size(); i++) {
                Object mine = given.get("agents") instanceof List<?> list && i < list.size() ? list.get(i)
                        : given.get("agent");
                walkDefaults(given.containsKey("agents") ? "agents[" + i + "]" : "agent", agents.get(i), mine, sweep, out);
            }
            List<?> schedules = (List<?>) resolved.get("schedules");
            for (int j = 0; j < schedules.size(); j++) {
                Object lr = given.get("learning-rate");
                Object mine = given.get("schedules") instanceof List<?> list && j < list.size() ? list.get(j)
                        : lr instanceof Map<?, ?> m ? m.get("schedule") : null;
                walkDefaults(given.containsKey("schedules") ? "schedules[" + j + "]" : "learning-rate.schedule",
                        schedules.get(j), mine, sweep, out);
            }
            for (String section : List.of("budget", "evaluation")) {
                if (given.get(section) != null) {
                    walkDefaults(section, resolved.get(section), given.get(section), sweep, out);
                }
            }
            return out;
        }

        private void walkDefaults(String path, Object resolved, Object given, Sweep sweep, List<String> out) {
            // sweeps name agents and schedules by their section, whichever of a list's entries they are
            String swept = path.replaceFirst("^agents\\[\\d+]", "agent").replaceFirst("^schedules\\[\\d+]",
                    "learning-rate.schedule");
            if (path.endsWith(".label") || sweep.sweeps(swept)) {
                return;
            }
            if (given == null) {
                if (resolved instanceof Map<?, ?> r && r.containsKey("label")) {
                    Map<Object, Object> shown = new LinkedHashMap<>(r);
                    shown.remove("label");
                    resolved = shown;
                }
                if (resolved != null) {
                    out.add(path + " = " + canonicalJson(resolved).replace("\"", "").replace(",", ", ")
                            .replace(":", ": "));
                }
                return;
            }
            if (resolved instanceof Map<?, ?> r && given instanceof Map<?, ?> g) {
                for (Map.Entry<?, ?> e : r.entrySet()) {
                    walkDefaults(path + "." + e.getKey(), e.getValue(), g.get(e.getKey()), sweep, out);
                }
            }
        }

        /** Whether the sweep names the learning rate (its values may be wrong, and are reported there). */
        private boolean rateAxisWritten() {
            return p.raw("sweep") instanceof Map<?, ?> raw && (raw.containsKey("learning-rates")
                    || raw.containsKey("learning-rate") || raw.containsKey(Sweep.LEARNING_RATE));
        }

        /**
         * What is valid but probably not meant: a step size above 1 overshoots every target of a
         * tabular or SGD update, and {@code 2^12} is most often a {@code 2^-12} without its sign.
         */
        private List<String> warnings(Sweep sweep, double fixedRate) {
            List<String> out = new ArrayList<>();
            List<Object> written = sweep.sweeps(Sweep.LEARNING_RATE)
                    ? sweep.axis(Sweep.LEARNING_RATE).values() : List.of(fixedRate);
            if (sweep.sweeps(Sweep.LEARNING_RATE) && p.raw("sweep") instanceof Map<?, ?> raw
                    && raw.get(sweep.axis(Sweep.LEARNING_RATE).writtenAs()) instanceof List<?> list
                    && list.size() == written.size()) {
                written = new ArrayList<>(list); // as the user wrote them, "2^12" included
            }
            String where = sweep.sweeps(Sweep.LEARNING_RATE)
                    ? "sweep." + sweep.axis(Sweep.LEARNING_RATE).writtenAs() : "learning-rate";
            for (Object v : written) {
                Double rate = Parameters.asDouble(v);
                if (rate == null || !(rate > 1)) {
                    continue;
                }
                String text = v instanceof String str ? " ('" + str + "')" : "";
                String hint = v instanceof String str && str.matches("[0-9.]+\\^\\+?[0-9.]+")
                        ? "; did you mean " + str.replace("^+", "^").replace("^", "^-") + "?" : "";
                out.add(where + ": " + (rate == Math.rint(rate) && rate < 1e15 ? String.valueOf((long) (double) rate) : String.valueOf(rate)) + text + " is above 1, where a tabular or SGD "
                        + "update overshoots every target" + hint);
            }
            return out;
        }

        private List<String> labels(TrialSetup[][] grid, boolean agentLabels) {
            List<String> out = new ArrayList<>();
            int n = agentLabels ? grid.length : grid.length == 0 ? 0 : grid[0].length;
            for (int k = 0; k < n; k++) {
                TrialSetup s = agentLabels ? firstNonNull(grid[k]) : firstNonNull(column(grid, k));
                if (s != null) {
                    out.add(agentLabels ? s.agent().label() : s.schedule().label());
                }
            }
            return out;
        }

        private TrialSetup[] column(TrialSetup[][] grid, int j) {
            TrialSetup[] out = new TrialSetup[grid.length];
            for (int i = 0; i < grid.length; i++) {
                out[i] = grid[i][j];
            }
            return out;
        }

        private TrialSetup firstNonNull(TrialSetup[] row) {
            for (TrialSetup s : row) {
                if (s != null) {
                    return s;
                }
            }
            return null;
        }

        /**
         * Two agents (or schedules) that differ only in their labels would run the same trials twice
         * under two names: refused, so that every trial of a spec is a trial of its own.
         */
        private void refuseSameButForLabel(TrialSetup[][] grid) {
            for (int i = 0; i < grid.length; i++) {
                for (int k = 0; k < i; k++) {
                    TrialSetup a = firstNonNull(grid[i]);
                    TrialSetup b = firstNonNull(grid[k]);
                    if (a != null && b != null && withoutLabel(a.agent().settings()).equals(withoutLabel(b.agent().settings()))) {
                        p.problem("agents[" + i + "]", "is the same agent as agents[" + k + "] but for its label; "
                                + "give it once");
                    }
                }
            }
            int schedules = grid.length == 0 ? 0 : grid[0].length;
            for (int j = 0; j < schedules; j++) {
                for (int k = 0; k < j; k++) {
                    TrialSetup a = firstNonNull(column(grid, j));
                    TrialSetup b = firstNonNull(column(grid, k));
                    if (a != null && b != null && a.schedule().settings().equals(b.schedule().settings())) {
                        p.problem("schedules[" + j + "]", "is the same schedule as schedules[" + k + "] but for its "
                                + "label; give it once");
                    }
                }
            }
        }

        private Map<String, Object> withoutLabel(Map<String, Object> settings) {
            Map<String, Object> m = new LinkedHashMap<>(settings);
            m.remove("label");
            return m;
        }

        private void requireUniqueLabels(String key, List<String> labels) {
            for (int i = 0; i < labels.size(); i++) {
                if (labels.indexOf(labels.get(i)) != i) {
                    p.problem(key, "two entries are labelled '" + labels.get(i) + "'; give each a distinct label");
                    return;
                }
            }
        }

        // ---- the sections read once per point's content ----

        private EnvironmentVariant environment(Object tree, Sweep.Point point, Sweep sweep, int maxEpisodeSteps) {
            boolean shorthand = tree instanceof String;
            Map<String, Object> map = shorthand ? new LinkedHashMap<>(Map.of("id", tree)) : copyMap(tree);
            Map<String, Integer> applied = applyOverrides(map, "environment", point, sweep);
            String content = canonicalJson(map) + "|" + maxEpisodeSteps;
            Variant<EnvironmentVariant> v = environments.computeIfAbsent(content, c -> {
                Problems problems = new Problems();
                Parameters e = Parameters.of("environment", map, problems);
                EnvironmentKind kind = registries.environments().lookUp(e, "id");
                EnvironmentVariant out = null;
                if (kind != null) {
                    e.bind(kind);
                    Supplier<Environment> factory = kind.factory().bind(e);
                    e.reportUnknownKeys();
                    if (problems.isEmpty() && factory != null) {
                        Map<String, Object> options = differingFromDefaults(kind, e.resolved());
                        Environment probe = factory.get();
                        // an environment that never ends its episodes gets a cap, so that no trial runs forever
                        int limit = maxEpisodeSteps > 0 ? maxEpisodeSteps
                                : probe.timeLimit() == 0 ? DEFAULT_EPISODE_CAP : 0;
                        EnvironmentChoice choice = new EnvironmentChoice(kind.name(), options, factory, limit);
                        Map<String, Object> resolved = new LinkedHashMap<>(e.resolved());
                        out = new EnvironmentVariant(choice, choice.create(), resolved);
                    }
                }
                List<String> messages = problems.messages();
                if (shorthand) {
                    // `environment: id` has no id key to name
                    messages = messages.stream().map(m -> m.startsWith("environment.id: ")
                            ? "environment: " + m.substring("environment.id: ".length()) : m).toList();
                }
                return new Variant<>(out, messages);
            });
            record("environment", applied, sweep, v.problems());
            return v.value();
        }

        private AgentChoice agent(Map<String, Object> tree, String path, Sweep.Point point, Sweep sweep,
                EnvironmentVariant env, Clock clock) {
            Map<String, Object> map = copyMap(tree);
            Map<String, Integer> applied = applyOverrides(map, "agent", point, sweep);
            String envContent = env == null ? "?" : env.choice().id() + canonicalJson(env.resolved());
            String content = path + "|" + canonicalJson(map) + "|" + envContent + "|" + clock.id();
            Variant<AgentChoice> v = agents.computeIfAbsent(content, c -> {
                Problems problems = new Problems();
                boolean labelled = map.containsKey("label");
                Object label = map.remove("label");
                Parameters a = Parameters.of(path, map, problems);
                labelProblem(labelled, label, path, problems);
                AgentKind kind = registries.agents().lookUp(a);
                AgentChoice out = null;
                if (kind != null) {
                    a.bind(kind);
                    // with a wrong environment, the agent's own keys are still checked
                    AgentKind.Setting setting = env == null
                            ? new AgentKind.Setting("?", null, 0, clock, registries)
                            : new AgentKind.Setting(env.choice().id(), env.probe().observationSpace(),
                                    env.probe().actionCount(), clock, registries);
                    AgentBlueprint blueprint = kind.factory().bind(a, setting);
                    a.reportUnknownKeys();
                    if (problems.isEmpty() && blueprint != null) {
                        String l = label instanceof String s ? s : kind.name();
                        Map<String, Object> settings = new LinkedHashMap<>();
                        settings.put("type", kind.name());
                        settings.put("label", l);
                        a.resolved().forEach(settings::putIfAbsent);
                        out = new AgentChoice(l, kind.name(), settings, blueprint);
                    }
                }
                return new Variant<>(out, problems.messages());
            });
            record(path, applied, sweep, v.problems());
            return v.value();
        }

        private ScheduleChoice schedule(Map<String, Object> tree, String path, Sweep.Point point, Sweep sweep,
                Clock clock, double rate) {
            Map<String, Object> map = copyMap(tree);
            Map<String, Integer> applied = applyOverrides(map, "learning-rate.schedule", point, sweep);
            String content = path + "|" + canonicalJson(map) + "|" + clock.id();
            Variant<ScheduleChoice> v = schedules.computeIfAbsent(content, c -> {
                Problems problems = new Problems();
                boolean labelled = map.containsKey("label");
                Object label = map.remove("label");
                labelProblem(labelled, label, path, problems);
                // an entry of schedules: may fix its own base rate (sample averages are 1/N at rate 1)
                double own = Double.NaN;
                if (map.containsKey("value")) {
                    Parameters v0 = Parameters.of(path, Map.of("value", map.remove("value")), problems);
                    own = rateInBounds(v0, "value", v0.requiredNumber("value", Range.POSITIVE));
                }
                Parameters s = Parameters.of(path, map, problems);
                ScheduleBlueprint blueprint = ScheduleKind.read(s, registries.schedules());
                ScheduleChoice out = null;
                if (blueprint != null && problems.isEmpty()) {
                    String type = String.valueOf(map.get("type"));
                    // the resolved settings (every default written out) identify the schedule
                    Map<String, Object> settings = new LinkedHashMap<>(s.resolved());
                    if (!Double.isNaN(own)) {
                        settings.put("value", own);
                    }
                    out = new ScheduleChoice(label instanceof String l ? l : type, settings, blueprint, clock, own);
                }
                return new Variant<>(out, problems.messages());
            });
            List<String> messages = new ArrayList<>(v.problems());
            if (v.value() != null && !Double.isNaN(v.value().rateFor(rate))) {
                try {
                    v.value().create(v.value().rateFor(rate));
                } catch (IllegalArgumentException e) {
                    messages.add(path + ": " + e.getMessage() + " (at learning rate " + v.value().rateFor(rate) + ")");
                }
            }
            record(path, applied, sweep, messages);
            return messages.isEmpty() ? v.value() : null;
        }

        private void labelProblem(boolean given, Object label, String path, Problems problems) {
            if (!given) {
                return;
            }
            if (!(label instanceof String l)) {
                problems.add(path + ".label", "must be a string, was " + Parameters.describe(label));
            } else if (l.isBlank() || l.length() > MAX_LABEL || l.chars().anyMatch(Character::isISOControl)) {
                problems.add(path + ".label", "must be 1 to " + MAX_LABEL + " characters on one line, was "
                        + (l.length() > 40 ? l.length() + " characters" : "'" + l + "'"));
            }
        }

        // ---- problems of sections read for several points ----

        /**
         * Keeps a section variant's problems: a problem at a swept path names the value in the
         * sweep; the others are kept per variant, to be reported once if every variant has them.
         */
        private void record(String section, Map<String, Integer> applied, Sweep sweep, List<String> messages) {
            String description = describe(applied, sweep);
            Map<String, List<String>> variants = sectionProblems.computeIfAbsent(section, k -> new LinkedHashMap<>());
            if (variants.containsKey(description)) {
                return;
            }
            List<String> kept = new ArrayList<>();
            for (String m : messages) {
                if (!mapToSweep(section, m, applied, sweep)) {
                    kept.add(m);
                }
            }
            variants.put(description, kept);
        }

        private void reportSectionProblems() {
            // a swept value's mistake names the value; one that every value makes names the path
            sweepProblems.forEach((axis, byText) -> byText.forEach((text, indices) -> {
                if (indices.size() > 1 && indices.size() == axisSizes.get(axis)) {
                    addOnce("sweep." + axis + ": " + text);
                } else {
                    indices.forEach(i -> addOnce("sweep." + axis + "[" + i + "]: " + text));
                }
            }));
            for (Map<String, List<String>> variants : sectionProblems.values()) {
                Set<String> all = new LinkedHashSet<>();
                variants.values().forEach(all::addAll);
                for (String m : all) {
                    long count = variants.values().stream().filter(list -> list.contains(m)).count();
                    if (count == variants.size()) {
                        addOnce(m);
                    } else {
                        variants.forEach((description, list) -> {
                            if (list.contains(m)) {
                                addOnce(m + " (where " + description + ")");
                            }
                        });
                    }
                }
            }
        }

        private void addOnce(String message) {
            if (!p.problems().messages().contains(message)) {
                int colon = message.indexOf(": ");
                p.problems().add(message.substring(0, colon), message.substring(colon + 2));
            }
        }

        /** Keeps the problem as a mistake in a swept value ("sweep.agent.gamma[1]: ..."), if it is one. */
        private boolean mapToSweep(String section, String message, Map<String, Integer> applied, Sweep sweep) {
            int colon = message.indexOf(": ");
            String path = message.substring(0, colon);
            for (var e : applied.entrySet()) {
                String relative = e.getKey().substring(prefixOf(e.getKey()).length() + 1);
                String at = section + "." + relative;
                if (path.equals(at) || path.startsWith(at + ".") || path.startsWith(at + "[")) {
                    Sweep.Axis axis = sweep.axis(e.getKey());
                    axisSizes.put(axis.writtenAs(), axis.values().size());
                    sweepProblems.computeIfAbsent(axis.writtenAs(), k -> new LinkedHashMap<>())
                            .computeIfAbsent(message.substring(colon + 2), k -> new java.util.TreeSet<>())
                            .add(e.getValue());
                    return true;
                }
            }
            return false;
        }

        private String describe(Map<String, Integer> applied, Sweep sweep) {
            List<String> parts = new ArrayList<>();
            applied.forEach((path, index) -> parts.add(path + " = " + sweep.axis(path).values().get(index)));
            return parts.isEmpty() ? "" : String.join(", ", parts);
        }

        // ---- overrides ----

        /**
         * Sets the point's values of the paths under {@code prefix} in {@code map} (a section of the
         * spec, already copied), and returns which paths it set with their value indices.
         */
        private Map<String, Integer> applyOverrides(Map<String, Object> map, String prefix, Sweep.Point point,
                Sweep sweep) {
            Map<String, Integer> applied = new LinkedHashMap<>();
            for (var e : point.values().entrySet()) {
                String path = e.getKey();
                if (!prefixOf(path).equals(prefix)) {
                    continue;
                }
                String[] parts = path.substring(prefix.length() + 1).split("\\.");
                Map<String, Object> at = map;
                boolean ok = true;
                for (int k = 0; k < parts.length - 1 && ok; k++) {
                    Object next = at.get(parts[k]);
                    if (next == null) {
                        next = new LinkedHashMap<String, Object>();
                        at.put(parts[k], next);
                    }
                    if (next instanceof Map<?, ?> m) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> cast = (Map<String, Object>) m;
                        at = cast;
                    } else {
                        addOnce("sweep." + sweep.axis(path).writtenAs() + ": cannot set it, "
                                + String.join(".", Arrays.copyOf(parts, k + 1)) + " is "
                                + Parameters.describe(next) + ", not a map");
                        ok = false;
                    }
                }
                if (ok) {
                    at.put(parts[parts.length - 1], e.getValue());
                    applied.put(path, point.indices().get(path));
                }
            }
            return applied;
        }

        /** The section a swept path belongs to: environment, agent or learning-rate.schedule. */
        private static String prefixOf(String path) {
            if (path.startsWith("learning-rate.schedule.")) {
                return "learning-rate.schedule";
            }
            return path.substring(0, path.indexOf('.'));
        }

        private double rateAt(Sweep.Point point) {
            Double d = Parameters.asDouble(point.values().get(Sweep.LEARNING_RATE));
            return d == null ? Double.NaN : d;
        }

        private Map<String, Object> params(Sweep.Point point) {
            Map<String, Object> out = new LinkedHashMap<>();
            point.values().forEach((path, value) -> out.put(path, normalized(value)));
            return out;
        }

        // ---- spec sections that are not swept ----

        private List<Map<String, Object>> scheduleTrees(Object single) {
            List<Map<String, Object>> out = new ArrayList<>();
            Object many = p.raw("schedules");
            if (many != null) {
                if (single != null) {
                    p.problem("schedules", "give learning-rate.schedule or schedules, not both");
                }
                if (!(many instanceof List<?> list)) {
                    p.problem("schedules", "must be a list of maps, was " + Parameters.describe(many));
                } else if (list.isEmpty()) {
                    p.problem("schedules", "is empty; give at least one schedule");
                } else {
                    for (int j = 0; j < list.size(); j++) {
                        if (list.get(j) instanceof Map<?, ?> m) {
                            out.add(copyMap(m));
                        } else {
                            p.problem("schedules[" + j + "]", "must be a map, was " + Parameters.describe(list.get(j)));
                        }
                    }
                }
            }
            if (out.isEmpty()) {
                out.add(single != null ? copyMap(single) : new LinkedHashMap<>(Map.of("type", "constant")));
            }
            return out;
        }

        private void agentTrees(List<Map<String, Object>> trees, List<String> paths) {
            boolean one = p.has("agent");
            boolean many = p.has("agents");
            if (one && many) {
                p.problem("agents", "give agent or agents, not both");
            } else if (one) {
                Object a = p.raw("agent");
                if (a instanceof Map<?, ?> m) {
                    trees.add(copyMap(m));
                    paths.add("agent");
                } else {
                    p.problem("agent", "must be a map, was " + Parameters.describe(a));
                }
            } else if (many) {
                Object raw = p.raw("agents");
                if (!(raw instanceof List<?> list)) {
                    p.problem("agents", "must be a list of maps, was " + Parameters.describe(raw));
                } else if (list.isEmpty()) {
                    p.problem("agents", "is empty; give at least one agent");
                } else {
                    for (int i = 0; i < list.size(); i++) {
                        if (list.get(i) instanceof Map<?, ?> m) {
                            trees.add(copyMap(m));
                            paths.add("agents[" + i + "]");
                        } else {
                            p.problem("agents[" + i + "]", "must be a map, was " + Parameters.describe(list.get(i)));
                        }
                    }
                }
            } else {
                p.problem("agent", "is required (or agents, a list); types: "
                        + String.join(", ", registries.agents().names()));
            }
        }

        private Sweep sweep() {
            Parameters s = p.child("sweep", true);
            if (s == null) {
                return null;
            }
            List<Sweep.Axis> axes = new ArrayList<>();
            long[] seeds = seeds(s);
            for (String key : s.keys()) {
                if (key.equals("seeds")) {
                    continue;
                }
                String path = key.equals("learning-rates") || key.equals("learning-rate") ? Sweep.LEARNING_RATE : key;
                if (axes.stream().anyMatch(a -> a.path().equals(path))) {
                    s.problem(key, "sweeps " + path + " a second time");
                    continue;
                }
                String why = unsweepable(path);
                if (why != null) {
                    s.problem(key, why);
                    s.raw(key);
                    continue;
                }
                List<Object> values = path.equals(Sweep.LEARNING_RATE) ? rates(s, key) : values(s, key);
                if (!values.isEmpty()) {
                    axes.add(new Sweep.Axis(path, key, values));
                }
            }
            return new Sweep(axes, seeds);
        }

        /** Why a path cannot be swept, or null when it can. */
        private String unsweepable(String path) {
            int dot = path.indexOf('.');
            String section = dot < 0 ? path : path.substring(0, dot);
            if (section.equals("agents")) {
                return "sweep agent.<key> instead: it applies to every agent of agents";
            }
            if (section.equals("schedules")) {
                return "sweep learning-rate.schedule.<key> instead: it applies to every schedule of schedules";
            }
            if (!SWEEPABLE.contains(section) || dot < 0 || dot == path.length() - 1) {
                return "unknown key" + Suggestions.hint(path, List.of("learning-rates", "seeds"))
                        + "; a sweep takes seeds, learning-rates, and paths of settings under environment, agent "
                        + "or learning-rate (such as agent.exploration.epsilon)";
            }
            if (path.equals("learning-rate.clock")) {
                return "the learning rate's clock cannot be swept; compare clocks in separate runs";
            }
            if (path.startsWith("learning-rate.") && !path.equals(Sweep.LEARNING_RATE)
                    && !path.startsWith("learning-rate.schedule.")) {
                return "under learning-rate only value and schedule.<key> can be swept";
            }
            return null;
        }

        private List<Object> rates(Parameters sweep, String key) {
            Object raw = sweep.raw(key);
            if (raw instanceof Map<?, ?>) {
                return logSpace(sweep, key, true);
            }
            double[] rates = sweep.numbers(key, Range.POSITIVE, true);
            if (raw instanceof List<?> l && l.isEmpty()) {
                sweep.problem(key, "is empty; give at least one rate");
            }
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < rates.length; i++) {
                rateInBounds(sweep, key + "[" + i + "]", rates[i]);
                for (int j = 0; j < i; j++) {
                    if (rates[i] == rates[j]) {
                        sweep.problem(key + "[" + i + "]", "repeats " + rates[i]);
                    }
                }
                out.add(rates[i]);
            }
            return out;
        }

        /** A swept path's values: a list of numbers, words or true/false, or a log-space of numbers. */
        private List<Object> values(Parameters sweep, String key) {
            Object raw = sweep.raw(key);
            if (raw instanceof Map<?, ?>) {
                return logSpace(sweep, key, false);
            }
            if (!(raw instanceof List<?> list)) {
                sweep.problem(key, "must be a list of values or {log-space: {from, to, count}}, was "
                        + Parameters.describe(raw));
                return List.of();
            }
            if (list.isEmpty()) {
                sweep.problem(key, "is empty; give at least one value");
                return List.of();
            }
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Object v = list.get(i);
                if (!(v instanceof Number || v instanceof String || v instanceof Boolean)) {
                    sweep.problem(key + "[" + i + "]", "must be a number, a word or true/false, was "
                            + Parameters.describe(v));
                    return List.of();
                }
                for (int j = 0; j < i; j++) {
                    if (normalized(out.get(j)).equals(normalized(v))) {
                        sweep.problem(key + "[" + i + "]", "repeats " + v);
                    }
                }
                out.add(v);
            }
            return out;
        }

        private List<Object> logSpace(Parameters sweep, String key, boolean rates) {
            Parameters ls = sweep.child(key, true);
            Parameters log = ls.child("log-space", true);
            ls.reportUnknownKeys();
            if (log == null) {
                return List.of();
            }
            double from = log.requiredNumber("from", Range.POSITIVE);
            double to = log.requiredNumber("to", Range.POSITIVE);
            if (rates) {
                from = rateInBounds(log, "from", from);
                to = rateInBounds(log, "to", to);
            }
            long count = log.requiredInteger("count", 1);
            log.reportUnknownKeys();
            if (Double.isNaN(from) || Double.isNaN(to) || count > 100_000) {
                if (count > 100_000) {
                    log.problem("count", "must be at most 100000, was " + count);
                }
                return List.of();
            }
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                double v = count == 1 ? from : Math.exp(Math.log(from) + (Math.log(to) - Math.log(from)) * i / (count - 1));
                // values within 1e-9 of a whole number are that number, so 100..10000 gives 100, 1000, 10000
                double whole = Math.rint(v);
                out.add(!rates && whole != 0 && Math.abs(v - whole) <= 1e-9 * Math.abs(whole) ? whole : v);
            }
            for (int i = 1; i < out.size(); i++) {
                if (out.get(i).equals(out.get(i - 1))) {
                    log.problem("count", "gives repeated values: from equals to; use count 1");
                    return List.of();
                }
            }
            return out;
        }

        private long[] seeds(Parameters sweep) {
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
                    if (d == null || d != Math.rint(d) || d < 0 || d > 9.007199254740992e15) {
                        sweep.problem("seeds[" + i + "]", "must be a whole number in [0, 2^53], was " + Parameters.describe(v));
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
            if (count > MAX_SEEDS) {
                sweep.problem("seeds", "must be at most " + MAX_SEEDS + ", was " + count);
                return new long[0];
            }
            long[] out = new long[(int) count];
            for (int i = 0; i < out.length; i++) {
                out[i] = i;
            }
            return out;
        }

        private Budget budget() {
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
            long limit = b.integer("max-episode-steps", 0, 1);
            if (limit > Integer.MAX_VALUE) {
                b.problem("max-episode-steps", "must be at most " + Integer.MAX_VALUE + ", was " + limit);
            }
            b.reportUnknownKeys();
            return new Budget((int) Math.min(e, Integer.MAX_VALUE), s, (int) Math.min(limit, Integer.MAX_VALUE));
        }

        private EvaluationSpec evaluation() {
            Parameters ev = p.child("evaluation", false);
            if (ev == null) {
                return null;
            }
            long every = ev.requiredInteger("every", 1);
            long episodes = ev.integer("episodes", 10, 1);
            ev.reportUnknownKeys();
            if (every > Integer.MAX_VALUE) {
                ev.problem("every", "must be at most " + Integer.MAX_VALUE + ", was " + every);
            }
            if (episodes > 1_000_000) {
                ev.problem("episodes", "must be at most 1000000, was " + episodes);
            }
            return new EvaluationSpec((int) Math.min(every, Integer.MAX_VALUE), (int) Math.min(episodes, 1_000_000));
        }

        private int metricsEvery(Budget budget) {
            Parameters record = p.child("record", false);
            if (record != null) {
                // diagnostics-every is the name this key had before metrics were named
                String key = record.has("diagnostics-every") && !record.has("metrics-every")
                        ? "diagnostics-every" : "metrics-every";
                long every = record.integer(key, 0, 0);
                record.reportUnknownKeys();
                if (every > Integer.MAX_VALUE) {
                    record.problem(key, "must be at most " + Integer.MAX_VALUE + ", was " + every);
                }
                return (int) Math.min(every, Integer.MAX_VALUE);
            }
            if (budget == null) {
                return 0;
            }
            return budget.inSteps() ? 10 : Math.max(1, budget.episodes() / 50);
        }
    }

    /**
     * The spec with every default written out, in a form that is itself a valid spec of the same
     * trials (agents and schedules as lists, as read for the first point; the sweep by canonical
     * paths): what the manifest records, and what a resumed run is compared with.
     */
    private static Map<String, Object> resolved(String name, Map<String, Object> environment, List<TrialSetup> setups,
            int scheduleCount, int pointCount, Clock clock, double fixedRate, Sweep sweep, Budget budget,
            EvaluationSpec evaluation, int metricsEvery, Path out, long masterSeed) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", name);
        r.put("environment", environment);
        List<Map<String, Object>> agents = new ArrayList<>();
        List<Map<String, Object>> schedules = new ArrayList<>();
        int perAgent = scheduleCount * pointCount;
        for (int k = 0; k < setups.size(); k += perAgent) {
            agents.add(setups.get(k).agent().settings());
        }
        for (int j = 0; j < scheduleCount; j++) {
            ScheduleChoice s = setups.get(j * pointCount).schedule();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", s.label());
            m.putAll(s.settings());
            schedules.add(m);
        }
        r.put("agents", agents);
        Map<String, Object> lr = ordered("clock", clock.id());
        if (!Double.isNaN(fixedRate)) {
            lr.put("value", fixedRate);
        }
        r.put("learning-rate", lr);
        r.put("schedules", schedules);
        Map<String, Object> sw = new LinkedHashMap<>();
        for (Sweep.Axis axis : sweep.axes()) {
            sw.put(axis.path(), axis.values().stream().map(SpecReader::normalized).toList());
        }
        sw.put("seeds", Arrays.stream(sweep.seeds()).boxed().toList());
        r.put("sweep", sw);
        Map<String, Object> b = new LinkedHashMap<>();
        if (budget.inSteps()) {
            b.put("steps", budget.steps());
        } else {
            b.put("episodes", budget.episodes());
        }
        int cap = setups.stream().mapToInt(s -> s.environment().maxEpisodeSteps()).distinct().count() == 1
                ? setups.get(0).environment().maxEpisodeSteps() : budget.maxEpisodeSteps();
        if (cap > 0) {
            b.put("max-episode-steps", cap);
        }
        r.put("budget", b);
        if (evaluation != null) {
            r.put("evaluation", ordered("every", evaluation.every(), "episodes", evaluation.episodes()));
        }
        r.put("record", ordered("metrics-every", metricsEvery));
        r.put("output", out.toString());
        r.put("seed", masterSeed);
        return r;
    }

    /** A learning rate, or NaN with a problem when it is outside what a step size can be. */
    private static double rateInBounds(Parameters p, String key, double rate) {
        if (!Double.isNaN(rate) && !RATES.contains(rate)) {
            p.problem(key, "must be between 1e-30 and 1e30, was " + rate);
            return Double.NaN;
        }
        return rate;
    }

    /** The product, or Long.MAX_VALUE when it overflows. */
    private static long saturatingProduct(long... factors) {
        long out = 1;
        for (long f : factors) {
            if (f != 0 && out > Long.MAX_VALUE / f) {
                return Long.MAX_VALUE;
            }
            out *= f;
        }
        return out;
    }

    /** A swept value as records carry it: a number (as a double), a word, or true/false. */
    static Object normalized(Object value) {
        if (value instanceof Boolean) {
            return value;
        }
        Double d = Parameters.asDouble(value);
        return d != null ? d : String.valueOf(value);
    }

    /** The resolved settings that differ from the kind's defaults: what a trial's key says of its environment. */
    private static Map<String, Object> differingFromDefaults(EnvironmentKind kind, Map<String, Object> resolved) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (var e : resolved.entrySet()) {
            Key key = kind.keys().stream().filter(k -> k.name().equals(e.getKey())).findFirst().orElse(null);
            if (key == null) {
                continue; // the id
            }
            Object d = key.presence() == Key.Presence.DEFAULT ? key.defaultValue() : null;
            boolean same = d instanceof Number dn && e.getValue() instanceof Number vn
                    ? dn.doubleValue() == vn.doubleValue() : e.getValue().equals(d);
            if (!same) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /** A deep copy of a map of the spec (maps and lists copied, values shared). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> copyMap(Object map) {
        Map<String, Object> out = new LinkedHashMap<>();
        ((Map<String, Object>) map).forEach((k, v) -> out.put(k, copy(v)));
        return out;
    }

    private static Object copy(Object v) {
        if (v instanceof Map<?, ?> m) {
            return copyMap(m);
        }
        if (v instanceof List<?> l) {
            return new ArrayList<>(l.stream().map(SpecReader::copy).toList());
        }
        return v;
    }
}
