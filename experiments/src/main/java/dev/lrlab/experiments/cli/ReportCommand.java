package dev.lrlab.experiments.cli;

import dev.lrlab.reports.Report;
import dev.lrlab.reports.ReportException;
import dev.lrlab.reports.ReportOptions;
import dev.lrlab.reports.RunData;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lrlab report RUN_DIR}: figures, tables and report.html from a run directory. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write RUN_DIR/report/: figures (SVG, PNG, PDF), summary.csv, curves.csv, summary.md "
                + "and a self-contained report.html. Also run at the end of `lrlab run`.")
final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Parameters(paramLabel = "RUN_DIR", description = "a directory written by `lrlab run`")
    Path dir;

    @Option(names = "--smoothing", defaultValue = "0", description = "moving-window width over episodes for curves (0: about 1/50 of the episodes)")
    int smoothing;

    @Option(names = "--x", defaultValue = "auto", description = "x axis of the curves: episodes, steps, or auto "
            + "(steps when the budget was in steps; default: ${DEFAULT-VALUE})")
    String x;

    @Option(names = "--window", defaultValue = "0", description = "episodes in the interim and asymptotic windows (0: a tenth of the episodes)")
    int window;

    @Option(names = "--resamples", defaultValue = "2000", description = "bootstrap resamples (default: ${DEFAULT-VALUE})")
    int resamples;

    @Option(names = "--seed", defaultValue = "0", description = "seed of the bootstrap (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--x-param", paramLabel = "PATH", description = "the swept path on the x axis of the sensitivity "
            + "figures, such as agent.exploration.epsilon (default: the learning rate, learning-rate.value)")
    String xParam;

    @Option(names = "--highlight", paramLabel = "VALUES", defaultValue = "auto", description = "which values of x "
            + "the return curves draw in full: auto (every one up to six; past six, each panel's smallest, largest "
            + "and best), all, or a list such as 0.1,0.5,1 (default: ${DEFAULT-VALUE})")
    String highlight;

    @Override
    public Integer call() {
        ReportOptions.XAxis axis = switch (x) {
            case "auto" -> ReportOptions.XAxis.AUTO;
            case "episodes" -> ReportOptions.XAxis.EPISODES;
            case "steps" -> ReportOptions.XAxis.STEPS;
            default -> throw new UserInputException("--x must be auto, episodes or steps, was '" + x + "'");
        };
        if (smoothing < 0 || window < 0 || resamples < 100) {
            throw new UserInputException("--smoothing and --window must be >= 0 and --resamples >= 100");
        }
        return write(dir, new ReportOptions(smoothing, axis, window, resamples, 0.95, seed, xParam, highlight),
                command.commandLine().getOut(), command.commandLine().getErr());
    }

    /** Writes the report and says what it wrote; shared with {@code lrlab run}. */
    static int write(Path dir, ReportOptions options, PrintWriter out, PrintWriter err) {
        long started = System.nanoTime();
        // the figure classes load and initialise while the trials are read, not after
        Thread warmUp = new Thread(dev.lrlab.reports.figures.FigureWriter::warmUp, "lrlab-figure-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        RunData run;
        try {
            run = RunData.load(dir);
        } catch (ReportException e) {
            throw new UserInputException(e.getMessage());
        }
        run.warnings().forEach(w -> err.println("lrlab report: warning: " + w));
        try {
            // a line that rewrites itself on a terminal; elsewhere (a log, a pipe) only the result
            boolean terminal = System.console() != null;
            Report.Result result = Report.write(run, options, what -> {
                if (terminal) {
                    err.printf(Locale.ROOT, "\rreport: %-60.60s", what);
                    err.flush();
                }
            });
            if (terminal) {
                err.printf("\r%-70s\r", "");
                err.flush();
            }
            out.printf(Locale.ROOT, "report: %d trials, %d figures in %.1f s -> %s%n", result.trials(),
                    result.figures().size(), (System.nanoTime() - started) / 1e9, result.dir().resolve("report.html"));
            return 0;
        } catch (ReportException e) {
            throw new UserInputException(e.getMessage());
        } catch (IOException e) {
            throw new UserInputException("cannot write the report into " + dir.resolve("report") + ": " + e.getMessage());
        }
    }
}
