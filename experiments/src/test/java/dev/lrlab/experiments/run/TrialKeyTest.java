package dev.lrlab.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lrlab.experiments.spec.ExperimentPlan;
import dev.lrlab.experiments.spec.TrialSetup;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Trial keys name results on disk: planning may hash them faster, never differently. */
class TrialKeyTest {

    static Stream<Arguments> plans() {
        return Stream.of(
                Arguments.of("no master seed", Specs.SMALL,
                        List.of("1b50e3825d44ec15", "845f4eec3e9a4bd6", "3afae383e9330ff7")),
                Arguments.of("master seed 5", Specs.SMALL + "seed: 5\n",
                        List.of("343901519eecadee", "01c7d522c7afac52", "d58f2f4f31eba7eb")));
    }

    /** The keys of the previous release (written by hashing each trial's whole content), so that its run directories resume. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void keysAreThoseOfEarlierRuns(String name, String yaml, List<String> pinned) {
        List<Trial> trials = Trial.all(Specs.parse(yaml));
        assertEquals(pinned, List.of(trials.get(0).key(), trials.get(7).key(), trials.get(11).key()));
    }

    /** A setup's keys hashed from one prefix equal the whole content's hash, for any seed a spec can hold. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void keysFromThePrefixEqualKeysOfTheWholeContent(String name, String yaml, List<String> pinned) {
        ExperimentPlan plan = Specs.parse(yaml);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20261201L);
        for (TrialSetup setup : plan.setups()) {
            Trial.SeedKeys keys = Trial.SeedKeys.of(plan, setup);
            for (long seed : new long[] {0, 1, -1, 9, 10, Long.MIN_VALUE, Long.MAX_VALUE}) {
                assertEquals(Trial.keyOf(plan, setup, seed), keys.keyOf(seed), "seed " + seed);
            }
            for (int i = 0; i < 200; i++) {
                long seed = i % 2 == 0 ? rng.nextInt(100_000) : rng.nextLong();
                assertEquals(Trial.keyOf(plan, setup, seed), keys.keyOf(seed), "seed " + seed);
            }
        }
    }
}
