package dev.lrlab.env;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lrlab.env.gridworld.Gridworld;
import dev.lrlab.env.gridworld.GridworldPresets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The checker finds each kind of broken environment, so a passing check means something. */
class EnvironmentCheckerTest {

    /** A delegating environment whose methods the tests break one at a time. */
    private static class Broken implements Environment {
        final Environment inner = Gridworld.environment(GridworldPresets.openRoom());

        @Override public String id() { return "broken"; }
        @Override public int actionCount() { return inner.actionCount(); }
        @Override public ObservationSpace observationSpace() { return inner.observationSpace(); }
        @Override public void reset(long seed) { inner.reset(seed); }
        @Override public void reset() { inner.reset(); }
        @Override public double step(int action) { return inner.step(action); }
        @Override public boolean terminated() { return inner.terminated(); }
        @Override public boolean truncated() { return inner.truncated(); }
        @Override public int episodeSteps() { return inner.episodeSteps(); }
        @Override public int timeLimit() { return inner.timeLimit(); }
        @Override public int state() { return inner.state(); }
        @Override public int activeFeatures(int[] out) { return inner.activeFeatures(out); }
    }

    @Test
    void cleanEnvironmentPasses() {
        assertTrue(EnvironmentChecker.check(Broken::new, 1, 5).passed());
    }

    @Test
    void nanRewardIsFound() {
        CheckReport r = EnvironmentChecker.check(() -> new Broken() {
            @Override public double step(int a) { inner.step(a); return Double.NaN; }
        }, 1, 5);
        assertProblem(r, "reward NaN");
    }

    @Test
    void stateOutsideTheSpaceIsFound() {
        CheckReport r = EnvironmentChecker.check(() -> new Broken() {
            @Override public int state() { return observationSpace().stateCount(); }
        }, 1, 5);
        assertProblem(r, "outside");
    }

    @Test
    void unsortedFeaturesAreFound() {
        CheckReport r = EnvironmentChecker.check(() -> new Broken() {
            @Override public ObservationSpace observationSpace() { return ObservationSpace.discrete(25); }
            @Override public int activeFeatures(int[] out) { out[0] = 3; out[1] = 2; return 2; }
        }, 1, 5);
        assertProblem(r, "ascending");
    }

    @Test
    void seedThatDoesNotReproduceIsFound() {
        AtomicLong calls = new AtomicLong();
        CheckReport r = EnvironmentChecker.check(() -> new Broken() {
            @Override public double step(int a) { inner.step(a); return calls.incrementAndGet() % 7; }
        }, 1, 5);
        assertProblem(r, "determinism");
    }

    @Test
    void steppingAfterTheEndThatIsAcceptedIsFound() {
        CheckReport r = EnvironmentChecker.check(() -> new Broken() {
            @Override public double step(int a) {
                if (inner.episodeOver()) {
                    return 0;
                }
                return inner.step(a);
            }
        }, 1, 5);
        assertProblem(r, "step() after the episode ended was accepted");
    }

    @Test
    void badActionThatIsAcceptedIsFound() {
        CheckReport r = EnvironmentChecker.check(() -> new Broken() {
            @Override public double step(int a) { return inner.step(Math.floorMod(a, 4)); }
        }, 1, 5);
        assertProblem(r, "action -1 was accepted");
    }

    @Test
    void truncationWithoutATimeLimitIsFound() {
        CheckReport r = EnvironmentChecker.check(() -> new Broken() {
            @Override public int timeLimit() { return 0; }
        }, 1, 5);
        assertProblem(r, "truncated at step");
    }

    private static void assertProblem(CheckReport report, String fragment) {
        assertFalse(report.passed(), "the checker passed a broken environment");
        assertTrue(report.problems().stream().anyMatch(p -> p.contains(fragment)),
                () -> "expected a problem containing '" + fragment + "', got " + report.problems());
    }
}
