package dev.lrlab.agents.schedule;

import java.util.Arrays;
import java.util.Optional;

/**
 * Smith's cyclical learning rate (PyTorch's CyclicLR): triangles between {@code base} and
 * {@code maxRate} with half-cycle {@code stepSizeUp}; {@code triangular2} halves the amplitude
 * each cycle, {@code exp-range} scales it by gamma^t.
 */
public record Cyclic(double base, double maxRate, long stepSizeUp, Mode mode, double gamma)
        implements StepSizeSchedule {


    /** The amplitude policy. */
    public enum Mode {
        TRIANGULAR("triangular"),
        TRIANGULAR2("triangular2"),
        EXP_RANGE("exp-range");

        private final String id;

        Mode(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Optional<Mode> byId(String id) {
            return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
        }
    }

    public Cyclic {
        Check.nonNegative("base rate", base);
        Check.nonNegative("max-lr", maxRate);
        Check.positive("step-size-up", stepSizeUp);
        if (stepSizeUp > Long.MAX_VALUE / 2) {
            throw new IllegalArgumentException("step-size-up must be below 2^62, was " + stepSizeUp);
        }
        java.util.Objects.requireNonNull(mode, "mode");
        Check.inUnitInterval("gamma", gamma, true);
    }

    public static Cyclic of(double base, double maxRate, long stepSizeUp, Mode mode, double gamma) {
        return new Cyclic(base, maxRate, stepSizeUp, mode, gamma);
    }

    @Override
    public double rate(long t) {
        long cycle = 1 + t / (2 * stepSizeUp);
        double x = Math.abs((double) t / stepSizeUp - 2 * cycle + 1);
        double scale = switch (mode) {
            case TRIANGULAR -> 1;
            case TRIANGULAR2 -> 1 / Math.pow(2, cycle - 1);
            case EXP_RANGE -> Math.pow(gamma, t);
        };
        return base + (maxRate - base) * Math.max(0, 1 - x) * scale;
    }
}
