package dev.lrlab.experiments.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lrlab.agents.Registries;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An entry of {@code schedules:} may run at its own base rate: sample averages (1/N, rate 1) next
 * to a constant 0.1 in one spec, as Sutton &amp; Barto's Exercise 2.5 compares them.
 */
class ScheduleOwnRateTest {

    private static final Registries KINDS = Registries.load();

    private static final String SPEC = """
            name: own-rate
            environment: { id: k-armed-bandit, arm-sd: 0, walk-sd: 0.01 }
            agent: { type: q-learning, gamma: 0 }
            learning-rate: { value: 0.1, clock: visits }
            schedules:
              - { label: sample-average, type: inverse-time, value: 1 }
              - { label: constant, type: constant }
            sweep: { seeds: 2 }
            budget: { episodes: 5 }
            """;

    private static List<String> problems(String yaml) {
        try {
            SpecReader.of(KINDS).parse(yaml, "test.yaml");
        } catch (SpecException e) {
            return e.problems();
        }
        throw new AssertionError("the spec was accepted:\n" + yaml);
    }

    @Test
    void aScheduleWithItsOwnValueRunsAtIt() throws SpecException {
        ExperimentPlan plan = SpecReader.of(KINDS).parse(SPEC, "test.yaml");
        Map<String, Double> rates = new java.util.LinkedHashMap<>();
        plan.setups().forEach(s -> rates.put(s.schedule().label(), s.learningRate()));
        assertEquals(Map.of("sample-average", 1.0, "constant", 0.1), rates);
        // the schedule's rate is part of what the manifest records, and the spec's rate stays the spec's
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> schedules = (List<Map<String, Object>>) plan.resolved().get("schedules");
        assertEquals(1.0, schedules.get(0).get("value"));
        assertTrue(!schedules.get(1).containsKey("value"), schedules.toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> lr = (Map<String, Object>) plan.resolved().get("learning-rate");
        assertEquals(0.1, lr.get("value"));
        // the resolved spec (what the manifest keeps, and a resumed run is checked against) is the same spec
        ExperimentPlan again = SpecReader.of(KINDS).parse(new com.google.gson.Gson().toJson(plan.resolved()),
                "resolved.json");
        assertEquals(plan.resolved(), again.resolved());
        assertEquals(plan.setups().stream().map(TrialSetup::learningRate).toList(),
                again.setups().stream().map(TrialSetup::learningRate).toList());
    }

    @Test
    void everyScheduleWithItsOwnValueNeedsNoLearningRate() throws SpecException {
        ExperimentPlan plan = SpecReader.of(KINDS).parse(SPEC.replace("learning-rate: { value: 0.1, clock: visits }",
                "learning-rate: { clock: visits }").replace("{ label: constant, type: constant }",
                "{ label: constant, type: constant, value: '2^-3' }"), "test.yaml");
        assertEquals(List.of(1.0, 0.125), plan.setups().stream().map(TrialSetup::learningRate).distinct().toList());
    }

    @Test
    void anOwnValueIsRefusedWhereItWouldRepeatTrialsOrIsMisplaced() {
        assertEquals(List.of("schedules[0].value: fixes this schedule's rate while the learning rate is swept, which "
                + "would run its trials again at every swept rate; fix learning-rate.value instead of sweeping, or "
                + "leave this schedule's value out"), problems(SPEC.replace("value: 0.1, ", "")
                        .replace("sweep: { seeds: 2 }", "sweep: { learning-rates: [0.1, 0.2], seeds: 2 }")));
        assertEquals(List.of("learning-rate.schedule.value: give the rate as learning-rate.value (a value inside a "
                + "schedule is for an entry of schedules: that runs at its own rate)"), problems("""
                name: misplaced
                environment: cliff-walking
                agent: { type: q-learning }
                learning-rate: { value: 0.1, schedule: { type: constant, value: 0.5 } }
                sweep: { seeds: 1 }
                budget: { episodes: 5 }
                """));
        assertEquals(List.of("schedules[1].value: must be > 0, was -1"), problems(SPEC.replace(
                "{ label: constant, type: constant }", "{ label: constant, type: constant, value: -1 }")));
    }
}
