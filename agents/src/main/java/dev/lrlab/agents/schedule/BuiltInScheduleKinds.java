package dev.lrlab.agents.schedule;

import dev.lrlab.agents.config.Parameters;
import dev.lrlab.agents.config.Parameters.Range;
import java.util.ArrayList;
import java.util.List;

/**
 * lrlab's own schedule kinds, under PyTorch's and optax's names and defaults (see
 * shared/reference/step-sizes.md). Parameter keys are PyTorch's argument names in kebab case.
 */
public final class BuiltInScheduleKinds implements ScheduleKindProvider {

    @Override
    public List<ScheduleKind> kinds() {
        return List.of(
                ScheduleKind.of("constant", "the base rate at every t",
                        (base, p) -> Constant.of(base)),
                ScheduleKind.of("step", "base * gamma^floor(t / step-size) (PyTorch StepLR)",
                        (base, p) -> StepDecay.of(base, p.requiredInteger("step-size", 1),
                                p.number("gamma", StepDecay.DEFAULT_GAMMA, Range.NON_NEGATIVE))),
                ScheduleKind.of("multistep", "base * gamma^(milestones passed) (PyTorch MultiStepLR)",
                        (base, p) -> MultiStep.of(base, p.increasingIntegers("milestones", 0, true),
                                p.number("gamma", StepDecay.DEFAULT_GAMMA, Range.NON_NEGATIVE))),
                ScheduleKind.of("exponential",
                        "base * gamma^(t / transition-steps), or base * e^(-lambda t); optax options",
                        BuiltInScheduleKinds::exponential),
                ScheduleKind.of("inverse-time", "base / (1 + decay t)^power; on the visits clock, "
                                + "base / N(s,a)^power",
                        (base, p) -> InverseTime.of(base, p.number("decay", 1, Range.NON_NEGATIVE),
                                p.number("power", 1, Range.NON_NEGATIVE))),
                ScheduleKind.of("polynomial", "(base - end) (1 - min(t,T)/T)^power + end (PyTorch PolynomialLR)",
                        (base, p) -> Polynomial.of(base, p.requiredInteger("total-iters", 1),
                                p.number("power", 1, Range.NON_NEGATIVE),
                                p.number("end-value", 0, Range.NON_NEGATIVE))),
                ScheduleKind.of("linear", "factor from start-factor to end-factor over total-iters "
                                + "(PyTorch LinearLR)",
                        (base, p) -> Linear.of(base,
                                p.number("start-factor", Linear.DEFAULT_START_FACTOR, Range.NON_NEGATIVE),
                                p.number("end-factor", Linear.DEFAULT_END_FACTOR, Range.NON_NEGATIVE),
                                p.integer("total-iters", Linear.DEFAULT_TOTAL_ITERS, 1))),
                ScheduleKind.of("cosine", "cosine from base to eta-min over t-max, then eta-min",
                        (base, p) -> Cosine.of(base, p.requiredInteger("t-max", 1),
                                p.number("eta-min", 0, Range.NON_NEGATIVE))),
                ScheduleKind.of("cosine-restarts", "SGDR: cosine cycles of t-0, each t-mult times "
                                + "longer (PyTorch CosineAnnealingWarmRestarts)",
                        (base, p) -> CosineWarmRestarts.of(base, p.requiredInteger("t-0", 1),
                                p.integer("t-mult", 1, 1), p.number("eta-min", 0, Range.NON_NEGATIVE))),
                ScheduleKind.of("warmup", "linear from base * start-factor to base over length, "
                                + "then the 'then' schedule (default constant)",
                        this::warmup),
                ScheduleKind.of("cyclic", "Smith's triangles between base and max-lr "
                                + "(triangular, triangular2, exp-range)",
                        BuiltInScheduleKinds::cyclic),
                ScheduleKind.of("one-cycle", "PyTorch OneCycleLR with the base rate as the peak",
                        (base, p) -> OneCycle.of(base, p.requiredInteger("total-steps", 2),
                                p.number("pct-start", OneCycle.DEFAULT_PCT_START, Range.OPEN_UNIT),
                                p.number("div-factor", OneCycle.DEFAULT_DIV_FACTOR, Range.POSITIVE),
                                p.number("final-div-factor", OneCycle.DEFAULT_FINAL_DIV_FACTOR,
                                        Range.POSITIVE))),
                ScheduleKind.of("piecewise", "base * factors[i], i = boundaries passed",
                        (base, p) -> Piecewise.of(base, p.increasingIntegers("boundaries", 1, true),
                                p.numbers("factors", Range.NON_NEGATIVE, true))),
                ScheduleKind.of("sequence", "schedules[i] from boundaries[i-1], each clock restarted",
                        this::sequence),
                ScheduleKind.of("reduce-on-plateau", "base * factor when the monitored metric "
                                + "stalls for patience checks (PyTorch ReduceLROnPlateau)",
                        BuiltInScheduleKinds::plateau));
    }

    private static StepSizeSchedule exponential(double base, Parameters p) {
        boolean hasGamma = p.has("gamma");
        boolean hasLambda = p.has("lambda");
        if (hasGamma == hasLambda) {
            p.problem(hasGamma ? "lambda" : "gamma", hasGamma
                    ? "give gamma or lambda, not both"
                    : "is required (or lambda, with gamma = e^-lambda)");
            return null;
        }
        double gamma = hasGamma
                ? p.requiredNumber("gamma", Range.POSITIVE)
                : Math.exp(-p.requiredNumber("lambda", Range.NON_NEGATIVE));
        double end = p.number("end-value", Double.NaN, Range.NON_NEGATIVE);
        return Exponential.of(base, gamma, p.integer("transition-steps", 1, 1),
                p.flag("staircase", false), p.integer("begin", 0, 0), end);
    }

    private StepSizeSchedule warmup(double base, Parameters p) {
        long length = p.requiredInteger("length", 1);
        double startFactor = p.number("start-factor", 0, Range.NON_NEGATIVE);
        Parameters then = p.child("then", false);
        // nested schedules may be of any registered kind, third parties' included
        StepSizeSchedule after = then == null ? Constant.of(base) : ScheduleKinds.load().create(base, then);
        return after == null ? null : WarmUp.of(base, length, startFactor, after);
    }

    private StepSizeSchedule sequence(double base, Parameters p) {
        long[] boundaries = p.increasingIntegers("boundaries", 1, true);
        List<StepSizeSchedule> parts = new ArrayList<>();
        for (Parameters child : p.children("schedules", true)) {
            parts.add(ScheduleKinds.load().create(base, child));
        }
        if (parts.contains(null) || parts.isEmpty()) {
            return null;
        }
        if (parts.size() != boundaries.length + 1) {
            p.problem("boundaries", "needs one fewer entry than schedules (" + (parts.size() - 1)
                    + "), had " + boundaries.length);
            return null;
        }
        return Sequence.of(parts, boundaries);
    }

    private static StepSizeSchedule cyclic(double base, Parameters p) {
        String modeName = p.choice("mode", "triangular", List.of("triangular", "triangular2", "exp-range"));
        double max = p.requiredNumber("max-lr", Range.NON_NEGATIVE);
        return Cyclic.of(base, max, p.integer("step-size-up", Cyclic.DEFAULT_STEP_SIZE_UP, 1),
                Cyclic.Mode.byId(modeName).orElse(Cyclic.Mode.TRIANGULAR),
                p.number("gamma", 1, Range.UNIT_OPEN_LOW));
    }

    private static StepSizeSchedule plateau(double base, Parameters p) {
        ReduceOnPlateau.Settings d = ReduceOnPlateau.Settings.DEFAULTS;
        String mode = p.choice("mode", "max", List.of("max", "min"));
        String thresholdMode = p.choice("threshold-mode", "rel", List.of("rel", "abs"));
        return ReduceOnPlateau.of(base, new ReduceOnPlateau.Settings(
                "min".equals(mode) ? ReduceOnPlateau.Mode.MIN : ReduceOnPlateau.Mode.MAX,
                p.number("factor", d.factor(), Range.OPEN_UNIT),
                (int) p.integer("patience", d.patience(), 0),
                p.number("threshold", d.threshold(), Range.NON_NEGATIVE),
                "abs".equals(thresholdMode) ? ReduceOnPlateau.ThresholdMode.ABS
                        : ReduceOnPlateau.ThresholdMode.REL,
                (int) p.integer("cooldown", d.cooldown(), 0),
                p.number("min-lr", d.minRate(), Range.NON_NEGATIVE)));
    }
}
