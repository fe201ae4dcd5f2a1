package dev.lrlab.experiments.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lrlab.agents.Registries;
import dev.lrlab.experiments.run.Trial;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A sweep varies any setting under environment, agent and learning-rate by its path; each point
 * is read once into the plan, carries its values, and gets its own trials.
 */
class SweepPathsTest {

    private static final Registries KINDS = Registries.load();

    private static ExperimentPlan plan(String yaml) {
        try {
            return SpecReader.of(KINDS).parse(yaml, "test.yaml");
        } catch (SpecException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private static List<String> problems(String yaml) {
        try {
            SpecReader.of(KINDS).parse(yaml, "test.yaml");
        } catch (SpecException e) {
            return e.problems();
        }
        throw new AssertionError("the spec was accepted:\n" + yaml);
    }

    @SuppressWarnings("unchecked")
    private static Object at(Map<String, Object> settings, String... path) {
        Object v = settings;
        for (String key : path) {
            v = ((Map<String, Object>) v).get(key);
        }
        return v;
    }

    @Test
    void learningRateAndEpsilonCrossIntoPoints() {
        ExperimentPlan p = plan("""
                name: cross
                environment: cliff-walking
                agents: [{ type: q-learning }, { type: sarsa }]
                sweep:
                  learning-rates: [0.1, 0.5]
                  agent.exploration.epsilon: [0.01, 0.1, 0.3]
                  seeds: 2
                budget: { episodes: 5 }
                """);
        assertEquals(2 * 2 * 3 * 2, p.trialCount());
        assertEquals(12, p.setups().size());
        Set<List<Object>> seen = new HashSet<>();
        for (TrialSetup s : p.setups()) {
            Object epsilon = at(s.agent().settings(), "exploration", "epsilon");
            assertEquals(s.params().get("agent.exploration.epsilon"), epsilon, "the agent was read with the point's epsilon");
            assertEquals(s.learningRate(), (Double) s.params().get("learning-rate.value"), 0);
            seen.add(List.of(s.agent().label(), s.learningRate(), epsilon));
        }
        assertEquals(12, seen.size(), "every combination once");
        assertEquals(24, new HashSet<>(Trial.all(p).stream().map(Trial::key).toList()).size(), "distinct keys");
        // the agent is read once per epsilon, not once per point: the same object serves both rates
        long distinctAgents = p.setups().stream().map(TrialSetup::agent).distinct().count();
        assertEquals(2 * 3, distinctAgents);
    }

    @Test
    void anySettingCanBeSweptByItsPath() {
        ExperimentPlan p = plan("""
                name: paths
                environment: { id: frozen-lake-4x4 }
                agent:
                  type: linear-q-learning
                  optimizer: { type: adam }
                  features: { type: tile-coding }
                learning-rate: { value: 0.01, schedule: { type: cosine, t-max: 10 } }
                sweep:
                  agent.gamma: ["2^-1", 0.9]
                  agent.optimizer.beta2: [0.99, 0.999]
                  agent.features.tilings: [2, 8]
                  learning-rate.schedule.t-max: { log-space: { from: 100, to: 10000, count: 3 } }
                  environment.slip: [0, 0.5]
                  seeds: 1
                budget: { episodes: 5 }
                """);
        assertEquals(2 * 2 * 2 * 3 * 2, p.setups().size());
        for (TrialSetup s : p.setups()) {
            assertEquals(s.params().get("agent.gamma"), at(s.agent().settings(), "gamma"));
            assertEquals(s.params().get("agent.optimizer.beta2"), at(s.agent().settings(), "optimizer", "beta2"));
            assertEquals(((Double) s.params().get("agent.features.tilings")).longValue(),
                    at(s.agent().settings(), "features", "tilings"));
            assertEquals(((Double) s.params().get("learning-rate.schedule.t-max")).longValue(),
                    s.schedule().settings().get("t-max"));
            double slip = (Double) s.params().get("environment.slip");
            assertEquals(Map.of("slip", slip), s.environment().options(),
                    "the key holds the settings that differ from the preset's (its slip is 2/3)");
        }
        assertEquals(List.of(100.0, 1000.0, 10000.0), p.sweep().axis("learning-rate.schedule.t-max").values(),
                "log-space gives whole numbers where they are meant");
        assertTrue(p.setups().stream().anyMatch(s -> s.params().get("agent.gamma").equals(0.5)), "2^-1 is 0.5");
    }

    @Test
    void aWordCanBeSweptAndChangesWhichKeysApply() {
        ExperimentPlan p = plan("""
                name: words
                environment: open-room
                agent: { type: linear-sarsa, optimizer: { type: sgd } }
                sweep: { learning-rates: [0.01], agent.optimizer.type: [sgd, adam, rmsprop], seeds: 1 }
                budget: { episodes: 5 }
                """);
        assertEquals(List.of("sgd", "adam", "rmsprop"),
                p.setups().stream().map(s -> at(s.agent().settings(), "optimizer", "type")).toList());
        assertEquals(0.999, at(p.setups().get(1).agent().settings(), "optimizer", "beta2"), "adam's defaults apply");
    }

    @Test
    void theLearningRateCanBeFixedWhileAnotherPathIsSwept() {
        ExperimentPlan p = plan("""
                name: fixed-rate
                environment: open-room
                agent: { type: q-learning }
                learning-rate: 0.5
                sweep: { agent.gamma: [0.5, 0.9], seeds: 2 }
                budget: { episodes: 5 }
                """);
        assertEquals(4, p.trialCount());
        assertTrue(p.setups().stream().allMatch(s -> s.learningRate() == 0.5));
        assertTrue(p.setups().stream().noneMatch(s -> s.params().containsKey("learning-rate.value")));
    }

    @Test
    void aMistakeInASweptValueNamesTheValueInTheSweep() {
        List<String> p = problems("""
                name: bad
                environment: open-room
                agent: { type: q-learning }
                sweep: { learning-rates: [0.1], agent.exploration.epsilon: [0.1, 1.5], seeds: 1 }
                budget: { episodes: 5 }
                """);
        assertEquals(List.of("sweep.agent.exploration.epsilon[1]: must be in [0, 1], was 1.5"), p);
    }

    @Test
    void aMistakeOfSomePointsOnlyNamesThePoint() {
        List<String> p = problems("""
                name: bad
                environment: open-room
                agent: { type: linear-sarsa, optimizer: { type: sgd, momentum: 0.9 } }
                sweep: { learning-rates: [0.1], agent.optimizer.type: [momentum, adam], seeds: 1 }
                budget: { episodes: 5 }
                """);
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("agent.optimizer.momentum: adam has no key 'momentum'"), p.get(0));
        assertTrue(p.get(0).endsWith("(where agent.optimizer.type = adam)"), p.get(0));
    }

    @Test
    void aMistakeOfEveryPointIsReportedOnce() {
        List<String> p = problems("""
                name: bad
                environment: open-room
                agent: { type: q-learning, gamma: 2 }
                sweep: { learning-rates: [0.1, 0.2], agent.exploration.epsilon: [0.1, 0.2], seeds: 1 }
                budget: { episodes: 5 }
                """);
        assertEquals(List.of("agent.gamma: must be in [0, 1], was 2"), p);
    }

    @Test
    void pathsThatCannotBeSweptAreRefusedWithAWayOut() {
        String template = """
                name: bad
                environment: open-room
                agent: { type: q-learning }
                sweep: { learning-rates: [0.1], PATH: [1, 2], seeds: 1 }
                budget: { episodes: 5 }
                """;
        assertTrue(problems(template.replace("PATH", "agents.gamma")).get(0)
                .contains("sweep.agents.gamma: sweep agent.<key> instead"));
        assertTrue(problems(template.replace("PATH", "budget.episodes")).get(0)
                .startsWith("sweep.budget.episodes: unknown key"));
        assertTrue(problems(template.replace("PATH", "learning-rate.clock")).get(0)
                .contains("cannot be swept"));
        assertEquals(1, problems(template.replace("PATH", "agent.gama")).size());
        assertTrue(problems(template.replace("PATH", "agent.gama")).get(0)
                .startsWith("sweep.agent.gama: q-learning has no key 'gama' (did you mean 'gamma'?)"));
    }

    @Test
    void aSweptRateGivenAlsoAsAValueIsAmbiguous() {
        List<String> p = problems("""
                name: bad
                environment: open-room
                agent: { type: q-learning }
                learning-rate: { value: 0.1 }
                sweep: { learning-rates: [0.1, 0.2], seeds: 1 }
                budget: { episodes: 5 }
                """);
        assertEquals(List.of("learning-rate.value: is swept (sweep.learning-rates); give it in one place"), p);
    }

    @Test
    void repeatedValuesAreRefused() {
        List<String> p = problems("""
                name: bad
                environment: open-room
                agent: { type: q-learning }
                sweep: { learning-rates: [0.1], agent.gamma: [0.5, "2^-1"], seeds: 1 }
                budget: { episodes: 5 }
                """);
        assertEquals(List.of("sweep.agent.gamma[1]: repeats 2^-1"), p);
    }

    @Test
    void theResolvedSpecOfAPathSweepReadsBackToTheSameTrials() throws Exception {
        ExperimentPlan p = plan("""
                name: cross
                environment: cliff-walking
                agent: { type: q-learning, exploration: { type: softmax } }
                sweep:
                  learning-rates: [0.1, 0.5]
                  agent.exploration.temperature: [0.5, 2]
                  environment.slip: [0, 0.2]
                  seeds: 2
                budget: { episodes: 5 }
                """);
        String json = new com.google.gson.Gson().toJson(p.resolved());
        ExperimentPlan again = SpecReader.of(KINDS).parse(json, "resolved.json");
        assertEquals(Trial.all(p).stream().map(Trial::key).toList(), Trial.all(again).stream().map(Trial::key).toList());
        assertNotEquals(Trial.all(p).get(0).key(), Trial.all(p).get(2).key());
    }

    @Test
    void aPluginAgentRunsThroughThePublicSpecWithItsOwnKeysSwept() {
        ExperimentPlan p = plan("""
                name: toy
                environment: open-room
                agent: { type: test-biased-walk }
                sweep: { learning-rates: [0.1], agent.bias: [0, 0.5], seeds: 2 }
                budget: { episodes: 3 }
                """);
        assertEquals(4, p.trialCount());
        assertEquals(0.5, at(p.setups().get(1).agent().settings(), "bias"));
        List<String> wrong = problems("""
                name: toy
                environment: open-room
                agent: { type: test-biased-walk, bais: 0.3 }
                sweep: { learning-rates: [0.1], seeds: 1 }
                budget: { episodes: 3 }
                """);
        assertEquals(List.of("agent.bais: test-biased-walk has no key 'bais' (did you mean 'bias'?) (its keys: bias)"),
                wrong);
    }
}
