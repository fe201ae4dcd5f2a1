package dev.lrlab.agents.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lrlab.agents.config.Parameters;
import dev.lrlab.agents.config.Problems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongToDoubleFunction;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One contract over every registered schedule kind: built from a spec, its values at a table of
 * clock points equal the formula written out here (to 1e-12), and over many random settings it
 * is never negative or NaN.
 */
class ScheduleContractTest {

    private static final ScheduleKinds KINDS = ScheduleKinds.load();
    private static final long[] CLOCK = {0, 1, 2, 3, 4, 5, 9, 10, 11, 49, 50, 51, 99, 100, 101, 150,
        299, 300, 301, 999, 1000, 4321, 100_000};
    private static final double A = 0.3; // the base rate

    /** A kind, a spec for it, and the formula it must follow. */
    record Case(String kind, Map<String, Object> spec, LongToDoubleFunction formula) {
        @Override
        public String toString() {
            return kind + " " + spec;
        }
    }

    static Stream<Case> cases() {
        List<Case> c = new ArrayList<>();
        c.add(new Case("constant", Map.of(), t -> A));
        c.add(new Case("step", Map.of("step-size", 30), t -> A * Math.pow(0.1, Math.floor(t / 30.0))));
        c.add(new Case("step", Map.of("step-size", 7, "gamma", 0.5), t -> A * Math.pow(0.5, Math.floor(t / 7.0))));
        c.add(new Case("multistep", Map.of("milestones", List.of(10, 100, 1000)),
                t -> A * Math.pow(0.1, (t >= 10 ? 1 : 0) + (t >= 100 ? 1 : 0) + (t >= 1000 ? 1 : 0))));
        c.add(new Case("exponential", Map.of("gamma", 0.99), t -> A * Math.pow(0.99, t)));
        c.add(new Case("exponential", Map.of("lambda", 0.01), t -> A * Math.exp(-0.01 * t)));
        c.add(new Case("exponential", Map.of("gamma", 0.5, "transition-steps", 100, "staircase", true,
                "begin", 50, "end-value", 0.01),
                t -> t <= 50 ? A : Math.max(0.01, A * Math.pow(0.5, Math.floor((t - 50) / 100.0)))));
        c.add(new Case("exponential", Map.of("gamma", 0.5, "transition-steps", 100),
                t -> A * Math.pow(0.5, t / 100.0)));
        c.add(new Case("exponential", Map.of("gamma", 1.01, "end-value", 1.0),
                t -> Math.min(1.0, A * Math.pow(1.01, t))));
        c.add(new Case("inverse-time", Map.of("decay", 0.1), t -> A / (1 + 0.1 * t)));
        c.add(new Case("inverse-time", Map.of("decay", 1, "power", 0.7), t -> A / Math.pow(1 + t, 0.7)));
        c.add(new Case("polynomial", Map.of("total-iters", 100),
                t -> A * (1 - Math.min(t, 100) / 100.0)));
        c.add(new Case("polynomial", Map.of("total-iters", 300, "power", 2, "end-value", 0.01),
                t -> (A - 0.01) * Math.pow(1 - Math.min(t, 300) / 300.0, 2) + 0.01));
        c.add(new Case("linear", Map.of(), t -> A * (1.0 / 3 + (1 - 1.0 / 3) * Math.min(t, 5) / 5.0)));
        c.add(new Case("linear", Map.of("start-factor", 1, "end-factor", 0.1, "total-iters", 100),
                t -> A * (1 + (0.1 - 1) * Math.min(t, 100) / 100.0)));
        c.add(new Case("cosine", Map.of("t-max", 100),
                t -> A * (1 + Math.cos(Math.PI * Math.min(t, 100) / 100.0)) / 2));
        c.add(new Case("cosine", Map.of("t-max", 300, "eta-min", 0.01),
                t -> 0.01 + (A - 0.01) * (1 + Math.cos(Math.PI * Math.min(t, 300) / 300.0)) / 2));
        c.add(new Case("cosine-restarts", Map.of("t-0", 50),
                t -> A * (1 + Math.cos(Math.PI * (t % 50) / 50.0)) / 2));
        c.add(new Case("cosine-restarts", Map.of("t-0", 10, "t-mult", 2, "eta-min", 0.001),
                t -> {
                    // cycles of 10, 20, 40, ...: cycle n starts at 10 (2^n - 1)
                    int n = (int) Math.floor(Math.log(t / 10.0 + 1) / Math.log(2));
                    long start = 10L * ((1L << n) - 1);
                    if (t < start) {
                        n--;
                        start = 10L * ((1L << n) - 1);
                    } else if (t >= 10L * ((1L << (n + 1)) - 1)) {
                        n++;
                        start = 10L * ((1L << n) - 1);
                    }
                    double tCur = t - start;
                    double tI = 10.0 * (1L << n);
                    return 0.001 + (A - 0.001) * (1 + Math.cos(Math.PI * tCur / tI)) / 2;
                }));
        c.add(new Case("warmup", Map.of("length", 100),
                t -> t < 100 ? A * t / 100.0 : A));
        c.add(new Case("warmup", Map.of("length", 50, "start-factor", 0.1,
                "then", Map.of("type", "cosine", "t-max", 250)),
                t -> t < 50 ? A * (0.1 + 0.9 * t / 50.0)
                        : A * (1 + Math.cos(Math.PI * Math.min(t - 50, 250) / 250.0)) / 2));
        c.add(new Case("cyclic", Map.of("max-lr", 1.0, "step-size-up", 50),
                t -> triangle(t, 50, A, 1.0, 1)));
        c.add(new Case("cyclic", Map.of("max-lr", 1.0, "step-size-up", 50, "mode", "triangular2"),
                t -> triangle(t, 50, A, 1.0, Math.pow(0.5, Math.floor(t / 100.0)))));
        c.add(new Case("cyclic", Map.of("max-lr", 1.0, "step-size-up", 50, "mode", "exp-range", "gamma", 0.999),
                t -> triangle(t, 50, A, 1.0, Math.pow(0.999, t))));
        c.add(new Case("one-cycle", Map.of("total-steps", 1000), t -> oneCycle(t, 1000, 0.3, 25, 1e4)));
        c.add(new Case("one-cycle", Map.of("total-steps", 300, "pct-start", 0.5, "div-factor", 10,
                "final-div-factor", 100), t -> oneCycle(t, 300, 0.5, 10, 100)));
        c.add(new Case("piecewise", Map.of("boundaries", List.of(10, 100), "factors", List.of(1, 0.5, 0.1)),
                t -> A * (t < 10 ? 1 : t < 100 ? 0.5 : 0.1)));
        c.add(new Case("sequence", Map.of("boundaries", List.of(100),
                "schedules", List.of(Map.of("type", "constant"), Map.of("type", "exponential", "gamma", 0.99))),
                t -> t < 100 ? A : A * Math.pow(0.99, t - 100)));
        c.add(new Case("reduce-on-plateau", Map.of(), t -> A));
        c.add(new Case("square-wave", Map.of("period", 10), t -> (t / 10) % 2 == 0 ? A : A * 0.5));
        return c.stream();
    }

    /** Smith's triangle, written from the paper's formula. */
    private static double triangle(long t, long half, double low, double high, double scale) {
        double cycle = Math.floor(1 + t / (2.0 * half));
        double x = Math.abs(t / (double) half - 2 * cycle + 1);
        return low + (high - low) * Math.max(0, 1 - x) * scale;
    }

    /** PyTorch's OneCycleLR formula (two phases, cosine). */
    private static double oneCycle(long t, long total, double pct, double div, double finalDiv) {
        double initial = A / div;
        double min = initial / finalDiv;
        double up = pct * total - 1;
        double down = total - 1;
        if (t <= up) {
            return min(initial, A, t / up);
        }
        return min(A, min, Math.min(1, (t - up) / (down - up)));
    }

    private static double min(double from, double to, double pct) {
        return to + (from - to) / 2 * (Math.cos(Math.PI * pct) + 1);
    }

    private static StepSizeSchedule build(String kind, Map<String, Object> spec, double base) {
        Map<String, Object> full = new LinkedHashMap<>(spec);
        full.put("type", kind);
        Problems problems = new Problems();
        StepSizeSchedule s = KINDS.create(base, Parameters.of("schedule", full, problems));
        assertTrue(problems.isEmpty(), () -> kind + ": " + problems.messages());
        assertNotNull(s, kind);
        return s;
    }

    @Test
    void everyRegisteredKindHasACase() {
        List<String> covered = cases().map(Case::kind).toList();
        for (String name : KINDS.names()) {
            assertTrue(covered.contains(name), "no contract case for schedule kind " + name);
        }
        assertTrue(KINDS.names().size() >= 16, KINDS.names().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void valuesEqualTheFormula(Case c) {
        StepSizeSchedule s = build(c.kind(), c.spec(), A);
        for (long t : CLOCK) {
            double want = c.formula().applyAsDouble(t);
            assertEquals(want, s.rate(t), 1e-12, () -> c + " at t = " + t);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void neverNegativeOrNaNOverRandomBasesAndClocks(Case c) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(c.kind().hashCode());
        for (int i = 0; i < 50; i++) {
            double base = Math.pow(10, -6 + 7 * rng.nextDouble());
            StepSizeSchedule s = build(c.kind(), c.spec(), base);
            for (int j = 0; j < 100; j++) {
                long t = rng.nextInt(4) == 0 ? rng.nextLong(0, Long.MAX_VALUE / 4) : rng.nextLong(0, 100_000);
                double r = s.rate(t);
                assertTrue(r >= 0 && !Double.isNaN(r) && !Double.isInfinite(r),
                        () -> c + " base " + base + " at t = " + t + " gave " + r);
            }
        }
    }

    @Test
    void warmUpHandsOverAtItsLength() {
        StepSizeSchedule s = WarmUp.of(1.0, 10, 0, Exponential.of(1.0, 0.5));
        assertEquals(0.9, s.rate(9), 1e-12);
        assertEquals(1.0, s.rate(10), 1e-12, "the next schedule's clock starts at 0");
        assertEquals(0.5, s.rate(11), 1e-12);
    }

    @Test
    void sequenceRestartsEachClockAtItsBoundary() {
        StepSizeSchedule s = Sequence.of(List.of(Constant.of(2), Linear.of(1, 0, 1, 10), Constant.of(7)),
                new long[] {5, 15});
        assertEquals(2, s.rate(4), 0);
        assertEquals(0, s.rate(5), 1e-12);
        assertEquals(0.9, s.rate(14), 1e-12);
        assertEquals(7, s.rate(15), 0);
    }

    @Test
    void thenComposesAtTheBoundary() {
        StepSizeSchedule s = Constant.of(1).then(3, Cosine.of(1, 4, 0));
        assertEquals(1, s.rate(2), 0);
        assertEquals(1, s.rate(3), 1e-12);
        assertEquals(0.5, s.rate(5), 1e-12);
        assertEquals(0, s.rate(7), 1e-12);
    }

    @Test
    void visitCountRuleIsInverseTimeOnTheVisitsClock() {
        StepSizeSchedule sampleAverage = build("inverse-time", Map.of("decay", 1, "power", 1), 1.0);
        ClockedSchedule perVisit = ClockedSchedule.of(sampleAverage, Clock.VISITS);
        for (int n = 1; n <= 5; n++) {
            assertEquals(1.0 / n, perVisit.rate(999, 999, 999, n - 1), 1e-15, "visit " + n);
        }
    }
}
