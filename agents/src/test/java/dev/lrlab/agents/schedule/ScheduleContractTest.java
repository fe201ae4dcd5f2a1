package dev.lrlab.agents.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lrlab.agents.Registries;
import dev.lrlab.env.registry.Key;
import dev.lrlab.env.registry.Parameters;
import dev.lrlab.env.registry.Problems;
import dev.lrlab.env.registry.Registry;
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
 * clock points equal the formula written out here (to 1e-12); over random valid settings drawn
 * from each kind's declared keys it is finite and never negative for t from 0 to 10^9; and every
 * schedule refuses, where it is constructed, arguments that would give NaN.
 */
class ScheduleContractTest {

    private static final Registry<ScheduleKind> KINDS = Registries.load().schedules();
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
        c.add(new Case("linear", Map.of("total-iters", 5), t -> A * (1.0 / 3 + (1 - 1.0 / 3) * Math.min(t, 5) / 5.0)));
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
        ScheduleBlueprint blueprint = ScheduleKind.read(Parameters.of("schedule", full, problems), KINDS);
        assertTrue(problems.isEmpty(), () -> kind + ": " + problems.messages());
        assertNotNull(blueprint, kind);
        return blueprint.at(base);
    }

    @Test
    void everyRegisteredKindHasACase() {
        List<String> covered = cases().map(Case::kind).toList();
        for (String name : KINDS.names()) {
            assertTrue(covered.contains(name), "no contract case for schedule kind " + name);
        }
        assertTrue(KINDS.names().size() >= 16, KINDS.names().toString());
        assertTrue(KINDS.names().contains("square-wave"), "the test's plugin kind is registered");
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

    static Stream<ScheduleKind> kinds() {
        return KINDS.all().stream();
    }

    /**
     * Settings drawn at random from the kind's declared keys (ranges, minimums, choices, nested
     * kinds); those the kind refuses as a whole (gamma and lambda together, a boundary count that
     * does not match) are drawn again. Each valid one must give finite, non-negative rates from
     * t = 0 to 10^9 at random base rates, 0 included.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void randomValidSettingsGiveFiniteNonNegativeRatesUpToABillion(ScheduleKind kind) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(kind.name().hashCode() * 31L + 7);
        int valid = 0;
        for (int attempt = 0; attempt < 4000 && valid < 40; attempt++) {
            Map<String, Object> settings = randomSettings(kind, rng, 2);
            Problems problems = new Problems();
            ScheduleBlueprint blueprint = ScheduleKind.read(Parameters.of("schedule", settings, problems), KINDS);
            if (blueprint == null) {
                continue;
            }
            valid++;
            for (int b = 0; b < 5; b++) {
                double base = b == 0 ? 0 : Math.pow(10, -6 + 7 * rng.nextDouble());
                StepSizeSchedule s = blueprint.at(base);
                for (int j = 0; j < 60; j++) {
                    // 0, 9, 99, ..., 999999999, then 10^9, then random clock values up to 10^9
                    long t = j < 10 ? (long) Math.pow(10, j) - 1
                            : j == 10 ? 1_000_000_000L : rng.nextLong(0, 1_000_000_001L);
                    double r = s.rate(t);
                    assertTrue(r >= 0 && Double.isFinite(r), settings + " at base " + base + ", t = " + t + ": " + r);
                }
            }
        }
        assertTrue(valid >= 40, kind.name() + ": only " + valid + " valid random settings");
    }

    private static Map<String, Object> randomSettings(ScheduleKind kind, UniformRandomProvider rng, int depth) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", kind.name());
        for (Key key : kind.keys()) {
            if (key.presence() != Key.Presence.REQUIRED && rng.nextBoolean()) {
                continue; // left out: its default, or unset
            }
            Object v = randomValue(key, rng, depth);
            if (v != null) {
                m.put(key.name(), v);
            }
        }
        return m;
    }

    private static Object randomValue(Key key, UniformRandomProvider rng, int depth) {
        return switch (key.type()) {
            case NUMBER -> randomNumber(key.range(), rng);
            case INTEGER -> key.min() + (long) Math.floor(Math.pow(10, 9 * rng.nextDouble())) - 1;
            case FLAG -> rng.nextBoolean();
            case CHOICE -> key.choices().get(rng.nextInt(key.choices().size()));
            case NUMBERS -> {
                List<Object> list = new ArrayList<>();
                for (int i = 0, n = 1 + rng.nextInt(4); i < n; i++) {
                    list.add(randomNumber(key.range(), rng));
                }
                yield list;
            }
            case INTEGERS -> {
                List<Object> list = new ArrayList<>();
                long v = key.min();
                for (int i = 0, n = 1 + rng.nextInt(4); i < n; i++) {
                    v += 1 + (long) Math.floor(Math.pow(10, 8 * rng.nextDouble()));
                    list.add(i == 0 ? v - 1 : v);
                }
                yield list;
            }
            case KIND -> depth == 0 ? Map.of("type", "constant") : randomKind(rng, depth - 1);
            case KINDS -> {
                List<Object> list = new ArrayList<>();
                for (int i = 0, n = 1 + rng.nextInt(3); i < n; i++) {
                    list.add(depth == 0 ? Map.of("type", "constant") : randomKind(rng, depth - 1));
                }
                yield list;
            }
            case TEXT, SCHEDULED -> null;
        };
    }

    private static Map<String, Object> randomKind(UniformRandomProvider rng, int depth) {
        List<ScheduleKind> all = KINDS.all();
        return randomSettings(all.get(rng.nextInt(all.size())), rng, depth);
    }

    private static double randomNumber(Parameters.Range range, UniformRandomProvider rng) {
        double low = Double.isInfinite(range.low()) ? -1e3 : range.low();
        if (Double.isInfinite(range.high())) {
            // log-uniform over nine decades above the low end, or the low end itself when allowed
            return !range.lowOpen() && rng.nextInt(8) == 0 ? low : low + Math.pow(10, -6 + 9 * rng.nextDouble());
        }
        double v = low + (range.high() - low) * rng.nextDouble();
        return range.contains(v) ? v : range.high();
    }

    /** new Cosine(0.1, 0, 0).rate(5) was NaN: every schedule checks its arguments in its constructor. */
    @Test
    void constructorsRefuseArgumentsThatWouldGiveNaN() {
        StepSizeSchedule c = Constant.of(1);
        List<org.junit.jupiter.api.function.Executable> bad = List.of(
                () -> new Cosine(0.1, 0, 0),
                () -> new Cosine(-0.1, 10, 0),
                () -> new Constant(Double.NaN),
                () -> new StepDecay(0.1, 0, 0.5),
                () -> new StepDecay(0.1, 10, 1.5),
                () -> new MultiStep(0.1, new long[] {5, 3}, 0.1),
                () -> new Exponential(0.1, 0, 1, false, 0, Double.NaN),
                () -> new Exponential(0.1, 1.5, 1, false, 0, Double.NaN),
                () -> new InverseTime(0.1, -1, 1),
                () -> new Polynomial(0.1, 0, 1, 0),
                () -> new Linear(0.1, 1, 0, 0),
                () -> new CosineWarmRestarts(0.1, 0, 1, 0),
                () -> new CosineWarmRestarts(0.1, 10, 0, 0),
                () -> new WarmUp(0.1, 0, 0, c),
                () -> new Cyclic(0.1, 1, 0, Cyclic.Mode.TRIANGULAR, 1),
                () -> new OneCycle(0.1, 1, 0.3, 25, 1e4),
                () -> new Piecewise(0.1, new long[] {10}, new double[] {1}),
                () -> new Sequence(List.of(c), new long[] {10}),
                () -> ReduceOnPlateau.of(Double.POSITIVE_INFINITY, ReduceOnPlateau.Settings.DEFAULTS));
        for (int i = 0; i < bad.size(); i++) {
            int index = i;
            assertThrows(IllegalArgumentException.class, bad.get(i), () -> "case " + index + " was accepted");
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
