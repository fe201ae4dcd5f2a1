package dev.lrlab.agents.schedule;

import java.util.Arrays;

/** PyTorch's MultiStepLR: {@code base * gamma^(number of milestones <= t)}. */
public record MultiStep(double base, long[] milestones, double gamma) implements StepSizeSchedule {

    /** Gamma is at most 1, as for {@link StepDecay}. */
    public MultiStep {
        Check.nonNegative("base rate", base);
        Check.inUnitInterval("gamma", gamma, false);
        milestones = milestones.clone();
        for (int i = 0; i < milestones.length; i++) {
            if (milestones[i] < 0 || (i > 0 && milestones[i] <= milestones[i - 1])) {
                throw new IllegalArgumentException("milestones must be increasing and >= 0, were "
                        + Arrays.toString(milestones));
            }
        }
    }

    public static MultiStep of(double base, long[] milestones, double gamma) {
        return new MultiStep(base, milestones, gamma);
    }

    @Override
    public double rate(long t) {
        int passed = 0;
        while (passed < milestones.length && milestones[passed] <= t) {
            passed++;
        }
        return base * Math.pow(gamma, passed);
    }

    @Override
    public long[] milestones() {
        return milestones.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MultiStep m && base == m.base && gamma == m.gamma
                && Arrays.equals(milestones, m.milestones);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(base) * 31 + Arrays.hashCode(milestones);
    }

    @Override
    public String toString() {
        return "MultiStep[base=" + base + ", milestones=" + Arrays.toString(milestones) + ", gamma="
                + gamma + "]";
    }
}
