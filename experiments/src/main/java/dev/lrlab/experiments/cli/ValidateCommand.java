package dev.lrlab.experiments.cli;

import dev.lrlab.agents.Registries;
import dev.lrlab.experiments.spec.ExperimentPlan;
import dev.lrlab.experiments.run.Estimate;
import dev.lrlab.experiments.run.Footprint;
import dev.lrlab.experiments.spec.SpecReader;
import dev.lrlab.experiments.spec.Sweep;
import dev.lrlab.experiments.spec.TrialSetup;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lrlab validate SPEC}: every check {@code run} makes before it starts, and nothing else. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a spec without running it: every mistake is listed with its key's path; "
                + "exit code 2 if there is any. A valid spec's trials and swept paths are listed.")
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "change one setting of the spec, as if "
            + "the file said so (repeatable): --set budget.steps=5000000 --set environment.sticky=0")
    java.util.List<String> overrides = new java.util.ArrayList<>();

    @Option(names = "--estimate-seconds", paramLabel = "S", defaultValue = "1", description = "seconds of the "
            + "probe per agent that estimates the run's steps and time; 0 skips it (default: ${DEFAULT-VALUE})")
    double estimateSeconds;

    @Parameters(paramLabel = "SPEC", description = "a YAML or JSON experiment spec")
    Path file;

    @Override
    public Integer call() {
        if (!(estimateSeconds >= 0) || estimateSeconds > 600) {
            throw new UserInputException("--estimate-seconds must be in [0, 600], was " + estimateSeconds);
        }
        ExperimentPlan spec = SpecSource.read(file, Registries.load(), overrides);
        PrintWriter out = command.commandLine().getOut();
        if (spec.search() != null) {
            var search = dev.lrlab.experiments.search.SearchSource.of(spec);
            var ss = spec.search().spec();
            out.printf("%s: valid; a %s search of %s x %s on %s: up to %s, budgets %s; output %s%n", file, ss.method(),
                    Words.count(search.configurations().size(), "configuration"),
                    Words.count(ss.seedsPerConfiguration(), "seed"), spec.environmentId(),
                    Words.count(search.planned(), "trial"), search.budgets(), spec.output());
            for (var d : ss.space()) {
                out.printf("  search %s: %s %s%n", d.path(), d.kind(), d.kind().equals("categorical") ? d.choices()
                        : "[" + d.low() + ", " + d.high() + "]");
            }
            out.printf("  (checked at every end of every range and every choice: %s)%n",
                    Words.count(spec.trialCount(), "trial"));
            printDefaults(spec, out);
            spec.warnings().forEach(w -> out.printf("  warning: %s%n", w));
            return 0;
        }
        int points = spec.setups().size() / (spec.agentLabels().size() * spec.scheduleLabels().size());
        if (!spec.isStudy()) {
            out.printf("%s: valid; %s (%s x %s x %s x %s) on %s, output %s%n", file,
                    Words.count(spec.trialCount(), "trial"), Words.count(spec.agentLabels().size(), "agent"),
                    Words.count(spec.scheduleLabels().size(), "schedule"), Words.count(points, "point"),
                    Words.count(spec.sweep().seeds().length, "seed"), spec.environmentId(), spec.output());
        } else {
            // a parameter study: each agent over its own points
            out.printf("%s: valid; %s (%s, each over its own points: %s in all, x %s) on %s, output %s%n", file,
                    Words.count(spec.trialCount(), "trial"), Words.count(spec.agentLabels().size(), "agent"),
                    Words.count(spec.setups().size(), "setting"), Words.count(spec.sweep().seeds().length, "seed"),
                    spec.environmentId(), spec.output());
        }
        for (Sweep.Axis axis : spec.sweep().axes()) {
            out.printf("  sweep %s: %s %s%n", axis.path(), Words.count(axis.values().size(), "value"), axis.values());
        }
        Footprint footprint = Footprint.of(spec);
        out.printf("  %s%n", footprint.describe());
        spec.setups().stream().map(TrialSetup::environment).distinct()
                .filter(e -> e.maxEpisodeSteps() == SpecReader.DEFAULT_EPISODE_CAP && spec.budget().maxEpisodeSteps() == 0)
                .map(e -> e.id()).distinct().forEach(id -> out.printf("  %s has no time limit of its own: its episodes "
                        + "are cut at %d steps (set budget.max-episode-steps to change that)%n", id,
                        SpecReader.DEFAULT_EPISODE_CAP));
        printDefaults(spec, out);
        String tooLarge = footprint.tooLarge(Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory(), true, spec.search() != null);
        if (estimateSeconds > 0 && tooLarge == null) {
            out.printf("  %s%n", Estimate.of(spec, estimateSeconds, 4, Runtime.getRuntime().availableProcessors())
                    .describe());
        } else if (estimateSeconds > 0) {
            out.printf("  no estimate of time: a probe could not be sure to fit in memory either%n");
        }
        spec.warnings().forEach(w -> out.printf("  warning: %s%n", w));
        if (tooLarge != null) {
            out.printf("  warning: %s; `lrlab run` will ask for --yes%n", tooLarge);
        }
        return 0;
    }

    private static void printDefaults(ExperimentPlan spec, PrintWriter out) {
        if (!spec.defaultsUsed().isEmpty()) {
            out.printf("  defaults that change results (not in the spec; written into the manifest):%n");
            spec.defaultsUsed().forEach(d -> out.printf("    %s%n", d));
        }
    }
}
