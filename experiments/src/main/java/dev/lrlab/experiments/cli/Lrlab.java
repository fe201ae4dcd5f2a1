package dev.lrlab.experiments.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code lrlab} command: a verb per job, each with its own {@code --help}. */
@Command(name = "lrlab",
        mixinStandardHelpOptions = true,
        versionProvider = Lrlab.Version.class,
        description = "A learning-rate lab for reinforcement learning.",
        subcommands = {
            RunCommand.class,
            InitCommand.class,
            FindLrCommand.class,
            PlaygroundCommand.class,
            MergeCommand.class,
            ExportCommand.class,
            ClusterCommands.Slurm.class,
            ClusterCommands.K8s.class,
            ReportCommand.class,
            BenchCommand.class,
            PlayCommand.class,
            TraceCommand.class,
            ValidateCommand.class,
            EnvsCommand.class,
            AgentsCommand.class,
            SchedulesCommand.class,
            OptimizersCommand.class,
            CheckEnvCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Lrlab implements Runnable {

    /** Exit code for an internal failure: a bug in lrlab or a plugin (also when trials of a sweep failed). */
    public static final int EXIT_INTERNAL = 1;
    /** Exit code for bad input: an unknown id, a malformed spec, an unusable directory. */
    public static final int EXIT_BAD_INPUT = 2;
    /** Exit code of a run interrupted by Ctrl-C or SIGTERM (finished trials are kept). */
    public static final int EXIT_INTERRUPTED = 130;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the CLI with the given streams and returns the exit code, for tests and for main. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Lrlab());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UserInputException || e instanceof dev.lrlab.env.registry.PluginException) {
                commandLine.getErr().println("lrlab " + commandLine.getCommandName() + ": " + e.getMessage());
                return EXIT_BAD_INPUT;
            }
            // A bug, not bad input: say so, with where it happened, so that it can be reported.
            commandLine.getErr().println("lrlab " + commandLine.getCommandName()
                    + ": internal error (a bug; please report it with these lines): " + e);
            java.util.Arrays.stream(e.getStackTrace()).limit(5)
                    .forEach(frame -> commandLine.getErr().println("    at " + frame));
            return EXIT_INTERNAL;
        });
        return cli.execute(args);
    }

    /** lrlab's version (from the build), the commit it runs from, and the JVM. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String commit = dev.lrlab.experiments.run.Version.gitCommit();
            return new String[] {"lrlab " + dev.lrlab.experiments.run.Version.lrlab()
                    + (commit == null ? "" : " (" + commit + ")"), dev.lrlab.experiments.run.Version.jvm()};
        }
    }
}
