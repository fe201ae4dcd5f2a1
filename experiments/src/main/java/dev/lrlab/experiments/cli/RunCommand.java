package dev.lrlab.experiments.cli;

import dev.lrlab.agents.Registries;
import dev.lrlab.experiments.run.Footprint;
import dev.lrlab.experiments.run.RunDirectoryException;
import dev.lrlab.experiments.run.SweepRunner;
import dev.lrlab.experiments.run.SweepSummary;
import dev.lrlab.experiments.spec.ExperimentPlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lrlab run [SPEC]}: the sweep, then the report. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Sweep learning rates, and any other setting the spec names by its path, over seeds "
                + "(and agents, schedules) and write a return curve and the metrics of every trial to a run "
                + "directory. Running it again on the same directory resumes.",
            "With no SPEC, runs the built-in cliff-walking alpha sweep (" + SpecSource.DEFAULT + ")."})
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "change one setting of the spec, as if "
            + "the file said so (repeatable): --set budget.steps=5000000 --set environment.sticky=0")
    java.util.List<String> overrides = new java.util.ArrayList<>();

    @Parameters(paramLabel = "SPEC", arity = "0..1", description = "a YAML or JSON experiment spec")
    Path file;

    @Option(names = "--out", paramLabel = "DIR", description = "run directory (default: the spec's output, or runs/<name>)")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: all cores)")
    Integer threads;

    @Option(names = "--no-report", description = "skip the report at the end")
    boolean noReport;

    @Option(names = "--yes", description = "run even when the spec may not fit in memory "
            + "(see `lrlab validate`)")
    boolean yes;

    @Option(names = "--shard", paramLabel = "I/N", description = "run only shard I of N (I from 0, as Slurm array "
            + "and Kubernetes completion indexes count): every N-th trial from the I-th; `lrlab merge` joins the "
            + "shards' directories into one run (default directory: runs/<name>/shard-I-of-N)")
    String shard;

    @Option(names = "--force-new", description = "start afresh even if DIR holds a run of another spec "
            + "(the old run is moved to DIR/previous-<time>/)")
    boolean forceNew;

    /** I and N of "I/N", or a message. */
    static int[] parseShard(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,9})/(\\d{1,9})").matcher(text.trim());
        if (!m.matches()) {
            throw new UserInputException("--shard must be I/N, such as 0/4, was '" + text + "'");
        }
        int i = Integer.parseInt(m.group(1));
        int n = Integer.parseInt(m.group(2));
        if (n < 1 || i >= n) {
            throw new UserInputException("--shard " + text + ": I must be in 0.." + (n - 1) + " (shards count from 0)");
        }
        return new int[] {i, n};
    }

    @Override
    public Integer call() {
        PrintWriter log = command.commandLine().getErr();
        ExperimentPlan spec = SpecSource.read(file, Registries.load(), overrides);
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) {
            throw new UserInputException("--threads must be at least 1, was " + n);
        }
        int[] slice = shard == null ? null : parseShard(shard);
        Path dir = out != null ? out : slice == null ? spec.output()
                : spec.output().resolve("shard-" + slice[0] + "-of-" + slice[1]);
        String tooLarge = Footprint.of(spec).tooLarge(n, Runtime.getRuntime().maxMemory(), !noReport,
                spec.search() != null);
        if (tooLarge != null && !yes) {
            throw new UserInputException("this spec may not fit in memory: " + tooLarge + ". Shrink the budget or the "
                    + "sweep, give more heap (LRLAB_JAVA_OPTS=-Xmx...), or pass --yes to run anyway");
        }
        spec.warnings().forEach(w -> log.println("lrlab run: warning: " + w));
        int planned = spec.search() != null ? dev.lrlab.experiments.search.SearchSource.of(spec).planned()
                : spec.trialCount();
        log.printf("lrlab run: %s, %s%s on %s -> %s%n", spec.name(), slice == null ? Words.count(planned, "trial")
                : "shard " + shard + " of " + Words.count(planned, "trial"), spec.search() == null ? ""
                : " at most (a " + spec.search().spec().method() + " search)", Words.count(n, "thread"), dir);
        if (spec.search() != null && slice != null) {
            throw new UserInputException("--shard splits a grid sweep; a search decides its next trials from the "
                    + "finished ones, so it runs in one directory");
        }
        dev.lrlab.experiments.search.SearchSource search = spec.search() == null ? null
                : dev.lrlab.experiments.search.SearchSource.of(spec);
        SweepRunner runner = search != null
                ? new SweepRunner(spec, search, new SweepRunner.Options(dir, n, forceNew, System.console() != null), log)
                : slice == null
                ? new SweepRunner(spec, new SweepRunner.Options(dir, n, forceNew, System.console() != null), log)
                : new SweepRunner(spec, dev.lrlab.experiments.run.GridSource.shard(spec, slice[0], slice[1]),
                        new SweepRunner.Options(dir, n, forceNew, System.console() != null, java.util.List.of(),
                                slice[0] + "/" + slice[1]), log);
        CountDownLatch finished = new CountDownLatch(1);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread onInterrupt = new Thread(() -> {
            if (!running.get()) {
                return; // the JVM is ending for another reason (an error was reported): nothing was interrupted
            }
            // Ctrl-C: stop the trials still running; every finished one is already on disk
            runner.cancel();
            try {
                finished.await(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            log.println("lrlab run: interrupted; finished trials are kept in " + dir
                    + "; run the same command again to resume");
            log.flush();
        });
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        SweepSummary summary;
        try {
            summary = runner.run();
        } catch (RunDirectoryException e) {
            throw new UserInputException(e.getMessage());
        } catch (IOException e) {
            throw new UserInputException("cannot write the results: " + e.getMessage());
        } finally {
            running.set(false);
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // an interrupt arrived: its hook says so
            }
        }
        if (summary.interrupted()) {
            command.commandLine().getOut().println(summary.describe());
            return Lrlab.EXIT_INTERRUPTED;
        }
        command.commandLine().getOut().println(summary.describe());
        command.commandLine().getOut().println("results: " + dir.resolve(dev.lrlab.reports.results.RunResults.TRIALS)
                + " (Parquet: pandas.read_parquet reads the folder; metrics in " + dir.resolve("metrics") + ")");
        if (search != null) {
            try {
                var found = dev.lrlab.experiments.search.SearchResults.write(dir, spec, search,
                        dev.lrlab.reports.results.RunResults.read(dir).records());
                command.commandLine().getOut().println(found.best() == null ? "search: no configuration finished"
                        : "search: best of " + found.configurations() + " configurations " + found.best()
                                + ", objective " + found.objective() + " -> " + dir.resolve("best.yaml"));
            } catch (IOException e) {
                throw new UserInputException("cannot write the search's results: " + e.getMessage());
            }
        }
        if (!noReport) {
            ReportCommand.write(dir, dev.lrlab.reports.ReportOptions.DEFAULTS, command.commandLine().getOut(), log);
        }
        // failed trials are lrlab's or a plugin's bug, not the user's: the internal-failure exit code
        return summary.failed() > 0 ? Lrlab.EXIT_INTERNAL : 0;
    }
}
