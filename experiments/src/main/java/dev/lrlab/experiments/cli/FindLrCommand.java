package dev.lrlab.experiments.cli;

import com.google.gson.GsonBuilder;
import dev.lrlab.agents.HeldOutLoss;
import dev.lrlab.agents.Registries;
import dev.lrlab.experiments.findlr.RangeCurve;
import dev.lrlab.experiments.findlr.RangeTest;
import dev.lrlab.experiments.findlr.RangeTestOptions;
import dev.lrlab.experiments.spec.ExperimentPlan;
import dev.lrlab.experiments.spec.TrialSetup;
import dev.lrlab.reports.figures.FigureWriter;
import dev.lrlab.reports.figures.RangeTestFigure;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lrlab find-lr SPEC}: the learning-rate range test for each agent of a spec. */
@Command(name = "find-lr", mixinStandardHelpOptions = true,
        description = "The learning-rate range test (Smith; fast.ai's lr_find) for each agent of a spec: the rate "
                + "grows exponentially with the agent's updates while its loss on held-out random-policy data is "
                + "recorded; writes find-lr/find-lr.json (rates, losses, smoothed losses and the suggestions valley, "
                + "steep and minimum per agent and seed) and its figure into the spec's run directory.")
final class FindLrCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Parameters(paramLabel = "SPEC", arity = "0..1",
            description = "a YAML or JSON experiment spec; its sweep's learning rates are ignored")
    Path file;

    @Option(names = "--supervised", paramLabel = "PROBLEM", description = "instead of a spec, the range test in its "
            + "original setting: a classifier on a bundled problem (spirals), then one-cycle against constant rates")
    String supervised;

    @Option(names = "--optimizer", defaultValue = "adam",
            description = "with --supervised: the optimizer kind, at its defaults (default: ${DEFAULT-VALUE})")
    String optimizerName;

    @Option(names = "--epochs", defaultValue = "5",
            description = "with --supervised: epochs of each comparison training (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "change one setting of the spec (repeatable)")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--start", defaultValue = "1e-7", description = "the first rate (default: ${DEFAULT-VALUE})")
    double start;

    @Option(names = "--end", defaultValue = "10", description = "the last rate (default: ${DEFAULT-VALUE})")
    double end;

    @Option(names = "--updates", defaultValue = "10000", description = "updates over which the rate grows (default: ${DEFAULT-VALUE})")
    long updates;

    @Option(names = "--points", defaultValue = "200", description = "losses recorded along the way (default: ${DEFAULT-VALUE})")
    int points;

    @Option(names = "--held-out", defaultValue = "2000", description = "random-policy steps held out (default: ${DEFAULT-VALUE})")
    int heldOut;

    @Option(names = "--seeds", defaultValue = "5", description = "seeds per agent, the spec's first ones (default: ${DEFAULT-VALUE})")
    int seeds;

    @Option(names = "--threads", description = "threads (default: all cores); the curves do not depend on it")
    Integer threads;

    @Option(names = "--out", paramLabel = "DIR", description = "the run directory (default: the spec's output)")
    Path out;

    @Override
    public Integer call() throws Exception {
        RangeTestOptions options;
        try {
            options = new RangeTestOptions(start, end, updates, points, heldOut, RangeTestOptions.DEFAULTS.beta(),
                    RangeTestOptions.DEFAULTS.divergeFactor(), RangeTestOptions.DEFAULTS.stepCap());
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--start/--end/--updates/--points: " + e.getMessage());
        }
        if (seeds < 1 || heldOut < 10) {
            throw new UserInputException("--seeds must be at least 1 and --held-out at least 10");
        }
        if (supervised != null) {
            if (file != null || !overrides.isEmpty()) {
                throw new UserInputException("--supervised " + supervised + " runs on its own problem: give no SPEC "
                        + "and no --set");
            }
            return SupervisedFindLr.run(supervised, optimizerName, epochs, seeds, options, out, threads,
                    command.commandLine().getOut(), command.commandLine().getErr());
        }
        if (file == null) {
            throw new UserInputException("give a SPEC, or --supervised spirals for the range test on a classifier");
        }
        ExperimentPlan plan = SpecSource.read(file, Registries.load(), overrides);
        // one setup per agent: its first schedule and point (the rate is the test's own)
        Map<String, TrialSetup> byAgent = new LinkedHashMap<>();
        for (TrialSetup s : plan.setups()) {
            byAgent.putIfAbsent(s.agent().label(), s);
        }
        long[] seedList = Arrays.copyOf(plan.sweep().seeds(), Math.min(seeds, plan.sweep().seeds().length));
        PrintWriter log = command.commandLine().getErr();
        String lossName = null;
        for (TrialSetup s : byAgent.values()) {
            var probe = s.agent().blueprint().create(s.environment().create(), dev.lrlab.agents.TrialContext.of(
                    dev.lrlab.agents.schedule.ClockedSchedule.constant(1e-3),
                    org.apache.commons.rng.simple.RandomSource.XO_RO_SHI_RO_128_PP.create(0L)));
            if (!(probe instanceof HeldOutLoss h)) {
                throw new UserInputException(s.agent().label() + ": the range test needs a loss on held-out data, "
                        + "which this agent kind does not define (tabular, linear, policy-gradient and DQN agents do)");
            }
            lossName = lossName == null ? h.lossName() : lossName.equals(h.lossName()) ? lossName : "held-out loss";
        }
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) {
            throw new UserInputException("--threads must be at least 1, was " + n);
        }
        log.printf(Locale.ROOT, "lrlab find-lr: %d agent%s x %d seed%s, rate %s -> %s over %,d updates%n",
                byAgent.size(), byAgent.size() == 1 ? "" : "s", seedList.length, seedList.length == 1 ? "" : "s",
                start, end, updates);
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<List<Future<RangeCurve>>> futures = new ArrayList<>();
        try {
            for (TrialSetup s : byAgent.values()) {
                List<Future<RangeCurve>> ofAgent = new ArrayList<>();
                for (long seed : seedList) {
                    ofAgent.add(pool.submit(() -> RangeTest.run(s, seed, options)));
                }
                futures.add(ofAgent);
            }
            List<List<RangeCurve>> curves = new ArrayList<>();
            for (List<Future<RangeCurve>> ofAgent : futures) {
                List<RangeCurve> got = new ArrayList<>();
                for (Future<RangeCurve> f : ofAgent) {
                    got.add(f.get());
                }
                curves.add(got);
            }
            Path dir = (out != null ? out : plan.output()).resolve("find-lr");
            write(dir, curves, options, lossName, plan.name());
            double seconds = (System.nanoTime() - started) / 1e9;
            PrintWriter stdout = command.commandLine().getOut();
            for (List<RangeCurve> ofAgent : curves) {
                double[] valley = ofAgent.stream().mapToDouble(c -> c.suggestions().valley()).filter(Double::isFinite)
                        .sorted().toArray();
                stdout.printf(Locale.ROOT, "%s: valley %s (median of %d; seeds %s .. %s), steep %s, minimum/10 %s%n",
                        ofAgent.get(0).agent(), fmt(median(valley)), valley.length,
                        fmt(valley.length == 0 ? Double.NaN : valley[0]),
                        fmt(valley.length == 0 ? Double.NaN : valley[valley.length - 1]),
                        fmt(median(ofAgent.stream().mapToDouble(c -> c.suggestions().steep()).toArray())),
                        fmt(median(ofAgent.stream().mapToDouble(c -> c.suggestions().minimum()).toArray())));
            }
            long steps = curves.stream().flatMap(List::stream).mapToLong(RangeCurve::steps).sum();
            stdout.printf(Locale.ROOT, "range tests: %,d environment steps in %.1f s -> %s%n", steps, seconds,
                    dir.resolve("find-lr.json"));
            return 0;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Writes find-lr.json and its figure into {@code dir}; {@code name} is the spec's (or the problem's). */
    static void write(Path dir, List<List<RangeCurve>> curves, RangeTestOptions options, String lossName,
            String name) throws IOException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserInputException("cannot write " + dir + ": " + e.getMessage());
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("spec", name);
        json.put("loss", lossName);
        json.put("options", options);
        List<Map<String, Object>> agents = new ArrayList<>();
        List<RangeTestFigure.Panel> panels = new ArrayList<>();
        for (List<RangeCurve> ofAgent : curves) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("agent", ofAgent.get(0).agent());
            List<Map<String, Object>> seeds = new ArrayList<>();
            for (RangeCurve c : ofAgent) {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("seed", c.seed());
                s.put("stopped", c.stopped());
                s.put("steps", c.steps());
                s.put("rates", c.rates());
                s.put("losses", c.losses());
                s.put("smoothed", c.smoothed());
                s.put("suggestions", Map.of("valley", c.suggestions().valley(), "steep", c.suggestions().steep(),
                        "minimum", c.suggestions().minimum()));
                seeds.add(s);
            }
            a.put("seeds", seeds);
            a.put("median_suggestions", Map.of(
                    "valley", median(ofAgent.stream().mapToDouble(c -> c.suggestions().valley()).toArray()),
                    "steep", median(ofAgent.stream().mapToDouble(c -> c.suggestions().steep()).toArray()),
                    "minimum", median(ofAgent.stream().mapToDouble(c -> c.suggestions().minimum()).toArray())));
            agents.add(a);
            panels.add(new RangeTestFigure.Panel(ofAgent.get(0).agent(),
                    ofAgent.stream().map(RangeCurve::rates).toList(), ofAgent.stream().map(RangeCurve::smoothed).toList(),
                    ofAgent.stream().map(c -> new double[] {c.suggestions().valley(), c.suggestions().steep(),
                            c.suggestions().minimum()}).toList()));
        }
        json.put("agents", agents);
        Files.writeString(dir.resolve("find-lr.json"), new GsonBuilder().setPrettyPrinting()
                .serializeSpecialFloatingPointValues().create().toJson(json), StandardCharsets.UTF_8);
        System.setProperty("java.awt.headless", "true");
        FigureWriter.writeAll(RangeTestFigure.of(panels, lossName, options.start(), options.end()), dir);
    }

    /** The median of the finite values, NaN when there is none. */
    static double median(double[] values) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        return finite.length == 0 ? Double.NaN : finite[finite.length / 2];
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "none" : String.format(Locale.ROOT, "%.3g", v);
    }
}
