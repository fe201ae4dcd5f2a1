package dev.lrlab.agents.schedule;

/** Argument checks shared by the schedule factories, with messages that name the parameter. */
final class Check {

    private Check() {
    }

    static double nonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0, was " + value);
        }
        return value;
    }

    static double positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number > 0, was " + value);
        }
        return value;
    }

    static double inUnitInterval(String name, double value, boolean openAtZero) {
        if (openAtZero ? !(value > 0 && value <= 1) : !(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in " + (openAtZero ? "(0, 1]" : "[0, 1]")
                    + ", was " + value);
        }
        return value;
    }

    static long positive(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, was " + value);
        }
        return value;
    }
}
