package dev.lrlab.agents.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lrlab.agents.config.Parameters;
import dev.lrlab.agents.config.Problems;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Mistakes in a schedule spec are reported with the key's path, what was expected and what was found. */
class ScheduleSpecTest {

    private static List<String> problemsOf(Map<String, Object> spec) {
        Problems problems = new Problems();
        StepSizeSchedule s = ScheduleKinds.load().create(0.1,
                Parameters.of("learning-rate.schedule", new LinkedHashMap<>(spec), problems));
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
    void unknownKeySuggestsTheNearest() {
        List<String> p = problemsOf(Map.of("type", "cosine", "t-max", 10, "eta-mn", 0.1));
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("learning-rate.schedule.eta-mn: unknown key (did you mean 'eta-min'?)"), p.get(0));
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
        StepSizeSchedule s = ScheduleKinds.load().create(1.0, Parameters.of("s", spec, problems));
        assertTrue(problems.isEmpty(), problems.messages().toString());
        assertEquals(1.0, s.rate(1));
        assertEquals(0.25, s.rate(2));
    }
}
