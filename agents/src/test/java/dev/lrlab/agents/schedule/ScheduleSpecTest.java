package dev.lrlab.agents.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lrlab.agents.Registries;
import dev.lrlab.env.registry.Parameters;
import dev.lrlab.env.registry.Registry;
import dev.lrlab.env.registry.Problems;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Mistakes in a schedule spec are reported with the key's path, what was expected and what was found. */
class ScheduleSpecTest {

    private static final Registry<ScheduleKind> KINDS = Registries.load().schedules();

    private static List<String> problemsOf(Map<String, Object> spec) {
        Problems problems = new Problems();
        ScheduleBlueprint s = ScheduleKind.read(
                Parameters.of("learning-rate.schedule", new LinkedHashMap<>(spec), problems), KINDS);
        assertNull(s, "a bad spec must not build");
        return problems.messages();
    }

    @Test
    void unknownTypeSuggestsTheNearest() {
        List<String> p = problemsOf(Map.of("type", "cosin"));
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("learning-rate.schedule.type: unknown schedule 'cosin' (did you mean 'cosine'?)"),
                p.get(0));
    }

    @Test
    void outOfRangeNamesTheKeyAndTheValue() {
        List<String> p = problemsOf(Map.of("type", "exponential", "gamma", -0.5));
        assertEquals(List.of("learning-rate.schedule.gamma: must be > 0, was -0.5"), p);
    }

    @Test
    void wrongTypeNamesWhatWasFound() {
        List<String> p = problemsOf(Map.of("type", "step", "step-size", "ten"));
        assertEquals(List.of("learning-rate.schedule.step-size: must be an integer, was 'ten' (a string)"), p);
    }

    @Test
    void unknownKeySuggestsTheNearestAndListsTheKindsKeys() {
        List<String> p = problemsOf(Map.of("type", "cosine", "t-max", 10, "eta-mn", 0.1));
        assertEquals(List.of("learning-rate.schedule.eta-mn: cosine has no key 'eta-mn' (did you mean 'eta-min'?) "
                + "(its keys: t-max, eta-min)"), p);
    }

    @Test
    void aKeyOfAnotherKindIsRefused() {
        // step's gamma is not cosine's: each kind's configuration is closed
        List<String> p = problemsOf(Map.of("type", "cosine", "t-max", 10, "gamma", 0.5));
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("learning-rate.schedule.gamma: cosine has no key 'gamma'"), p.get(0));
    }

    @Test
    void aGrowingExponentialNeedsAnEnd() {
        List<String> p = problemsOf(Map.of("type", "exponential", "gamma", 1.5));
        assertEquals(List.of("learning-rate.schedule: a growing exponential (gamma 1.5 > 1) needs an end-value to "
                + "stop at"), p);
    }

    @Test
    void nestedMistakesCarryTheNestedPath() {
        List<String> p = problemsOf(Map.of("type", "warmup", "length", 10,
                "then", Map.of("type", "cosine", "t-max", 0)));
        assertEquals(List.of("learning-rate.schedule.then.t-max: must be >= 1, was 0"), p);
    }

    @Test
    void missingRequiredKeyIsReported() {
        List<String> p = problemsOf(Map.of("type", "cosine"));
        assertEquals(List.of("learning-rate.schedule.t-max: is required (an integer >= 1)"), p);
    }

    @Test
    void gammaAndLambdaTogetherAreRefused() {
        List<String> p = problemsOf(Map.of("type", "exponential", "gamma", 0.9, "lambda", 0.1));
        assertTrue(p.get(0).contains("give gamma or lambda, not both"), p.toString());
    }

    @Test
    void thirdPartyKindIsUsableByName() {
        Problems problems = new Problems();
        Map<String, Object> spec = new LinkedHashMap<>(Map.of("type", "square-wave", "period", 2, "low", 0.25));
        StepSizeSchedule s = ScheduleKind.read(Parameters.of("s", spec, problems), KINDS).at(1.0);
        assertTrue(problems.isEmpty(), problems.messages().toString());
        assertEquals(1.0, s.rate(1));
        assertEquals(0.25, s.rate(2));
    }
}
