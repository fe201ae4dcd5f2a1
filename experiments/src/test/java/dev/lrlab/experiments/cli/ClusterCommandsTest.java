package dev.lrlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cluster scripts: one shard per task, resumable, the merge after every shard. */
class ClusterCommandsTest {

    @TempDir
    Path tmp;

    @AfterEach
    void forgetTheRoot() {
        System.clearProperty("lrlab.root");
    }

    private Path spec() throws Exception {
        return Files.writeString(tmp.resolve("spec.yaml"), """
                name: wide
                environment: cliff-walking
                agent: { type: q-learning, gamma: 1.0 }
                sweep: { learning-rates: [0.1, 0.5], seeds: 5 }
                budget: { episodes: 10 }
                """);
    }

    @Test
    void slurmSubmitsAnArrayOfShardsAndAMergeThatWaitsForThem() throws Exception {
        System.setProperty("lrlab.root", tmp.toString());
        CliRunner r = CliRunner.run("slurm", spec().toString(), "--array", "4", "--threads", "2", "--partition", "cpu",
                "--set", "budget.episodes=20");
        assertEquals(0, r.exitCode(), r.err());
        String script = r.out();
        assertTrue(script.startsWith("#!/bin/bash\n"), script);
        assertTrue(script.contains("#SBATCH --array=0-3") && script.contains("#SBATCH --cpus-per-task=2")
                && script.contains("#SBATCH --partition=cpu"), script);
        assertTrue(script.contains("--shard ${SLURM_ARRAY_TASK_ID}/4") && script.contains("--set 'budget.episodes=20'"),
                script);
        assertTrue(script.contains("sbatch --parsable --dependency=afterok:${shards}"), script);
        assertTrue(script.contains("./lrlab merge $(for i in $(seq 0 3); do echo runs/wide/shard-$i-of-4; done) "
                + "--out runs/wide/merged"), script);
        Process bash = new ProcessBuilder("bash", "-n").redirectErrorStream(true).start();
        bash.getOutputStream().write(script.getBytes());
        bash.getOutputStream().close();
        assertEquals(0, bash.waitFor(), new String(bash.getInputStream().readAllBytes()));
        assertEquals(2, CliRunner.run("slurm", spec().toString(), "--array", "11").exitCode(), "more tasks than trials");
    }

    @Test
    void k8sWritesAnIndexedJobWithTheShardFromTheCompletionIndex() throws Exception {
        System.setProperty("lrlab.root", tmp.toString());
        CliRunner r = CliRunner.run("k8s", spec().toString(), "--completions", "5", "--parallelism", "2");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode job = new ObjectMapper(new YAMLFactory()).readTree(r.out());
        assertEquals("Job", job.get("kind").asText());
        assertEquals("Indexed", job.at("/spec/completionMode").asText());
        assertEquals(5, job.at("/spec/completions").asInt());
        assertEquals(2, job.at("/spec/parallelism").asInt());
        String args = job.at("/spec/template/spec/containers/0/args/0").asText();
        assertTrue(args.startsWith("./lrlab run 'spec.yaml' --shard ${JOB_COMPLETION_INDEX}/5 --out "
                + "runs/wide/shard-${JOB_COMPLETION_INDEX}-of-5"), args);

        System.setProperty("lrlab.root", tmp.resolve("elsewhere").toString());
        r = CliRunner.run("k8s", spec().toString(), "--completions", "2");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("is outside the checkout"), r.err());
    }
}
