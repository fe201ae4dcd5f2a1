package dev.lrlab.env;

import java.util.List;

/**
 * What {@link EnvironmentChecker} verified about one environment, and what it found wrong.
 *
 * @param environment the environment id
 * @param verified one line per check that passed, saying what was checked
 * @param problems one line per check that failed, saying what was found
 */
public record CheckReport(String environment, List<String> verified, List<String> problems) {

    public CheckReport {
        verified = List.copyOf(verified);
        problems = List.copyOf(problems);
    }

    /** Whether every check passed. */
    public boolean passed() {
        return problems.isEmpty();
    }
}
