package dev.lrlab.experiments.cli;

import com.google.gson.GsonBuilder;
import dev.lrlab.agents.Registries;
import dev.lrlab.agents.schedule.Constant;
import dev.lrlab.agents.schedule.OneCycle;
import dev.lrlab.agents.schedule.StepSizeSchedule;
import dev.lrlab.experiments.findlr.RangeCurve;
import dev.lrlab.experiments.findlr.RangeTestOptions;
import dev.lrlab.experiments.supervised.SupervisedRangeTest;
import dev.lrlab.experiments.supervised.SupervisedRangeTest.Training;
import dev.lrlab.experiments.supervised.SupervisedTask;
import dev.lrlab.reports.figures.FigureWriter;
import dev.lrlab.reports.figures.TrainingCurvesFigure;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code lrlab find-lr --supervised spirals}: the range test on a classifier, as Smith and fast.ai
 * run it, then what its suggestion is for: trainings with the one-cycle schedule peaking at the
 * suggested rate (minimum/10, fast.ai's first rule) against a constant rate there and a constant
 * rate at the valley suggestion, on the same seeds.
 */
final class SupervisedFindLr {

    private SupervisedFindLr() {
    }

    static int run(String problem, String optimizer, int epochs, int seeds, RangeTestOptions given, Path out,
            Integer threads, PrintWriter stdout, PrintWriter log) throws Exception {
        if (!problem.equals(SupervisedTask.SPIRALS)) {
            throw new UserInputException("--supervised: no problem '" + problem + "'; the bundled one is "
                    + SupervisedTask.SPIRALS);
        }
        if (epochs < 1) {
            throw new UserInputException("--epochs must be at least 1, was " + epochs);
        }
        SupervisedTask task;
        try {
            task = SupervisedTask.spirals(optimizer, Registries.load().optimizers());
        } catch (RuntimeException e) {
            throw new UserInputException("--optimizer: " + e.getMessage());
        }
        // a classifier's test needs far fewer updates than an RL agent's: 2,000 unless given
        RangeTestOptions options = given.updates() == RangeTestOptions.DEFAULTS.updates()
                ? new RangeTestOptions(given.start(), given.end(), 2000, given.points(), given.heldOutSteps(),
                        given.beta(), given.divergeFactor(), given.stepCap())
                : given;
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) {
            throw new UserInputException("--threads must be at least 1, was " + n);
        }
        Path dir = out != null ? out : Path.of("runs", "find-lr-" + problem + "-" + optimizer);
        log.printf(Locale.ROOT, "lrlab find-lr: %s (%d training points, MLP 2-64-64-3, %s) x %d seed%s, rate %s -> %s "
                + "over %,d updates%n", problem, task.train().size(), optimizer, seeds, seeds == 1 ? "" : "s",
                options.start(), options.end(), options.updates());
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<RangeCurve>> tests = new ArrayList<>();
            for (long seed = 0; seed < seeds; seed++) {
                long s = seed;
                tests.add(pool.submit(() -> SupervisedRangeTest.run(task, s, options)));
            }
            List<RangeCurve> curves = new ArrayList<>();
            for (Future<RangeCurve> f : tests) {
                curves.add(f.get());
            }
            String lossName = "held-out negative log-likelihood";
            FindLrCommand.write(dir, List.of(curves), options, lossName, problem);
            double peak = FindLrCommand.median(curves.stream().mapToDouble(c -> c.suggestions().minimum()).toArray());
            double valley = FindLrCommand.median(curves.stream().mapToDouble(c -> c.suggestions().valley()).toArray());
            if (!(peak > 0) || !(valley > 0)) {
                throw new UserInputException("the range test suggested no rate (every seed stopped at once); try a "
                        + "smaller --start");
            }
            long total = (long) epochs * task.updatesPerEpoch();
            Map<String, StepSizeSchedule> schedules = new LinkedHashMap<>();
            schedules.put(String.format(Locale.ROOT, "one-cycle, peak %.3g (minimum/10)", peak),
                    OneCycle.of(peak, total, OneCycle.DEFAULT_PCT_START, 25, 1e4));
            schedules.put(String.format(Locale.ROOT, "constant %.3g (minimum/10)", peak), Constant.of(peak));
            schedules.put(String.format(Locale.ROOT, "constant %.3g (valley)", valley), Constant.of(valley));
            Map<String, List<Future<Training>>> runs = new LinkedHashMap<>();
            for (var e : schedules.entrySet()) {
                List<Future<Training>> ofSchedule = new ArrayList<>();
                for (long seed = 0; seed < seeds; seed++) {
                    long s = seed;
                    ofSchedule.add(pool.submit(() -> SupervisedRangeTest.train(task, e.getValue(), epochs, s)));
                }
                runs.put(e.getKey(), ofSchedule);
            }
            List<TrainingCurvesFigure.Line> lines = new ArrayList<>();
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("problem", problem);
            json.put("optimizer", optimizer);
            json.put("epochs", epochs);
            json.put("suggestions", Map.of("minimum", peak, "valley", valley));
            List<Map<String, Object>> results = new ArrayList<>();
            for (var e : runs.entrySet()) {
                List<Training> got = new ArrayList<>();
                for (Future<Training> f : e.getValue()) {
                    got.add(f.get());
                }
                lines.add(new TrainingCurvesFigure.Line(e.getKey(), List.of(
                        got.stream().map(Training::accuracy).toArray(double[][]::new),
                        got.stream().map(Training::heldOutLoss).toArray(double[][]::new))));
                double[] last = got.stream().mapToDouble(t -> t.accuracy()[epochs - 1]).toArray();
                double mean = java.util.Arrays.stream(last).average().orElse(Double.NaN);
                results.add(Map.of("schedule", e.getKey(), "final_accuracy_mean", mean,
                        "final_accuracy", last, "accuracy", got.stream().map(Training::accuracy).toList(),
                        "held_out_loss", got.stream().map(Training::heldOutLoss).toList(),
                        "train_loss", got.stream().map(Training::trainLoss).toList()));
                stdout.printf(Locale.ROOT, "%s: held-out accuracy after %d epochs %.3f (seeds %.3f .. %.3f)%n",
                        e.getKey(), epochs, mean, java.util.Arrays.stream(last).min().orElse(Double.NaN),
                        java.util.Arrays.stream(last).max().orElse(Double.NaN));
            }
            json.put("trainings", results);
            Files.writeString(dir.resolve("one-cycle.json"), new GsonBuilder().setPrettyPrinting()
                    .serializeSpecialFloatingPointValues().create().toJson(json), StandardCharsets.UTF_8);
            FigureWriter.writeAll(TrainingCurvesFigure.of("one-cycle", "After the range test: " + optimizer
                    + " on the spirals, " + epochs + " epochs", "Held-out accuracy and loss per epoch of the spiral "
                    + "classifier under the one-cycle schedule peaking at the range test's minimum/10 suggestion, "
                    + "a constant rate there, and a constant rate at its valley suggestion: the mean over " + seeds
                    + " seeds, the band from the lowest to the highest seed.", List.of("held-out accuracy",
                    "held-out loss"), lines), dir);
            stdout.printf(Locale.ROOT, "range test: valley %.3g, minimum/10 %.3g (medians of %d seeds); %.1f s -> %s%n",
                    valley, peak, seeds, (System.nanoTime() - started) / 1e9, dir);
            return 0;
        } catch (IOException e) {
            throw new UserInputException("cannot write " + dir + ": " + e.getMessage());
        } finally {
            pool.shutdownNow();
        }
    }
}
