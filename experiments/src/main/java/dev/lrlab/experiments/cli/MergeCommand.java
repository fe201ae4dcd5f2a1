package dev.lrlab.experiments.cli;

import com.google.gson.JsonElement;
import dev.lrlab.agents.Registries;
import dev.lrlab.experiments.run.Trial;
import dev.lrlab.experiments.spec.ExperimentPlan;
import dev.lrlab.experiments.spec.SpecException;
import dev.lrlab.experiments.spec.SpecReader;
import dev.lrlab.reports.results.Manifest;
import dev.lrlab.reports.results.TrialRecord;
import dev.lrlab.reports.results.RunResults;
import dev.lrlab.reports.results.TrialsWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lrlab merge SHARD_DIR... --out DIR}: the shards of one sweep joined into one run directory. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Join the run directories of a sharded sweep (run --shard I/N) into one run directory, equal "
                + "trial for trial to a run on one machine: the shards must come from the same spec and lrlab, no "
                + "trial may appear twice, and missing trials are listed (exit 2 unless --allow-missing).")
final class MergeCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Parameters(paramLabel = "SHARD_DIR", arity = "1..*", description = "the shards' run directories")
    List<Path> shards;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "the merged run directory (new or empty)")
    Path out;

    @Option(names = "--allow-missing", description = "merge what is there when trials are missing (they are listed)")
    boolean allowMissing;

    @Option(names = "--no-report", description = "skip the report of the merged run")
    boolean noReport;

    @Override
    public Integer call() throws IOException {
        PrintWriter log = command.commandLine().getErr();
        Manifest first = null;
        Map<String, Path> from = new HashMap<>();
        String started = null;
        String ended = null;
        List<String> shardNames = new ArrayList<>();
        for (Path dir : shards) {
            Manifest m;
            try {
                m = Manifest.read(dir);
            } catch (IOException e) {
                throw new UserInputException(e.getMessage());
            }
            if (first == null) {
                first = m;
            } else {
                refuseDifferent(first, m, shards.get(0), dir);
            }
            if (m.shard() != null) {
                shardNames.add(m.shard());
            }
            // a glance at each trial: its key is all a merge checks; the trials themselves are copied below
            String[] overlap = new String[1];
            RunResults.Contents c = RunResults.scan(dir, g -> {
                Path before = from.putIfAbsent(g.key(), dir);
                if (before != null && overlap[0] == null) {
                    overlap[0] = "trial " + g.key() + " (" + g.agent() + ", rate " + g.learningRate() + ", seed "
                            + g.seed() + ") is in both " + before + " and " + dir
                            + "; shards must not overlap (was a shard given twice?)";
                }
            });
            if (!c.damage().isEmpty() || c.torn() != null) {
                throw new UserInputException("the results in " + dir + " are damaged or torn (" + (c.torn() != null
                        ? c.torn() + " cut off" : String.join("; ", c.damage()))
                        + "); run its shard again to finish it, then merge");
            }
            if (overlap[0] != null) {
                throw new UserInputException(overlap[0]);
            }
            started = started == null || m.startedAt().compareTo(started) < 0 ? m.startedAt() : started;
            ended = m.endedAt() == null ? ended : ended == null || m.endedAt().compareTo(ended) > 0 ? m.endedAt() : ended;
        }
        ExperimentPlan plan;
        try {
            plan = SpecReader.of(Registries.load()).parse(first.spec().toString(),
                    shards.get(0).resolve(Manifest.NAME).toString());
        } catch (SpecException e) {
            throw new UserInputException("the shards' spec no longer reads: " + e.getMessage());
        }
        List<Trial> all = Trial.all(plan);
        List<Trial> missing = all.stream().filter(t -> !from.containsKey(t.key())).toList();
        java.util.Set<String> planned = new java.util.HashSet<>(all.stream().map(Trial::key).toList());
        long foreign = from.keySet().stream().filter(k -> !planned.contains(k)).count();
        if (foreign > 0) {
            throw new UserInputException(foreign + " trials of the shards are not trials of their spec");
        }
        if (!missing.isEmpty()) {
            Map<String, Integer> byShard = new LinkedHashMap<>();
            int n = shardNames.isEmpty() ? 0 : Integer.parseInt(shardNames.get(0).split("/")[1]);
            Map<String, Integer> indexOf = new HashMap<>();
            for (int i = 0; i < all.size(); i++) {
                indexOf.put(all.get(i).key(), i);
            }
            for (Trial t : missing) {
                int index = indexOf.get(t.key());
                byShard.merge(n > 0 ? "shard " + (index % n) + "/" + n : "unsharded", 1, Integer::sum);
            }
            String what = missing.size() + " of " + all.size() + " trials are missing (" + String.join(", ",
                    byShard.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList())
                    + "); run those shards again (they resume) and merge again";
            if (!allowMissing) {
                throw new UserInputException(what + ", or pass --allow-missing");
            }
            log.println("lrlab merge: warning: " + what);
        }
        if (RunResults.present(out) || Files.exists(out.resolve(Manifest.NAME))) {
            throw new UserInputException(out + " already holds a run; merge into a new directory");
        }
        Files.createDirectories(out);
        // the shards' parts are Parquet files whole: copied as they are, shard by shard in the order
        // of their indexes (so that merges of the same shards are the same files), renumbered; what a
        // shard holds outside parts (the journal of a run that stopped, an old trials.jsonl) is
        // written as new parts after them
        List<Path> byIndex = new ArrayList<>(shards);
        byIndex.sort(Comparator.comparingInt(MergeCommand::shardIndex));
        int part = 0;
        for (Path dir : byIndex) {
            for (Path p : partsOf(dir.resolve(RunResults.TRIALS))) {
                String name = String.format("part-%05d.parquet", part++);
                Files.createDirectories(out.resolve(RunResults.TRIALS));
                Files.createDirectories(out.resolve(RunResults.METRICS));
                Path metrics = dir.resolve(RunResults.METRICS).resolve(p.getFileName());
                if (Files.exists(metrics)) {
                    Files.copy(metrics, out.resolve(RunResults.METRICS).resolve(name));
                }
                Files.copy(p, out.resolve(RunResults.TRIALS).resolve(name));
            }
        }
        try (TrialsWriter w = TrialsWriter.open(out, Map.of("lrlab.version",
                first.lrlabVersion() == null ? "" : first.lrlabVersion()))) {
            for (Path dir : byIndex) {
                for (TrialRecord r : RunResults.unpublished(dir)) {
                    w.write(r);
                }
            }
        }
        first.merged(all.size(), started, missing.isEmpty() ? ended : null).write(out);
        command.commandLine().getOut().printf("merged %d shard%s: %d of %d trials -> %s%n", shards.size(),
                shards.size() == 1 ? "" : "s", from.size(), all.size(), out);
        if (!noReport) {
            ReportCommand.write(out, dev.lrlab.reports.ReportOptions.DEFAULTS, command.commandLine().getOut(), log);
        }
        return 0;
    }

    /** A shard's index from its manifest ("2/8" is 2); shards without one keep their place after those with. */
    private static int shardIndex(Path dir) {
        try {
            String shard = Manifest.read(dir).shard();
            return shard == null ? Integer.MAX_VALUE : Integer.parseInt(shard.substring(0, shard.indexOf('/')));
        } catch (IOException | RuntimeException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static List<Path> partsOf(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".parquet")).sorted().toList();
        }
    }

    /** Refuses shards of different specs or of different lrlab builds (their trials need not agree). */
    private static void refuseDifferent(Manifest a, Manifest b, Path aDir, Path bDir) {
        List<String> differences = new ArrayList<>();
        if (!a.spec().equals(b.spec())) {
            List<String> paths = new ArrayList<>();
            diff("", a.spec(), b.spec(), paths);
            differences.add("the spec (" + String.join("; ", paths.subList(0, Math.min(5, paths.size()))) + ")");
        }
        if (!java.util.Objects.equals(a.lrlabVersion(), b.lrlabVersion())
                || !java.util.Objects.equals(a.gitCommit(), b.gitCommit())) {
            differences.add("the lrlab that ran them (" + a.lrlabVersion() + " " + a.gitCommit() + " vs "
                    + b.lrlabVersion() + " " + b.gitCommit() + ")");
        }
        String na = a.shard() == null ? null : a.shard().split("/")[1];
        String nb = b.shard() == null ? null : b.shard().split("/")[1];
        if (!java.util.Objects.equals(na, nb)) {
            differences.add("the number of shards (" + a.shard() + " vs " + b.shard() + ")");
        }
        if (!differences.isEmpty()) {
            throw new UserInputException(aDir + " and " + bDir + " are not shards of one sweep: they differ in "
                    + String.join(" and ", differences));
        }
    }

    private static void diff(String path, JsonElement a, JsonElement b, List<String> out) {
        if (a != null && b != null && a.isJsonObject() && b.isJsonObject()) {
            java.util.Set<String> keys = new java.util.TreeSet<>(a.getAsJsonObject().keySet());
            keys.addAll(b.getAsJsonObject().keySet());
            for (String k : keys) {
                diff(path.isEmpty() ? k : path + "." + k, a.getAsJsonObject().get(k), b.getAsJsonObject().get(k), out);
            }
        } else if (!java.util.Objects.equals(a, b)) {
            out.add(path + ": " + a + " vs " + b);
        }
    }
}
