package dev.lrlab.experiments.cli;

import dev.lrlab.agents.Registries;
import dev.lrlab.experiments.spec.ExperimentPlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Scripts that spread a sweep over a cluster's existing engine, one shard per task: a Slurm job
 * array with a dependent merge-and-report job, and a Kubernetes Indexed Job. Both run this
 * checkout's launcher on a shared file system, and a rerun resumes each shard where it stopped.
 */
final class ClusterCommands {

    private ClusterCommands() {
    }

    /** What both scripts need: the spec read and checked, and where its shards go. */
    static final class Sweep {
        @Parameters(paramLabel = "SPEC", description = "a YAML or JSON experiment spec")
        Path file;

        @Option(names = "--set", paramLabel = "PATH=VALUE", description = "change one setting of the spec (repeatable)")
        List<String> overrides = new ArrayList<>();

        @Option(names = "--threads", defaultValue = "4", description = "threads (and CPUs asked for) per shard "
                + "(default: ${DEFAULT-VALUE})")
        int threads;

        /** The spec read and checked, for {@code shards} shards given by {@code option}. */
        ExperimentPlan plan(String option, int shards) {
            if (threads < 1) {
                throw new UserInputException("--threads must be at least 1, was " + threads);
            }
            ExperimentPlan plan = SpecSource.read(file, Registries.load(), overrides);
            if (shards < 1 || shards > plan.trialCount()) {
                throw new UserInputException(option + " must be in 1.." + plan.trialCount()
                        + " (one trial a shard at most), was " + shards);
            }
            return plan;
        }

        String sets() {
            StringBuilder out = new StringBuilder();
            overrides.forEach(o -> out.append(" --set ").append(quote(o)));
            return out.toString();
        }
    }

    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    static String root() {
        // the checkout the launcher runs from; the scripts cd there on the cluster's shared file system
        return Path.of(System.getProperty("lrlab.root", ".")).toAbsolutePath().normalize().toString();
    }

    /** {@code lrlab slurm SPEC --array N}: a script that submits the shards as a job array, then the merge. */
    @Command(name = "slurm", mixinStandardHelpOptions = true,
            description = "Write (to standard output) a script that submits a sweep to Slurm: a job array of N tasks, "
                    + "task I running shard I/N (rerunning a task resumes its shard), and a merge-and-report job that "
                    + "starts when every task has succeeded (--dependency=afterok). Run it with bash on a login node.")
    static final class Slurm implements Callable<Integer> {
        @Spec
        CommandSpec command;

        @picocli.CommandLine.Mixin
        Sweep sweep;

        @Option(names = "--array", paramLabel = "N", required = true, description = "tasks (shards)")
        int tasks;

        @Option(names = "--partition", description = "the partition (default: the cluster's)")
        String partition;

        @Option(names = "--time", defaultValue = "24:00:00", description = "time limit per task (default: ${DEFAULT-VALUE})")
        String time;

        @Override
        public Integer call() {
            ExperimentPlan plan = sweep.plan("--array", tasks);
            String runs = plan.output().toString();
            String spec = quote(sweep.file.toAbsolutePath().toString());
            String part = partition == null ? "" : "#SBATCH --partition=" + partition + "\n";
            String shardDirs = runs + "/shard-$i-of-" + tasks;
            command.commandLine().getOut().print("""
                    #!/bin/bash
                    # lrlab sweep '%1$s' (%2$d trials) on Slurm: %3$d array tasks, then merge and report.
                    # Submit with: bash this-script.sh   (from a login node; the checkout and runs/ on a shared file system)
                    set -euo pipefail
                    cd %4$s
                    mkdir -p %5$s
                    shards=$(sbatch --parsable <<'SHARDS'
                    #!/bin/bash
                    #SBATCH --job-name=lrlab-%1$s
                    #SBATCH --array=0-%6$d
                    #SBATCH --cpus-per-task=%7$d
                    #SBATCH --time=%8$s
                    %9$s#SBATCH --output=%5$s/slurm-%%A_%%a.out
                    set -euo pipefail
                    cd %4$s
                    # a task that is run again resumes its shard: finished trials are kept
                    ./lrlab run %10$s%11$s --shard ${SLURM_ARRAY_TASK_ID}/%3$d \\
                        --out %5$s/shard-${SLURM_ARRAY_TASK_ID}-of-%3$d --threads %7$d --no-report
                    SHARDS
                    )
                    merge=$(sbatch --parsable --dependency=afterok:${shards} <<'MERGE'
                    #!/bin/bash
                    #SBATCH --job-name=lrlab-%1$s-merge
                    #SBATCH --cpus-per-task=2
                    #SBATCH --time=02:00:00
                    %9$s#SBATCH --output=%5$s/slurm-merge-%%j.out
                    set -euo pipefail
                    cd %4$s
                    ./lrlab merge $(for i in $(seq 0 %6$d); do echo %12$s; done) --out %5$s/merged
                    MERGE
                    )
                    echo "submitted shards ${shards} and merge ${merge}; results in %5$s/merged"
                    """.formatted(plan.name(), plan.trialCount(), tasks, root(), runs, tasks - 1, sweep.threads, time,
                    part, spec, sweep.sets(), shardDirs));
            command.commandLine().getOut().flush();
            return 0;
        }
    }

    /** {@code lrlab k8s SPEC --completions N}: a Kubernetes Indexed Job, one shard per completion index. */
    @Command(name = "k8s", mixinStandardHelpOptions = true,
            description = "Write (to standard output) a Kubernetes Indexed Job that runs a sweep in N shards, the shard "
                    + "from JOB_COMPLETION_INDEX, on a volume that holds this checkout and its runs/; merge the shards "
                    + "with `lrlab merge` when the Job has completed.")
    static final class K8s implements Callable<Integer> {
        @Spec
        CommandSpec command;

        @picocli.CommandLine.Mixin
        Sweep sweep;

        @Option(names = "--completions", paramLabel = "N", required = true, description = "shards")
        int completions;

        @Option(names = "--parallelism", description = "pods at once (default: all)")
        Integer parallelism;

        @Option(names = "--image", defaultValue = "eclipse-temurin:17-jdk", description = "a JDK 17 image (default: ${DEFAULT-VALUE})")
        String image;

        @Option(names = "--claim", defaultValue = "lrlab", description = "the PersistentVolumeClaim holding the checkout "
                + "(default: ${DEFAULT-VALUE})")
        String claim;

        @Option(names = "--mount", defaultValue = "/lrlab", description = "where the claim holds the checkout in the pod "
                + "(default: ${DEFAULT-VALUE})")
        String mount;

        @Override
        public Integer call() {
            ExperimentPlan plan = sweep.plan("--completions", completions);
            Path root = Path.of(root());
            Path absolute = sweep.file.toAbsolutePath().normalize();
            if (!absolute.startsWith(root)) {
                throw new UserInputException(sweep.file + " is outside the checkout " + root + ", which is all the pods "
                        + "see (the volume holds the checkout): put the spec inside it");
            }
            String spec = root.relativize(absolute).toString();
            String runs = plan.output().toString();
            String name = ("lrlab-" + plan.name()).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
            command.commandLine().getOut().print("""
                    # lrlab sweep '%1$s' (%2$d trials) as a Kubernetes Indexed Job of %3$d shards. The claim holds
                    # this checkout, built (./lrlab builds itself once; pods then find the jar and need no network).
                    # kubectl apply -f this.yaml; when it has completed, in the checkout:
                    #   ./lrlab merge %6$s/shard-*-of-%3$d --out %6$s/merged
                    apiVersion: batch/v1
                    kind: Job
                    metadata:
                      name: %4$s
                    spec:
                      completionMode: Indexed
                      completions: %3$d
                      parallelism: %5$d
                      backoffLimit: %3$d
                      template:
                        spec:
                          restartPolicy: OnFailure
                          containers:
                            - name: shard
                              image: %7$s
                              workingDir: %8$s
                              command: ["bash", "-c"]
                              # a restarted pod resumes its shard: finished trials are kept
                              args:
                                - ./lrlab run %9$s%10$s --shard ${JOB_COMPLETION_INDEX}/%3$d --out %6$s/shard-${JOB_COMPLETION_INDEX}-of-%3$d --threads %11$d --no-report
                              resources:
                                requests: { cpu: "%11$d" }
                              volumeMounts:
                                - { name: checkout, mountPath: %8$s }
                          volumes:
                            - name: checkout
                              persistentVolumeClaim: { claimName: %12$s }
                    """.formatted(plan.name(), plan.trialCount(), completions, name,
                    parallelism == null ? completions : parallelism, runs, image, mount, quote(spec), sweep.sets(),
                    sweep.threads, claim));
            command.commandLine().getOut().flush();
            return 0;
        }
    }
}
