package dev.lrlab.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lrlab.env.registry.Key;
import dev.lrlab.env.registry.Parameters;
import dev.lrlab.env.registry.Problems;
import dev.lrlab.env.registry.Registry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every registered environment keeps the {@link Environment} contract and documents its settings. */
class EnvironmentContractTest {

    private static final Registry<EnvironmentKind> KINDS = EnvironmentKind.load();

    static Stream<EnvironmentKind> kinds() {
        return KINDS.all().stream();
    }

    @Test
    void theBuiltInEnvironmentsAreRegistered() {
        assertEquals(List.of("cliff-walking", "frozen-lake-4x4", "frozen-lake-8x8", "windy-gridworld", "four-rooms",
                "open-room", "short-corridor", "breakout", "k-armed-bandit", "landscape"), KINDS.names());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void everyEnvironmentPassesTheChecker(EnvironmentKind kind) {
        CheckReport report = EnvironmentChecker.check(kind::create, 42, 20);
        assertTrue(report.passed(), () -> kind.name() + ": " + report.problems());
        assertTrue(report.verified().size() >= 6, () -> "too few checks ran: " + report.verified());
    }

    /** The checker tells the environment's randomness from its random policy's: same actions, two seeds. */
    @ParameterizedTest
    @MethodSource("kinds")
    void theCheckerCallsDynamicsStochasticOnlyWhenTheyAre(EnvironmentKind kind) {
        CheckReport report = EnvironmentChecker.check(kind::create, 42, 20);
        // the gridworlds that slip, Breakout (sticky actions, a random ball) and the bandit's rewards:
        // the rest are deterministic
        boolean stochastic = kind.name().startsWith("frozen-lake") || kind.name().equals("breakout")
                || kind.name().equals("k-armed-bandit");
        String expected = stochastic ? "different episodes for the same actions (stochastic dynamics)"
                : "the same episodes for the same actions (deterministic dynamics)";
        assertTrue(report.verified().stream().anyMatch(line -> line.endsWith(expected)),
                () -> kind.name() + ": " + report.verified());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void idsAreLowerCaseWithDashes(EnvironmentKind kind) {
        assertTrue(kind.name().matches("[a-z0-9]+(-[a-z0-9]+)*"), kind.name());
        assertEquals(kind.name(), kind.create().id(), "instance id differs from the registered id");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void everySettingIsDocumentedAndTheSettingsAreClosed(EnvironmentKind kind) {
        for (Key key : kind.keys()) {
            assertFalse(key.doc().isBlank(), kind.name() + "." + key.name());
        }
        List<String> problems = bind(kind, Map.of("tim-limit", 10)).problems;
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("environment.tim-limit: " + kind.name() + " has no key 'tim-limit' "
                + "(did you mean 'time-limit'?)"), problems.get(0));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aTimeLimitSettingTruncatesThere(EnvironmentKind kind) {
        Bound bound = bind(kind, Map.of("time-limit", 7));
        assertTrue(bound.problems.isEmpty(), bound.problems.toString());
        Environment env = bound.factory.get();
        assertEquals(7, env.timeLimit());
    }

    @Test
    void slipIsASettingOfEveryGridworld() {
        Bound slippery = bind(KINDS.byName("cliff-walking").orElseThrow(), Map.of("slip", 1.0));
        Environment env = slippery.factory.get();
        env.reset(3);
        // with slip 1 every move turns a quarter: "up" (0) from the start goes left or right, never up
        env.step(0);
        assertEquals(3, ((dev.lrlab.env.gridworld.Gridworld) env.unwrapped()).row());
        Bound bad = bind(KINDS.byName("frozen-lake-4x4").orElseThrow(), Map.of("slip", 1.5));
        assertEquals(List.of("environment.slip: must be in [0, 1], was 1.5"), bad.problems);
        assertNull(bad.factory);
    }

    @Test
    void breakoutBoardMistakesAreReportedAtTheEnvironment() {
        Bound bound = bind(KINDS.byName("breakout").orElseThrow(), Map.of("height", 5));
        assertEquals(1, bound.problems.size(), bound.problems.toString());
        assertTrue(bound.problems.get(0).contains("height must be in brick-rows + 4"), bound.problems.toString());
        Bound full = bind(KINDS.byName("breakout").orElseThrow(), Map.of("actions", "full", "sticky", 0));
        assertNotNull(full.factory);
        assertEquals(6, full.factory.get().actionCount());
    }

    private record Bound(Supplier<Environment> factory, List<String> problems) {
    }

    private static Bound bind(EnvironmentKind kind, Map<String, Object> settings) {
        Problems problems = new Problems();
        Parameters p = Parameters.of("environment", new LinkedHashMap<>(settings), problems).bind(kind);
        Supplier<Environment> factory = kind.factory().bind(p);
        p.reportUnknownKeys();
        return new Bound(problems.isEmpty() ? factory : null, problems.messages());
    }
}
