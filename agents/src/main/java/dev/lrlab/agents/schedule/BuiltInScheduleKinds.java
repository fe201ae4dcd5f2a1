package dev.lrlab.agents.schedule;

import dev.lrlab.env.registry.Key;
import dev.lrlab.env.registry.KindProvider;
import dev.lrlab.env.registry.Parameters;
import dev.lrlab.env.registry.Parameters.Range;
import dev.lrlab.env.registry.Registry;
import java.util.ArrayList;
import java.util.List;

/**
 * lrlab's own schedule kinds, under PyTorch's and optax's names and defaults (see
 * shared/reference/step-sizes.md). Keys are PyTorch's argument names in kebab case.
 */
public final class BuiltInScheduleKinds implements KindProvider {

    private static final Range FACTOR = Range.UNIT;
    private static final Key STEP_SIZE = Key.integer("step-size", 1, "clock ticks between decays");
    private static final Key DECAY_GAMMA = Key.number("gamma", StepDecay.DEFAULT_GAMMA, FACTOR,
            "factor applied at each decay (at most 1; for growth use exponential with an end-value)");
    private static final Key MILESTONES = Key.integers("milestones", 0, "clock values at which to decay");
    private static final Key EXP_GAMMA = Key.number("gamma", Range.POSITIVE,
            "factor per transition-steps ticks; give gamma or lambda (> 1 grows, and needs end-value)").optional();
    private static final Key LAMBDA = Key.number("lambda", Range.NON_NEGATIVE,
            "decay rate: gamma = e^-lambda; give gamma or lambda").optional();
    private static final Key TRANSITION_STEPS = Key.integer("transition-steps", 1, 1, "ticks per power of gamma");
    private static final Key STAIRCASE = Key.flag("staircase", false, "decay in whole powers only");
    private static final Key BEGIN = Key.integer("begin", 0, 0, "hold the base rate until this tick");
    private static final Key EXP_END = Key.number("end-value", Range.NON_NEGATIVE,
            "clip at this value (from below when decaying, from above when growing)").optional();
    private static final Key DECAY = Key.number("decay", 1, Range.NON_NEGATIVE, "d in base / (1 + d t)^power");
    private static final Key POWER = Key.number("power", 1, Range.NON_NEGATIVE, "the exponent");
    private static final Key TOTAL_ITERS = Key.integer("total-iters", 1, "ticks to reach the end value");
    private static final Key END_VALUE = Key.number("end-value", 0, Range.NON_NEGATIVE, "the rate after total-iters");
    private static final Key START_FACTOR = Key.number("start-factor", Linear.DEFAULT_START_FACTOR, Range.NON_NEGATIVE,
            "factor of the base rate at t = 0");
    private static final Key END_FACTOR = Key.number("end-factor", Linear.DEFAULT_END_FACTOR, Range.NON_NEGATIVE,
            "factor of the base rate from total-iters on");
    // lengths have no default: PyTorch's (LinearLR's 5 iterations, CyclicLR's 2000) are a few
    // updates of a supervised epoch, and in an RL run they silently turn a decay into a constant
    private static final Key LINEAR_ITERS = Key.integer("total-iters", 1, "ticks from start-factor to end-factor");
    private static final Key T_MAX = Key.integer("t-max", 1, "ticks from the base rate down to eta-min");
    private static final Key ETA_MIN = Key.number("eta-min", 0, Range.NON_NEGATIVE, "the lowest rate");
    private static final Key T_0 = Key.integer("t-0", 1, "ticks in the first cycle");
    private static final Key T_MULT = Key.integer("t-mult", 1, 1, "each cycle is this many times longer");
    private static final Key LENGTH = Key.integer("length", 1, "ticks of warm-up");
    private static final Key WARM_START = Key.number("start-factor", 0, Range.NON_NEGATIVE,
            "factor of the base rate at t = 0");
    private static final Key THEN = Key.kind("then", "schedule", "constant",
            "the schedule after warm-up, its clock restarted at 0");
    private static final Key MAX_LR = Key.number("max-lr", Range.NON_NEGATIVE, "the top of each triangle");
    private static final Key STEP_SIZE_UP = Key.integer("step-size-up", 1, "ticks from base to max-lr (half a cycle)");
    private static final Key MODE = Key.choice("mode", "triangular", List.of("triangular", "triangular2", "exp-range"),
            "triangular2 halves the amplitude each cycle; exp-range scales it by gamma^t");
    private static final Key CYCLIC_GAMMA = Key.number("gamma", 1, Range.UNIT_OPEN_LOW, "exp-range's factor per tick");
    private static final Key TOTAL_STEPS = Key.integer("total-steps", 2, "ticks of the whole cycle");
    private static final Key PCT_START = Key.number("pct-start", OneCycle.DEFAULT_PCT_START, Range.OPEN_UNIT,
            "fraction of the cycle spent rising");
    private static final Key DIV_FACTOR = Key.number("div-factor", OneCycle.DEFAULT_DIV_FACTOR, Range.POSITIVE,
            "the start is the peak / div-factor");
    private static final Key FINAL_DIV_FACTOR = Key.number("final-div-factor", OneCycle.DEFAULT_FINAL_DIV_FACTOR,
            Range.POSITIVE, "the end is the start / final-div-factor");
    private static final Key BOUNDARIES = Key.integers("boundaries", 1, "clock values where the next piece starts");
    private static final Key FACTORS = Key.numbers("factors", Range.NON_NEGATIVE,
            "factor of the base rate in each piece (one more than boundaries)");
    private static final Key SCHEDULES = Key.kinds("schedules", "schedule",
            "the pieces (one more than boundaries), each clock restarted at its boundary");
    private static final Key PLATEAU_MODE = Key.choice("mode", "max", List.of("max", "min"),
            "max: the metric should grow (returns); min: it should fall (losses)");
    private static final Key PLATEAU_FACTOR = Key.number("factor", ReduceOnPlateau.Settings.DEFAULTS.factor(),
            Range.OPEN_UNIT, "factor applied at each reduction");
    private static final Key PATIENCE = Key.integer("patience", ReduceOnPlateau.Settings.DEFAULTS.patience(), 0,
            "checks without improvement tolerated before reducing");
    private static final Key THRESHOLD = Key.number("threshold", ReduceOnPlateau.Settings.DEFAULTS.threshold(),
            Range.NON_NEGATIVE, "smallest change that counts as an improvement");
    private static final Key THRESHOLD_MODE = Key.choice("threshold-mode", "rel", List.of("rel", "abs"),
            "rel: threshold times |best|; abs: threshold itself");
    private static final Key COOLDOWN = Key.integer("cooldown", 0, 0, "checks to wait after a reduction");
    private static final Key MIN_LR = Key.number("min-lr", 0, Range.NON_NEGATIVE, "never below this");
    private static final Key MONITOR = Key.text("monitor", "the metric watched, by name (unset: evaluation_return "
            + "when the spec evaluates, else episode_return); see a run's metrics");

    @Override
    public List<ScheduleKind> kinds() {
        return List.of(
                ScheduleKind.of("constant", "the base rate at every t", List.of(), (p, kinds) -> Constant::of),
                ScheduleKind.of("step", "base * gamma^floor(t / step-size) (PyTorch StepLR)",
                        List.of(STEP_SIZE, DECAY_GAMMA), (p, kinds) -> {
                            long size = p.integer(STEP_SIZE);
                            double gamma = p.number(DECAY_GAMMA);
                            return base -> StepDecay.of(base, size, gamma);
                        }),
                ScheduleKind.of("multistep", "base * gamma^(milestones passed) (PyTorch MultiStepLR)",
                        List.of(MILESTONES, DECAY_GAMMA), (p, kinds) -> {
                            long[] milestones = p.integers(MILESTONES);
                            double gamma = p.number(DECAY_GAMMA);
                            return base -> MultiStep.of(base, milestones, gamma);
                        }),
                ScheduleKind.of("exponential",
                        "base * gamma^(t / transition-steps), or base * e^(-lambda t); optax options",
                        List.of(EXP_GAMMA, LAMBDA, TRANSITION_STEPS, STAIRCASE, BEGIN, EXP_END),
                        BuiltInScheduleKinds::exponential),
                ScheduleKind.of("inverse-time", "base / (1 + decay t)^power; on the visits clock, "
                                + "base / N(s,a)^power", List.of(DECAY, POWER), (p, kinds) -> {
                            double decay = p.number(DECAY);
                            double power = p.number(POWER);
                            return base -> InverseTime.of(base, decay, power);
                        }),
                ScheduleKind.of("polynomial", "(base - end) (1 - min(t,T)/T)^power + end (PyTorch PolynomialLR)",
                        List.of(TOTAL_ITERS, POWER, END_VALUE), (p, kinds) -> {
                            long total = p.integer(TOTAL_ITERS);
                            double power = p.number(POWER);
                            double end = p.number(END_VALUE);
                            return base -> Polynomial.of(base, total, power, end);
                        }),
                ScheduleKind.of("linear", "factor from start-factor to end-factor over total-iters "
                                + "(PyTorch LinearLR)", List.of(START_FACTOR, END_FACTOR, LINEAR_ITERS), (p, kinds) -> {
                            double start = p.number(START_FACTOR);
                            double end = p.number(END_FACTOR);
                            long total = p.integer(LINEAR_ITERS);
                            return base -> Linear.of(base, start, end, total);
                        }),
                ScheduleKind.of("cosine", "cosine from base to eta-min over t-max, then eta-min",
                        List.of(T_MAX, ETA_MIN), (p, kinds) -> {
                            long tMax = p.integer(T_MAX);
                            double etaMin = p.number(ETA_MIN);
                            return base -> Cosine.of(base, tMax, etaMin);
                        }),
                ScheduleKind.of("cosine-restarts", "SGDR: cosine cycles of t-0, each t-mult times "
                                + "longer (PyTorch CosineAnnealingWarmRestarts)", List.of(T_0, T_MULT, ETA_MIN),
                        (p, kinds) -> {
                            long t0 = p.integer(T_0);
                            long mult = p.integer(T_MULT);
                            double etaMin = p.number(ETA_MIN);
                            return base -> CosineWarmRestarts.of(base, t0, mult, etaMin);
                        }),
                ScheduleKind.of("warmup", "linear from base * start-factor to base over length, "
                                + "then the 'then' schedule (default constant)", List.of(LENGTH, WARM_START, THEN),
                        BuiltInScheduleKinds::warmup),
                ScheduleKind.of("cyclic", "Smith's triangles between base and max-lr "
                                + "(triangular, triangular2, exp-range)",
                        List.of(MAX_LR, STEP_SIZE_UP, MODE, CYCLIC_GAMMA), (p, kinds) -> {
                            double max = p.number(MAX_LR);
                            long up = p.integer(STEP_SIZE_UP);
                            Cyclic.Mode mode = Cyclic.Mode.byId(p.text(MODE)).orElse(Cyclic.Mode.TRIANGULAR);
                            double gamma = p.number(CYCLIC_GAMMA);
                            return base -> Cyclic.of(base, max, up, mode, gamma);
                        }),
                ScheduleKind.of("one-cycle", "PyTorch OneCycleLR with the base rate as the peak",
                        List.of(TOTAL_STEPS, PCT_START, DIV_FACTOR, FINAL_DIV_FACTOR), (p, kinds) -> {
                            long total = p.integer(TOTAL_STEPS);
                            double pct = p.number(PCT_START);
                            double div = p.number(DIV_FACTOR);
                            double finalDiv = p.number(FINAL_DIV_FACTOR);
                            return base -> OneCycle.of(base, total, pct, div, finalDiv);
                        }),
                ScheduleKind.of("piecewise", "base * factors[i], i = boundaries passed",
                        List.of(BOUNDARIES, FACTORS), (p, kinds) -> {
                            long[] boundaries = p.integers(BOUNDARIES);
                            double[] factors = p.numbers(FACTORS);
                            return base -> Piecewise.of(base, boundaries, factors);
                        }),
                ScheduleKind.of("sequence", "schedules[i] from boundaries[i-1], each clock restarted",
                        List.of(BOUNDARIES, SCHEDULES), BuiltInScheduleKinds::sequence),
                ScheduleKind.of("reduce-on-plateau", "base * factor when the monitored metric "
                                + "stalls for patience checks (PyTorch ReduceLROnPlateau)",
                        List.of(MONITOR, PLATEAU_MODE, PLATEAU_FACTOR, PATIENCE, THRESHOLD, THRESHOLD_MODE, COOLDOWN,
                                MIN_LR),
                        BuiltInScheduleKinds::plateau));
    }

    private static ScheduleBlueprint exponential(Parameters p, Registry<ScheduleKind> kinds) {
        double gamma = p.number(EXP_GAMMA);
        double lambda = p.number(LAMBDA);
        if (Double.isNaN(gamma) == Double.isNaN(lambda)) {
            if (!p.has(EXP_GAMMA.name()) && !p.has(LAMBDA.name())) {
                p.problem(EXP_GAMMA.name(), "is required (or lambda, with gamma = e^-lambda)");
            } else if (p.has(EXP_GAMMA.name()) && p.has(LAMBDA.name())) {
                p.problem(LAMBDA.name(), "give gamma or lambda, not both");
            }
            return null;
        }
        double g = Double.isNaN(gamma) ? Math.exp(-lambda) : gamma;
        long transition = p.integer(TRANSITION_STEPS);
        boolean staircase = p.flag(STAIRCASE);
        long begin = p.integer(BEGIN);
        double end = p.number(EXP_END);
        return base -> Exponential.of(base, g, transition, staircase, begin, end);
    }

    private static ScheduleBlueprint warmup(Parameters p, Registry<ScheduleKind> kinds) {
        long length = p.integer(LENGTH);
        double startFactor = p.number(WARM_START);
        // the successor may be of any registered kind, third parties' included
        Parameters then = p.nested(THEN);
        ScheduleBlueprint after = then == null ? null : ScheduleKind.read(then, kinds);
        return after == null ? null : base -> WarmUp.of(base, length, startFactor, after.at(base));
    }

    private static ScheduleBlueprint sequence(Parameters p, Registry<ScheduleKind> kinds) {
        long[] boundaries = p.integers(BOUNDARIES);
        List<ScheduleBlueprint> parts = new ArrayList<>();
        for (Parameters child : p.nestedList(SCHEDULES)) {
            parts.add(ScheduleKind.read(child, kinds));
        }
        if (parts.contains(null) || parts.isEmpty()) {
            return null;
        }
        if (parts.size() != boundaries.length + 1) {
            p.problem(BOUNDARIES.name(), "needs one fewer entry than schedules (" + (parts.size() - 1)
                    + "), had " + boundaries.length);
            return null;
        }
        return base -> Sequence.of(parts.stream().map(s -> s.at(base)).toList(), boundaries);
    }

    private static ScheduleBlueprint plateau(Parameters p, Registry<ScheduleKind> kinds) {
        String monitor = p.text(MONITOR);
        if (monitor != null && !monitor.matches("[a-z][a-z0-9_]*")) {
            p.problem(MONITOR.name(), "must be a metric name in snake_case (such as evaluation_return), was '"
                    + monitor + "'");
        }
        ReduceOnPlateau.Mode mode = "min".equals(p.text(PLATEAU_MODE)) ? ReduceOnPlateau.Mode.MIN
                : ReduceOnPlateau.Mode.MAX;
        double factor = p.number(PLATEAU_FACTOR);
        int patience = (int) Math.min(p.integer(PATIENCE), Integer.MAX_VALUE);
        double threshold = p.number(THRESHOLD);
        ReduceOnPlateau.ThresholdMode thresholdMode = "abs".equals(p.text(THRESHOLD_MODE))
                ? ReduceOnPlateau.ThresholdMode.ABS : ReduceOnPlateau.ThresholdMode.REL;
        int cooldown = (int) Math.min(p.integer(COOLDOWN), Integer.MAX_VALUE);
        double minRate = p.number(MIN_LR);
        return base -> ReduceOnPlateau.of(base, new ReduceOnPlateau.Settings(mode, factor, patience, threshold,
                thresholdMode, cooldown, minRate, monitor));
    }
}
