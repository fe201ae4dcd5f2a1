package dev.lrlab.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lrlab.experiments.spec.ExperimentPlan;
import org.junit.jupiter.api.Test;

/** The memory a plan needs: a grid's report grows with its groups, a search's records with its trials. */
class FootprintTest {

    /** A million trials of three episodes: 30 groups of 33,334 seeds. */
    private static final ExperimentPlan MILLION = Specs.parse("""
            name: million
            environment: { id: cliff-walking }
            agents:
              - { type: sarsa, gamma: 1.0 }
              - { type: expected-sarsa, gamma: 1.0 }
              - { type: q-learning, gamma: 1.0 }
            sweep:
              learning-rates: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]
              seeds: 33334
            budget: { episodes: 3, max-episode-steps: 30 }
            """);

    @Test
    void aMillionTrialGridAndItsReportFitHalfAGigabyteWhereHoldingEveryRecordWouldNot() {
        Footprint f = Footprint.of(MILLION);
        assertEquals(1_000_020, MILLION.trialCount());
        long heap = 512L << 20;
        assertNull(f.tooLarge(2, heap, true, false), "the streaming report of a grid fits");
        // the report keeps 100 records of each of the 30 groups and a few numbers a trial
        assertTrue(f.bytesOfReport() < f.bytesOfRecords(), f.describe());
        String search = f.tooLarge(2, (long) (f.bytesOfRecords() * 1.5), true, true);
        assertTrue(search != null && search.contains("a search holds them"), search);
        String report = f.tooLarge(2, (long) (f.bytesOfReport() * 1.5), true, false);
        assertTrue(report != null && report.contains("the report may hold up to"), report);
        assertNull(f.tooLarge(2, (long) (f.bytesOfReport() * 1.5), false, false), "without a report, the trials alone fit");
    }
}
