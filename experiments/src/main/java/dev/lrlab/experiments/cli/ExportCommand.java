package dev.lrlab.experiments.cli;

import dev.lrlab.reports.results.ResultsJson;
import dev.lrlab.reports.results.RunResults;
import dev.lrlab.reports.results.TrialRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lrlab export RUN_DIR}: a run's trials as JSON lines, for jq, diff and tools that do not read Parquet. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Print the trials of a run directory as JSON lines (the record format of trials.jsonl), "
                + "whatever the directory stores them in: for jq, diff, and tools that do not read Parquet.")
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Parameters(paramLabel = "RUN_DIR", description = "the run directory")
    Path dir;

    @Option(names = "--sorted", description = "by key, without wall time: two runs of the same spec print the same")
    boolean sorted;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(dir) || !RunResults.present(dir)) {
            throw new UserInputException(dir + " holds no trials (not an lrlab run directory?)");
        }
        PrintWriter out = command.commandLine().getOut();
        var gson = ResultsJson.compact();
        if (!sorted) {
            // one part at a time: a run of a million trials prints in the memory of one part
            RunResults.Contents c = RunResults.scan(dir, g -> { });
            if (!c.damage().isEmpty()) {
                command.commandLine().getErr().println("lrlab export: skipped what cannot be read:\n  "
                        + String.join("\n  ", c.damage()));
            }
            RunResults.forEach(dir, r -> out.println(gson.toJson(r)));
        } else {
            RunResults.Contents c = RunResults.read(dir);
            if (!c.damage().isEmpty()) {
                command.commandLine().getErr().println("lrlab export: skipped what cannot be read:\n  "
                        + String.join("\n  ", c.damage()));
            }
            c.records().stream().sorted(Comparator.comparing(TrialRecord::key)).map(TrialRecord::withoutWallTime)
                    .forEach(r -> out.println(gson.toJson(r)));
        }
        out.flush();
        return 0;
    }
}
