package dev.lrlab.experiments.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lrlab.agents.Registries;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --set PATH=VALUE} changes the spec as if the file said so, and says clearly what it cannot set. */
class SpecOverrideTest {

    private static final SpecReader READER = SpecReader.of(Registries.load());
    private static final String SPEC = """
            name: override
            environment: { id: cliff-walking }
            agent: { type: q-learning, gamma: 1.0 }
            sweep: { learning-rates: [0.1, 0.5], seeds: 2 }
            budget: { episodes: 20 }
            """;

    @Test
    void setsNestedKeysAndSweepPaths() throws Exception {
        ExperimentPlan plan = READER.parse(SPEC, "override.yaml",
                List.of("budget.episodes=7", "sweep.seeds=3", "sweep.agent.gamma=[0.9, 0.99]", "environment.slip=0.1"));
        assertEquals(7, plan.budget().episodes());
        assertEquals(3, plan.sweep().seeds().length);
        assertEquals(2 * 2 * 3, plan.trialCount(), "two rates x two gammas x three seeds");
    }

    @Test
    void aMistakeNamesTheOverride() {
        SpecException e = assertThrows(SpecException.class, () -> READER.parse(SPEC, "override.yaml",
                List.of("budjet.episodes=7", "seeds", "agent.type.x=1")));
        String m = e.getMessage();
        assertTrue(m.contains("--set budjet.episodes=7: the spec has no section 'budjet'"), m);
        assertTrue(m.contains("--set seeds: expected PATH=VALUE"), m);
        assertTrue(m.contains("--set agent.type.x=1: 'agent.type' is"), m);
    }

    @Test
    void aNumberPicksAListEntry() throws Exception {
        String spec = SPEC + "schedules:\n  - { type: constant }\n  - { type: linear, start-factor: 1, end-factor: 0, "
                + "total-iters: 100 }\n";
        ExperimentPlan plan = READER.parse(spec, "override.yaml", List.of("schedules.1.total-iters=5000"));
        ScheduleChoice linear = plan.setups().stream().map(TrialSetup::schedule)
                .filter(c -> c.settings().get("type").equals("linear")).findFirst().orElseThrow();
        assertEquals(5000, ((Number) linear.settings().get("total-iters")).intValue());
        // the rate reaches its end at the new total, not the file's 100
        assertEquals(0.5 * 0.5, linear.create(0.5).rate(2500, 0, 0, 0), 1e-12);
        SpecException wrong = assertThrows(SpecException.class, () -> READER.parse(spec, "override.yaml",
                List.of("schedules.2.total-iters=5", "schedules.first.total-iters=5")));
        String m = wrong.getMessage();
        assertTrue(m.contains("--set schedules.2.total-iters=5: 'schedules' has 2 entries (0 to 1), not 2"), m);
        assertTrue(m.contains("'schedules' is a list: give an entry's index (from 0) after it, not 'first'"), m);
        SpecException checked = assertThrows(SpecException.class, () -> READER.parse(spec, "override.yaml",
                List.of("schedules.1.total-iters=0")));
        assertTrue(checked.getMessage().contains("total-iters"), checked.getMessage());
    }

    @Test
    void anOverriddenValueIsCheckedLikeTheFile() {
        SpecException e = assertThrows(SpecException.class, () -> READER.parse(SPEC, "override.yaml",
                List.of("agent.gamma=1.5")));
        assertTrue(e.getMessage().contains("agent.gamma: must be in [0, 1], was 1.5"), e.getMessage());
    }
}
