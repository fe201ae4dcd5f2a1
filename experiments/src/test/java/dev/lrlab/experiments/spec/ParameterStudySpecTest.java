package dev.lrlab.experiments.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lrlab.agents.Registries;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Agents that bring their own learning rate or sweep: a parameter study, each agent over its own
 * points (Sutton &amp; Barto's Figure 2.6), read as one spec per agent and joined.
 */
class ParameterStudySpecTest {

    private static final Registries KINDS = Registries.load();

    static final String STUDY = """
            name: study
            environment: { id: k-armed-bandit }
            agents:
              - label: epsilon-greedy
                type: q-learning
                gamma: 0
                learning-rate: { value: 1, clock: visits, schedule: { type: inverse-time } }
                sweep: { agent.exploration.epsilon: ["2^-4", "2^-2"] }
              - label: gradient-bandit
                type: gradient-bandit
                sweep: { learning-rates: [0.1, 0.4, 1.6] }
              - label: optimistic
                type: q-learning
                gamma: 0
                exploration: { epsilon: 0 }
                learning-rate: 0.1
                sweep: { agent.initial-value: [1, 4] }
            sweep: { seeds: 3 }
            budget: { episodes: 20, max-episode-steps: 1 }
            """;

    private static ExperimentPlan plan(String yaml) throws SpecException {
        return SpecReader.of(KINDS).parse(yaml, "study.yaml");
    }

    private static List<String> problems(String yaml) {
        try {
            plan(yaml);
        } catch (SpecException e) {
            return e.problems();
        }
        throw new AssertionError("the spec was accepted:\n" + yaml);
    }

    @Test
    void eachAgentRunsOverItsOwnPointsAtItsOwnRate() throws SpecException {
        ExperimentPlan p = plan(STUDY);
        assertTrue(p.isStudy());
        assertEquals(2 + 3 + 2, p.setups().size());
        assertEquals(7 * 3, p.trialCount());
        Map<String, List<Object>> points = new LinkedHashMap<>();
        for (TrialSetup s : p.setups()) {
            points.computeIfAbsent(s.agent().label(), k -> new java.util.ArrayList<>()).add(List.of(s.learningRate(),
                    s.params()));
        }
        assertEquals(List.of(List.of(1.0, Map.of("agent.exploration.epsilon", 0.0625)),
                List.of(1.0, Map.of("agent.exploration.epsilon", 0.25))), points.get("epsilon-greedy"));
        assertEquals(List.of(0.1, 0.4, 1.6), p.setups().stream().filter(s -> s.agent().label().equals("gradient-bandit"))
                .map(TrialSetup::learningRate).toList());
        assertEquals(List.of(Map.of("agent.initial-value", 1.0), Map.of("agent.initial-value", 4.0)), p.setups().stream()
                .filter(s -> s.agent().label().equals("optimistic")).map(TrialSetup::params).toList());
        assertEquals("visits", p.setups().get(0).schedule().clock().id(), "the agent's own clock");
    }

    /** What the manifest keeps reads back as the same trials (a resumed run is checked against it). */
    @Test
    void theResolvedStudyIsTheSameStudy() throws SpecException {
        ExperimentPlan p = plan(STUDY);
        ExperimentPlan again = SpecReader.of(KINDS).parse(new com.google.gson.Gson().toJson(p.resolved()), "resolved.json");
        assertEquals(p.resolved(), again.resolved());
        assertEquals(dev.lrlab.experiments.run.Trial.all(p).stream().map(dev.lrlab.experiments.run.Trial::key).toList(),
                dev.lrlab.experiments.run.Trial.all(again).stream().map(dev.lrlab.experiments.run.Trial::key).toList(),
                "the same trials, key for key");
        @SuppressWarnings("unchecked")
        Map<String, Object> first = ((List<Map<String, Object>>) p.resolved().get("agents")).get(0);
        assertTrue(first.containsKey("learning-rate") && first.containsKey("sweep"), first.toString());
        assertEquals(List.of(0L, 1L, 2L), ((Map<?, ?>) p.resolved().get("sweep")).get("seeds"));
    }

    @Test
    void mistakesNameTheAgentTheyAreIn() {
        assertEquals(List.of("agents[1].sweep.learning-rates[1]: must be a number > 0, was -0.4"),
                problems(STUDY.replace("[0.1, 0.4, 1.6]", "[0.1, -0.4, 1.6]")));
        assertEquals(List.of("agents[0].learning-rate.clock: must be one of steps, episodes, updates, visits, was "
                + "'visit' (did you mean 'visits'?)"), problems(STUDY.replace("clock: visits", "clock: visit")));
        // (the spec-wide path is also refused for the gradient bandit, which has no initial value)
        assertTrue(problems(STUDY.replace("sweep: { seeds: 3 }", "sweep: { seeds: 3, agent.initial-value: [2] }"))
                .contains("agents[2].sweep.agent.initial-value: is swept for every agent too "
                        + "(sweep.agent.initial-value); give it in one place"));
        assertEquals(List.of("agents[0].sweep.seeds: the seeds are the spec's; give them in sweep.seeds"),
                problems(STUDY.replace("sweep: { agent.exploration.epsilon: [\"2^-4\", \"2^-2\"] }",
                        "sweep: { agent.exploration.epsilon: [\"2^-4\"], seeds: 2 }")));
        assertEquals(List.of("agents[2].label: 'epsilon-greedy' is agents[0]'s too; each agent needs its own label "
                + "(it names its lines in the figures)"), problems(STUDY.replace("label: optimistic",
                        "label: epsilon-greedy")));
        assertTrue(problems(STUDY + "schedules: [{ type: constant }]\n").get(0).startsWith("schedules: with agents "
                + "that bring their own learning-rate or sweep"));
    }
}
