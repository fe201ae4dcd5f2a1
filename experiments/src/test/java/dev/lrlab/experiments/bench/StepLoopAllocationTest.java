package dev.lrlab.experiments.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lrlab.agents.Agent;
import dev.lrlab.agents.EpisodeLoop;
import dev.lrlab.agents.Registries;
import dev.lrlab.agents.TrialContext;
import dev.lrlab.agents.schedule.ClockedSchedule;
import dev.lrlab.env.Environment;
import dev.lrlab.env.EnvironmentKind;
import dev.lrlab.env.metrics.MetricLog;
import dev.lrlab.experiments.spec.AgentChoice;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The step loop of every (environment, agent) pair allocates nothing per step, metrics published
 * included: heap bytes allocated by this thread over 200,000 steps, after a warm-up, counted by
 * the JVM (not timed).
 * Monte Carlo agents must store whole episodes; with a time limit their buffer is sized once, so
 * they are measured under one (the runner's max-episode-steps gives them one too).
 */
class StepLoopAllocationTest {

    private static final Registries KINDS = Registries.load();
    private static final Bench BENCH = new Bench(KINDS, 0.1);
    private static final java.util.Set<String> NEURAL = java.util.Set.of("dqn", "ac-lambda", "ppo", "a2c",
            "neural-reinforce", "neural-reinforce-baseline");

    static Stream<Arguments> pairs() {
        List<Arguments> out = new ArrayList<>();
        for (EnvironmentKind preset : KINDS.environments().all()) {
            // the test plugin's toy agent knows only gridworlds' compass moves
            for (AgentChoice agent : BENCH.agentsFor(preset, List.of()).stream()
                    .filter(a -> !a.type().startsWith("test-"))
                    // neural agents' updates are thousands of times a step's cost: DqnAgentTest and
                    // NeuralPolicyAgentTest measure them on fewer steps
                    .filter(a -> !NEURAL.contains(a.type())).toList()) {
                out.add(Arguments.of(preset, agent));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("pairs")
    void stepLoopAllocatesNothing(EnvironmentKind preset, AgentChoice choice) {
        var bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean sun && sun.isThreadAllocatedMemorySupported(),
                "this JVM cannot count allocated bytes");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        double rate = BENCH.rateFor(choice.type());
        Environment env = preset.create();
        if (choice.type().startsWith("reinforce") && env.timeLimit() == 0) {
            env = dev.lrlab.env.TimeLimit.of(env, 1000);
        }
        MetricLog metrics = new MetricLog();
        if (env.unwrapped() instanceof dev.lrlab.env.metrics.PublishesMetrics publisher) {
            publisher.publishTo(metrics);
        }
        Agent agent = choice.blueprint().create(env, TrialContext.of(ClockedSchedule.constant(rate),
                RandomSource.XO_RO_SHI_RO_128_PP.create(1), metrics));
        env.reset(1);
        run(agent, env, 50_000);
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        long steps = run(agent, env, 200_000);
        double perStep = (threads.getThreadAllocatedBytes(id) - before) / (double) steps;
        // a few hundred bytes in total may come from the counter itself or a rare buffer growth
        assertTrue(perStep < 0.01, preset.name() + " " + choice.type() + ": " + perStep + " bytes per step");
        long published = metrics.names().stream().mapToLong(n -> metrics.count(metrics.id(n))).sum();
        assertTrue(published > 0 || choice.type().equals("random"), "metrics were published: " + metrics.names());
    }

    private static long run(Agent agent, Environment env, long steps) {
        long done = 0;
        while (done < steps) {
            env.reset();
            EpisodeLoop.train(agent, env, steps - done);
            done += env.episodeSteps();
        }
        return done;
    }
}
