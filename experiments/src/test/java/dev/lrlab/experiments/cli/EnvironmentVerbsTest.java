package dev.lrlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lrlab.env.EnvironmentPreset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EnvironmentVerbsTest {

    @Test
    void envsListsEveryIdWithItsDescription() {
        CliRunner r = CliRunner.run("envs");
        assertEquals(0, r.exitCode());
        for (EnvironmentPreset p : EnvironmentPreset.values()) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(p.id() + " ") && l.contains(p.description())),
                    () -> p.id() + " missing from:\n" + r.out());
        }
    }

    @ParameterizedTest
    @EnumSource(EnvironmentPreset.class)
    void checkEnvPassesForEveryPreset(EnvironmentPreset preset) {
        CliRunner r = CliRunner.run("check-env", preset.id(), "--episodes", "10");
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
    @ValueSource(strings = {"run", "validate", "report", "bench", "play", "trace", "envs", "check-env"})
    void everyVerbHasHelp(String verb) {
        CliRunner r = CliRunner.run(verb, "--help");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("Usage: lrlab " + verb), r.out());
    }

    @Test
    void topLevelHelpListsTheVerbs() {
        CliRunner r = CliRunner.run("--help");
        assertEquals(0, r.exitCode());
        for (String verb : new String[] {"run", "validate", "report", "bench", "play", "trace", "envs", "check-env"}) {
            assertTrue(r.out().contains("  " + verb + " "), verb + " missing from:\n" + r.out());
        }
    }

    @Test
    void unknownVerbExitsTwo() {
        assertEquals(2, CliRunner.run("frobnicate").exitCode());
    }
}
