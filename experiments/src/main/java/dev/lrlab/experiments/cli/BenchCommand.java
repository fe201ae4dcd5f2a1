package dev.lrlab.experiments.cli;

import com.google.gson.GsonBuilder;
import dev.lrlab.agents.Registries;
import dev.lrlab.env.EnvironmentKind;
import dev.lrlab.experiments.bench.Bench;
import dev.lrlab.experiments.bench.Throughput;
import dev.lrlab.experiments.run.SweepRunner;
import dev.lrlab.experiments.run.SweepSummary;
import dev.lrlab.experiments.spec.AgentChoice;
import dev.lrlab.experiments.spec.ExperimentPlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lrlab bench}: what a sweep will cost, per (environment, agent), and how well sweeps scale. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure environment-plus-agent steps per second for every (environment, agent) pair, "
                + "on one thread and on all threads, and the parallel efficiency of a sweep.",
            "Throughput is counted over wall time after a JIT warm-up; bytes/step is the heap the loop "
                + "allocates (0 means none)."})
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Option(names = "--json", description = "print JSON instead of a table")
    boolean json;

    @Option(names = "--seconds", defaultValue = "0.5", description = "measured seconds per pair and mode (default: ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = "--threads", description = "threads for the all-threads figures (default: all cores)")
    Integer threads;

    @Option(names = "--env", paramLabel = "ID", description = "only these environments (repeatable)")
    List<String> envs = new ArrayList<>();

    @Option(names = "--agent", paramLabel = "TYPE", description = "only these agent types (repeatable)")
    List<String> agents = new ArrayList<>();

    @Option(names = "--no-sweep", description = "skip the sweep efficiency measurement")
    boolean noSweep;

    @Option(names = "--no-networks", description = "skip the networks' microseconds per update and action choice")
    boolean noNetworks;

    @Option(names = "--sweep-spec", paramLabel = "SPEC", description = "the sweep whose parallel efficiency is "
            + "measured (default: the built-in cliff-walking sweep)")
    Path sweepSpec;

    @Option(names = "--networks", description = "only the networks: microseconds per action choice and update of DQN, AC(lambda) and PPO")
    boolean networksOnly;

    @Option(names = "--in-process", description = "measure every environment in this JVM instead of one fresh JVM "
            + "each (faster, but the JIT's profile of the shared loop then mixes environments and slows the later ones)")
    boolean inProcess;

    @Option(names = "--jmh", description = "run the JMH microbenchmarks of the step loops and networks instead "
            + "(forked JVM, 3 warm-up and 5 measured iterations of 1 s each)")
    boolean jmh;

    @Override
    public Integer call() throws Exception {
        if (!(seconds > 0) || seconds > 600) {
            throw new UserInputException("--seconds must be in (0, 600], was " + seconds);
        }
        Registries kinds = Registries.load();
        for (String id : envs) {
            Presets.environment(kinds.environments(), id);
        }
        for (String type : agents) {
            if (kinds.agents().byName(type).isEmpty()) {
                throw new UserInputException(kinds.agents().unknown(type));
            }
        }
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) {
            throw new UserInputException("--threads must be at least 1, was " + n);
        }
        PrintWriter out = command.commandLine().getOut();
        if (jmh) {
            var options = new org.openjdk.jmh.runner.options.OptionsBuilder()
                    .include(dev.lrlab.experiments.bench.jmh.StepLoopBenchmarks.class.getName())
                    .include(dev.lrlab.experiments.bench.jmh.NetworkBenchmarks.class.getName())
                    .forks(1).warmupIterations(3).measurementIterations(5)
                    .warmupTime(org.openjdk.jmh.runner.options.TimeValue.seconds(1))
                    .measurementTime(org.openjdk.jmh.runner.options.TimeValue.seconds(1))
                    .build();
            new org.openjdk.jmh.runner.Runner(options).run();
            return 0;
        }
        if (networksOnly) {
            List<Map<String, Object>> rows = networks(kinds, out);
            if (json) {
                out.println(new GsonBuilder().setPrettyPrinting().create().toJson(Map.of("networks", rows)));
            }
            return 0;
        }
        List<EnvironmentKind> presets = kinds.environments().all().stream()
                .filter(p -> envs.isEmpty() || envs.contains(p.name())).toList();
        if (!inProcess && presets.size() > 1) {
            return forkPerEnvironment(presets, n, out, kinds);
        }
        Bench bench = new Bench(kinds, seconds);
        List<Throughput> rows = new ArrayList<>();
        if (!json) {
            out.printf("%-16s %-22s %9s %14s %14s %10s%n", "environment", "agent", "rate",
                    "1 thread", Words.count(n, "thread"), "bytes/step");
        }
        for (EnvironmentKind preset : presets) {
            for (AgentChoice agent : bench.agentsFor(preset, agents)) {
                Throughput t = bench.measure(preset, agent, n);
                rows.add(t);
                if (!json) {
                    out.printf(Locale.ROOT, "%-16s %-22s %9.3g %11.2f M/s %11.2f M/s %10.3f%n", t.environment(),
                            t.agent(), t.learningRate(), t.singleThreadStepsPerSecond() / 1e6,
                            t.allThreadsStepsPerSecond() / 1e6, t.bytesPerStep());
                    out.flush();
                }
            }
        }
        List<Map<String, Object>> environments = new ArrayList<>();
        if (!json) {
            out.printf("%nenvironment alone, uniformly random policy, one thread (observation read after every step):%n");
            out.printf("%-16s %14s %14s %14s%n", "environment", "no observation", "compact", "features");
        }
        for (EnvironmentKind preset : presets) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("environment", preset.name());
            for (Bench.Observation o : Bench.Observation.values()) {
                row.put(o.name().toLowerCase(Locale.ROOT) + "_steps_per_second", bench.environmentThroughput(preset, o));
            }
            environments.add(row);
            if (!json) {
                out.printf(Locale.ROOT, "%-16s %10.2f M/s %10.2f M/s %10.2f M/s%n", preset.name(),
                        (double) row.get("none_steps_per_second") / 1e6,
                        (double) row.get("compact_steps_per_second") / 1e6,
                        (double) row.get("features_steps_per_second") / 1e6);
                out.flush();
            }
        }
        Map<String, Object> sweep = noSweep ? null : sweepEfficiency(kinds, n, out);
        List<Map<String, Object>> networkRows = noSweep || noNetworks ? List.of() : networks(kinds, out);
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("threads", n);
            result.put("seconds_per_measurement", seconds);
            result.put("pairs", rows);
            result.put("networks", networkRows);
            result.put("environments", environments);
            result.put("sweep", sweep);
            out.println(new GsonBuilder().setPrettyPrinting()
                    .setFieldNamingPolicy(com.google.gson.FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES)
                    .create().toJson(result));
        }
        return 0;
    }

    /**
     * Measures each environment in a JVM of its own (like JMH's forks): the step loop is shared
     * code, and once it has seen several environments the JIT can no longer inline their calls.
     */
    private int forkPerEnvironment(List<EnvironmentKind> presets, int n, PrintWriter out, Registries kinds)
            throws Exception {
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        List<Object> pairs = new ArrayList<>();
        List<Object> environments = new ArrayList<>();
        if (!json) {
            out.printf("%-16s %-22s %9s %14s %14s %10s%n", "environment", "agent", "rate", "1 thread",
                    Words.count(n, "thread"), "bytes/step");
        }
        for (EnvironmentKind preset : presets) {
            List<String> cmd = new ArrayList<>(List.of(javaBin, "-cp", System.getProperty("java.class.path"),
                    Lrlab.class.getName(), "bench", "--json", "--no-sweep", "--in-process", "--env", preset.name(),
                    "--seconds", Double.toString(seconds), "--threads", Integer.toString(n)));
            for (String a : agents) {
                cmd.addAll(List.of("--agent", a));
            }
            Process child = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String text = new String(child.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (child.waitFor() != 0) {
                throw new IllegalStateException("the benchmark of " + preset.name() + " failed");
            }
            var result = com.google.gson.JsonParser.parseString(text).getAsJsonObject();
            for (var pair : result.getAsJsonArray("pairs")) {
                var p = pair.getAsJsonObject();
                pairs.add(p);
                if (!json) {
                    out.printf(Locale.ROOT, "%-16s %-22s %9.3g %11.2f M/s %11.2f M/s %10.3f%n",
                            p.get("environment").getAsString(), p.get("agent").getAsString(),
                            p.get("learning_rate").getAsDouble(),
                            p.get("single_thread_steps_per_second").getAsDouble() / 1e6,
                            p.get("all_threads_steps_per_second").getAsDouble() / 1e6,
                            p.get("bytes_per_step").getAsDouble());
                    out.flush();
                }
            }
            result.getAsJsonArray("environments").forEach(environments::add);
        }
        if (!json) {
            out.printf("%nenvironment alone, uniformly random policy, one thread (observation read after every step):%n");
            out.printf("%-16s %14s %14s %14s%n", "environment", "no observation", "compact", "features");
            for (Object e : environments) {
                var o = ((com.google.gson.JsonElement) e).getAsJsonObject();
                out.printf(Locale.ROOT, "%-16s %10.2f M/s %10.2f M/s %10.2f M/s%n", o.get("environment").getAsString(),
                        o.get("none_steps_per_second").getAsDouble() / 1e6,
                        o.get("compact_steps_per_second").getAsDouble() / 1e6,
                        o.get("features_steps_per_second").getAsDouble() / 1e6);
            }
        }
        Map<String, Object> sweep = noSweep ? null : sweepEfficiency(kinds, n, out);
        List<Map<String, Object>> networkRows = noSweep || noNetworks ? List.of() : networks(kinds, out);
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("threads", n);
            result.put("seconds_per_measurement", seconds);
            result.put("pairs", pairs);
            result.put("networks", networkRows);
            result.put("environments", environments);
            result.put("sweep", sweep);
            out.println(new GsonBuilder().setPrettyPrinting().create().toJson(result));
        }
        return 0;
    }

    /** The network rows: one DQN action choice and one update, per network, on one thread. */
    private List<Map<String, Object>> networks(Registries kinds, PrintWriter out) {
        if (!json) {
            out.printf("%nnetworks, one thread (Breakout, 6 actions; update: DQN's a batch of 32, online and target "
                    + "forward, backward, centered RMSprop; AC(lambda)'s one learning step; PPO's one epoch of 4 "
                    + "minibatches of 128):%n");
            out.printf("%-16s %-58s %10s %12s %12s %12s%n", "name", "layers", "parameters", "us/forward", "us/update",
                    "x FLOP bound");
        }
        List<Map<String, Object>> rows = new dev.lrlab.experiments.bench.NetworkBench(kinds, Math.max(1, seconds)).measure();
        if (!json) {
            for (Map<String, Object> r : rows) {
                out.printf(Locale.ROOT, "%-16s %-58s %10d %12.1f %12.1f %12.2f%n", r.get("name"), r.get("network"),
                        r.get("parameters"), r.get("microseconds_per_forward"), r.get("microseconds_per_update"),
                        r.get("times_flop_bound"));
            }
            if (!rows.isEmpty()) {
                out.printf(Locale.ROOT, "FLOP bound: the update's multiply-adds counted densely (%s MFLOP) at this "
                        + "JVM's best single-thread rate, %.1f GFLOP/s%n", rows.stream()
                                .map(r -> String.format(Locale.ROOT, "%.1f", (Double) r.get("dense_equivalent_mflop_per_update")))
                                .collect(java.util.stream.Collectors.joining(", ")),
                        rows.get(0).get("peak_gflops_one_thread"));
            }
            out.flush();
        }
        return rows;
    }

    /**
     * The built-in sweep (or --sweep-spec), results written as a run writes them, on 1, 2, 4, ...
     * and n threads: same trials, wall times compared with one thread's.
     */
    private Map<String, Object> sweepEfficiency(Registries kinds, int n, PrintWriter out)
            throws Exception {
        ExperimentPlan spec = SpecSource.read(sweepSpec, kinds);
        List<Integer> ladder = new ArrayList<>();
        for (int t = 1; t < n; t *= 2) {
            ladder.add(t);
        }
        ladder.add(n);
        Path tmp = Files.createTempDirectory("lrlab-bench");
        try {
            // a warm-up run per thread count, so that none is measured while the JIT still
            // compiles; then the counts take turns, each the median of three, so that a drift of
            // the machine (turbo, another process) falls on all of them
            for (int t : ladder) {
                run(spec, tmp.resolve("warm-" + t), t);
            }
            double[][] seconds = new double[ladder.size()][3];
            long steps = 0;
            for (int i = 0; i < 3; i++) {
                for (int k = 0; k < ladder.size(); k++) {
                    SweepSummary s = run(spec, tmp.resolve("run-" + ladder.get(k) + "-" + i), ladder.get(k));
                    steps = s.steps();
                    seconds[k][i] = s.wallSeconds();
                }
            }
            double oneSeconds = median(seconds[0]);
            double allSeconds = median(seconds[ladder.size() - 1]);
            double speedup = oneSeconds / allSeconds;
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int k = 0; k < ladder.size(); k++) {
                double sec = median(seconds[k]);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("threads", ladder.get(k));
                row.put("seconds", sec);
                row.put("speedup", oneSeconds / sec);
                row.put("efficiency", oneSeconds / sec / ladder.get(k));
                rows.add(row);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("spec", spec.name());
            m.put("trials", spec.trialCount());
            m.put("steps", steps);
            m.put("one_thread_seconds", oneSeconds);
            m.put("all_threads_seconds", allSeconds);
            m.put("threads", n);
            m.put("speedup", speedup);
            m.put("efficiency", speedup / n);
            m.put("ladder", rows);
            if (!json && n == 1) {
                out.printf(Locale.ROOT, "%nsweep %s (%s, %,d steps, results written): 1 thread %.2f s (median of 3); "
                        + "give --threads 2 or more for the parallel efficiency%n", spec.name(),
                        Words.count(spec.trialCount(), "trial"), steps, oneSeconds);
            } else if (!json) {
                out.printf(Locale.ROOT, "%nsweep %s (%s, %,d steps, results written), median of 3:%n", spec.name(),
                        Words.count(spec.trialCount(), "trial"), steps);
                out.printf(Locale.ROOT, "  %8s %10s %9s %11s%n", "threads", "seconds", "speed-up", "efficiency");
                for (Map<String, Object> row : rows) {
                    out.printf(Locale.ROOT, "  %8d %10.2f %8.2fx %10.0f%%%n", row.get("threads"), row.get("seconds"),
                            row.get("speedup"), 100 * (Double) row.get("efficiency"));
                }
            }
            return m;
        } finally {
            try (Stream<Path> files = Files.walk(tmp)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static SweepSummary run(ExperimentPlan spec, Path dir, int threads)
            throws IOException {
        try {
            return new SweepRunner(spec, new SweepRunner.Options(dir, threads, false, false),
                    new PrintWriter(new StringWriter())).run();
        } catch (dev.lrlab.experiments.run.RunDirectoryException e) {
            throw new IOException(e.getMessage());
        }
    }
}
