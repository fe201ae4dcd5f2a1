package dev.lrlab.experiments.cli;

import com.google.gson.GsonBuilder;
import dev.lrlab.agents.Registries;
import dev.lrlab.agents.optim.OptimizerBlueprint;
import dev.lrlab.agents.optim.OptimizerKind;
import dev.lrlab.agents.schedule.ScheduleKind;
import dev.lrlab.agents.schedule.StepSizeSchedule;
import dev.lrlab.env.registry.Problems;
import dev.lrlab.experiments.playground.Descent;
import dev.lrlab.env.landscape.Landscape;
import dev.lrlab.reports.figures.Figure;
import dev.lrlab.reports.figures.FigureWriter;
import dev.lrlab.reports.figures.PlaygroundFigures;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lrlab playground LANDSCAPE}: step sizes and optimizers on analytic losses in two dimensions. */
@Command(name = "playground", mixinStandardHelpOptions = true,
        description = "Gradient-based descent on a loss in two dimensions (quadratic, rosenbrock, beale, double-well, "
                + "saddle) through lrlab's optimizers and schedules: several learning rates of one optimizer, or "
                + "several optimizers at one rate (--compare). Writes playground.json, the paths on the landscape, "
                + "loss against step, final loss against rate (with 1/L and 2/L on the quadratic) and an animated GIF.")
final class PlaygroundCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Parameters(paramLabel = "LANDSCAPE", description = "quadratic, rosenbrock, beale, double-well or saddle")
    String landscapeName;

    @Option(names = "--kappa", defaultValue = "10", description = "the quadratic's condition number (default: ${DEFAULT-VALUE})")
    double kappa;

    @Option(names = "--optimizer", defaultValue = "sgd", description = "the optimizer kind, at its defaults (default: ${DEFAULT-VALUE})")
    String optimizer;

    @Option(names = "--rates", split = ",", paramLabel = "R", description = "learning rates (default: on the quadratic "
            + "0.1, 0.5, 0.9, 1.5, 1.9 and 2.5 times 1/L; elsewhere 1e-3 .. 0.3)")
    List<String> rates;

    @Option(names = "--compare", split = ",", paramLabel = "KIND", description = "optimizer kinds to compare at --rate")
    List<String> compare;

    @Option(names = "--rate", defaultValue = "0.01", description = "with --compare: the learning rate (default: ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--schedule", defaultValue = "constant", paramLabel = "KIND",
            description = "the step-size schedule on the updates clock: constant, cosine, step, exponential (its "
                    + "length the steps; default: ${DEFAULT-VALUE})")
    String schedule;

    @Option(names = "--steps", defaultValue = "100", description = "updates per descent (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--noise", defaultValue = "0", description = "standard deviation of Gaussian noise added to each "
            + "gradient component: the stochastic variant (default: ${DEFAULT-VALUE})")
    double noise;

    @Option(names = "--seed", defaultValue = "0", description = "the seed of the gradient noise (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "where to write (default: runs/playground-LANDSCAPE)")
    Path out;

    @Override
    public Integer call() throws Exception {
        Landscape landscape;
        try {
            landscape = Landscape.named(landscapeName, kappa);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        if (steps < 1 || steps > 1_000_000) {
            throw new UserInputException("--steps must be in 1..1000000, was " + steps);
        }
        if (!(noise >= 0)) {
            throw new UserInputException("--noise must be >= 0, was " + noise);
        }
        Registries registries = Registries.load();
        List<String> labels = new ArrayList<>();
        List<Descent.Path> paths = new ArrayList<>();
        List<Double> rateList = new ArrayList<>();
        if (compare != null) {
            if (rates != null) {
                throw new UserInputException("give --rates (one optimizer) or --compare (one --rate), not both");
            }
            for (String kind : compare) {
                paths.add(Descent.run(landscape, optimizer(kind, registries), schedule(rate, registries), steps, noise,
                        seed));
                labels.add(kind + " at " + fmt(rate));
                rateList.add(rate);
            }
        } else {
            OptimizerBlueprint opt = optimizer(optimizer, registries);
            for (double r : rateList(landscape)) {
                paths.add(Descent.run(landscape, opt, schedule(r, registries), steps, noise, seed));
                labels.add(optimizer + " at " + fmt(r));
                rateList.add(r);
            }
        }
        Path dir = out != null ? out : Path.of("runs", "playground-" + landscape.name());
        try {
            Files.createDirectories(dir);
            write(dir, landscape, labels, paths, rateList);
        } catch (IOException e) {
            throw new UserInputException("cannot write " + dir + ": " + e.getMessage());
        }
        var stdout = command.commandLine().getOut();
        for (int i = 0; i < paths.size(); i++) {
            Descent.Path p = paths.get(i);
            stdout.printf(Locale.ROOT, "%s: %s%n", labels.get(i), p.diverged() ? "diverged after "
                    + (p.loss().length - 1) + " steps" : String.format(Locale.ROOT, "loss %.4g after %d steps at "
                    + "(%.4f, %.4f)", p.finalLoss(), steps, p.x()[p.x().length - 1], p.y()[p.y().length - 1]));
        }
        stdout.printf(Locale.ROOT, "playground: %s -> %s%n", landscape.about(), dir);
        return 0;
    }

    private List<Double> rateList(Landscape landscape) {
        if (rates != null) {
            List<Double> out = new ArrayList<>();
            for (String r : rates) {
                try {
                    double v = Double.parseDouble(r.trim());
                    if (!(v > 0) || Double.isInfinite(v)) {
                        throw new NumberFormatException();
                    }
                    out.add(v);
                } catch (NumberFormatException e) {
                    throw new UserInputException("--rates: '" + r + "' is not a number > 0");
                }
            }
            return out;
        }
        if (Double.isFinite(landscape.smoothness())) {
            double l = landscape.smoothness();
            return List.of(0.1 / l, 0.5 / l, 0.9 / l, 1.5 / l, 1.9 / l, 2.5 / l);
        }
        return List.of(1e-3, 3e-3, 1e-2, 3e-2, 1e-1, 3e-1);
    }

    private static OptimizerBlueprint optimizer(String kind, Registries registries) {
        try {
            return OptimizerKind.defaults(kind, registries.optimizers());
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
    }

    private StepSizeSchedule schedule(double base, Registries registries) {
        Problems problems = new Problems();
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("type", schedule);
        switch (schedule) {
            case "cosine" -> spec.put("t-max", steps);
            case "step" -> spec.put("step-size", Math.max(1, steps / 3));
            case "exponential" -> spec.put("gamma", Math.pow(0.01, 1.0 / steps));
            default -> { }
        }
        var blueprint = ScheduleKind.read(dev.lrlab.env.registry.Parameters.of("--schedule", spec, problems), registries.schedules());
        if (!problems.isEmpty() || blueprint == null) {
            throw new UserInputException(String.join("; ", problems.messages()));
        }
        return blueprint.at(base);
    }

    private void write(Path dir, Landscape landscape, List<String> labels, List<Descent.Path> paths, List<Double> rateList)
            throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("landscape", landscape.name());
        json.put("about", landscape.about());
        json.put("steps", steps);
        json.put("noise", noise);
        json.put("schedule", schedule);
        List<Map<String, Object>> runs = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            Descent.Path p = paths.get(i);
            runs.add(Map.of("label", labels.get(i), "rate", rateList.get(i), "diverged", p.diverged(),
                    "x", p.x(), "y", p.y(), "loss", p.loss()));
        }
        json.put("descents", runs);
        Files.writeString(dir.resolve("playground.json"), new GsonBuilder().setPrettyPrinting()
                .serializeSpecialFloatingPointValues().create().toJson(json), StandardCharsets.UTF_8);
        System.setProperty("java.awt.headless", "true");
        double[] w = landscape.window();
        int nx = 120;
        int ny = 90;
        double[][] values = new double[nx][ny];
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                values[i][j] = landscape.loss().value(w[0] + (i + 0.5) * (w[1] - w[0]) / nx,
                        w[2] + (j + 0.5) * (w[3] - w[2]) / ny);
            }
        }
        List<double[]> xs = paths.stream().map(Descent.Path::x).toList();
        List<double[]> ys = paths.stream().map(Descent.Path::y).toList();
        String title = landscape.name() + (noise > 0 ? " (noisy gradients, sd " + fmt(noise) + ")" : "") + ", "
                + steps + " steps" + (schedule.equals("constant") ? "" : ", " + schedule + " schedule");
        FigureWriter.writeAll(PlaygroundFigures.trajectories("trajectories", title, "Each descent's path on the "
                + landscape.name() + " landscape: " + landscape.about() + ".", w, values, labels, xs, ys, -1), dir);
        FigureWriter.writeAll(PlaygroundFigures.loss(title, labels, paths.stream().map(Descent.Path::loss).toList(),
                paths.stream().map(Descent.Path::diverged).toList()), dir);
        if (compare == null) {
            FigureWriter.writeAll(PlaygroundFigures.finalLoss("Final loss against the learning rate: " + title,
                    rateList.stream().mapToDouble(Double::doubleValue).toArray(),
                    paths.stream().mapToDouble(Descent.Path::finalLoss).toArray(), landscape.smoothness()), dir);
        }
        // the animation: the paths growing, 30 frames at most
        List<BufferedImage> frames = new ArrayList<>();
        int count = Math.min(30, steps);
        for (int f = 1; f <= count; f++) {
            int upTo = (int) Math.round((double) f * steps / count);
            Figure frame = PlaygroundFigures.trajectories("frame", title, "", w, values, labels, xs, ys, upTo);
            BufferedImage image = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, frame.width(), frame.height());
            frame.drawing().draw(g, new Rectangle2D.Double(0, 0, frame.width(), frame.height()));
            g.dispose();
            frames.add(image);
        }
        dev.lrlab.env.render.AnimatedGif.write(frames, 120, dir.resolve("trajectories.gif"));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
