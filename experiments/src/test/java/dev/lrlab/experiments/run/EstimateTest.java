package dev.lrlab.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The probe that forecasts a run grows while an agent's speed is still changing, within its cap. */
class EstimateTest {

    @Test
    void aProbeThatIsNotSteadyIsRetriedTwiceAsLongWithinItsCap() {
        assertEquals(List.of(1.0, 2.0, 4.0, 8.0), Estimate.probeLengths(1, 16));
        assertEquals(List.of(0.25, 0.5, 1.0, 2.0), Estimate.probeLengths(0.25, 4));
        assertEquals(List.of(1.0, 2.0), Estimate.probeLengths(1, 3.5), "4 more seconds would pass the cap");
        assertEquals(List.of(5.0), Estimate.probeLengths(5, 5), "the first probe always runs");
    }
}
