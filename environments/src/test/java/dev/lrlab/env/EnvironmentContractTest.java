package dev.lrlab.env;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every registered environment keeps the {@link Environment} contract. */
class EnvironmentContractTest {

    @ParameterizedTest
    @EnumSource(EnvironmentPreset.class)
    void everyPresetPassesTheChecker(EnvironmentPreset preset) {
        CheckReport report = EnvironmentChecker.check(preset::create, 42, 20);
        assertTrue(report.passed(), () -> preset.id() + ": " + report.problems());
        assertTrue(report.verified().size() >= 6, () -> "too few checks ran: " + report.verified());
    }

    @ParameterizedTest
    @EnumSource(EnvironmentPreset.class)
    void idsAreLowerCaseWithDashes(EnvironmentPreset preset) {
        assertTrue(preset.id().matches("[a-z0-9]+(-[a-z0-9]+)*"), preset.id());
        assertTrue(preset.create().id().equals(preset.id()), "instance id differs from preset id");
    }
}
