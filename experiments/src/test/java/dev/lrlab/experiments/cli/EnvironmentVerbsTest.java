package dev.lrlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lrlab.agents.Registries;
import dev.lrlab.env.EnvironmentKind;
import dev.lrlab.env.registry.Key;
import dev.lrlab.env.registry.Kind;
import dev.lrlab.env.registry.Registry;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EnvironmentVerbsTest {

    private static final Registries KINDS = Registries.load();

    static Stream<EnvironmentKind> environments() {
        return KINDS.environments().all().stream();
    }

    @Test
    void envsListsEveryIdWithItsDescriptionAndSettings() {
        CliRunner r = CliRunner.run("envs");
        assertEquals(0, r.exitCode());
        assertListsEveryKindAndKey(r.out(), KINDS.environments());
        assertTrue(r.out().contains("short-corridor") && r.out().contains("time-limit") && r.out().contains("1000"),
                "the short corridor's time limit is shown:\n" + r.out());
    }

    @Test
    void agentsListsEveryAgentExplorationAndFeatureMapWithTheirKeys() {
        CliRunner r = CliRunner.run("agents");
        assertEquals(0, r.exitCode());
        assertListsEveryKindAndKey(r.out(), KINDS.agents());
        assertListsEveryKindAndKey(r.out(), KINDS.explorations());
        assertListsEveryKindAndKey(r.out(), KINDS.features());
        assertTrue(r.out().contains("divide-by-tilings"), "tile coding's rate convention is listed");
    }

    @Test
    void schedulesAndOptimizersListEveryKindWithItsKeysAndDefaults() {
        CliRunner schedules = CliRunner.run("schedules");
        assertEquals(0, schedules.exitCode());
        assertListsEveryKindAndKey(schedules.out(), KINDS.schedules());
        CliRunner optimizers = CliRunner.run("optimizers");
        assertEquals(0, optimizers.exitCode());
        assertListsEveryKindAndKey(optimizers.out(), KINDS.optimizers());
        assertTrue(optimizers.out().lines().anyMatch(l -> l.contains("beta2") && l.contains("0.999")), optimizers.out());
    }

    @Test
    void oneKindByNameAndJson() {
        CliRunner adam = CliRunner.run("optimizers", "adam");
        assertEquals(0, adam.exitCode());
        assertTrue(adam.out().startsWith("adam "), adam.out());
        assertFalse(adam.out().contains("rmsprop"), adam.out());
        CliRunner json = CliRunner.run("schedules", "cosine", "--json");
        assertEquals(0, json.exitCode());
        var parsed = com.google.gson.JsonParser.parseString(json.out()).getAsJsonArray();
        assertEquals("t-max", parsed.get(0).getAsJsonObject().getAsJsonArray("keys").get(0).getAsJsonObject()
                .get("name").getAsString());
        CliRunner typo = CliRunner.run("agents", "q-learnig");
        assertEquals(2, typo.exitCode());
        assertTrue(typo.err().contains("unknown agent 'q-learnig' (did you mean 'q-learning'?)"), typo.err());
    }

    private static <K extends Kind> void assertListsEveryKindAndKey(String out, Registry<K> registry) {
        for (K kind : registry.all()) {
            assertTrue(out.lines().anyMatch(l -> l.startsWith(kind.name() + " ") && l.contains(kind.summary())),
                    () -> kind.name() + " missing from:\n" + out);
            for (Key key : kind.keys()) {
                assertTrue(out.lines().anyMatch(l -> l.startsWith("    " + key.name() + " ") && l.contains(key.doc())
                        && l.contains(key.defaultLabel())), () -> kind.name() + "." + key.name() + " missing from:\n" + out);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("environments")
    void checkEnvPassesForEveryEnvironment(EnvironmentKind preset) {
        CliRunner r = CliRunner.run("check-env", preset.name(), "--episodes", "10");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("passed:"), r.out());
        assertTrue(r.out().contains("determinism"), r.out());
    }

    @Test
    void unknownIdListsTheKnownOnesAndExitsTwo() {
        CliRunner r = CliRunner.run("check-env", "cliff-walk");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("unknown environment 'cliff-walk'"), r.err());
        assertTrue(r.err().contains("cliff-walking, frozen-lake-4x4"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "validate", "report", "bench", "play", "trace", "envs", "agents", "schedules",
        "optimizers", "check-env"})
    void everyVerbHasHelp(String verb) {
        CliRunner r = CliRunner.run(verb, "--help");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("Usage: lrlab " + verb), r.out());
    }

    @Test
    void topLevelHelpListsTheVerbs() {
        CliRunner r = CliRunner.run("--help");
        assertEquals(0, r.exitCode());
        for (String verb : new String[] {"run", "validate", "report", "bench", "play", "trace", "envs", "agents",
            "schedules", "optimizers", "check-env"}) {
            assertTrue(r.out().contains("  " + verb + " "), verb + " missing from:\n" + r.out());
        }
    }

    @Test
    void unknownVerbExitsTwo() {
        assertEquals(2, CliRunner.run("frobnicate").exitCode());
    }
}
