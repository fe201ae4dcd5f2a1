package dev.lrlab.experiments.run;

import dev.lrlab.experiments.listen.Decision;
import dev.lrlab.experiments.listen.TrialListener;
import dev.lrlab.experiments.spec.ExperimentPlan;
import dev.lrlab.reports.results.TrialRecord;
import dev.lrlab.reports.results.TrialStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a plan will probably cost, from a short probe: one trial of each agent runs for a fraction
 * of a second (longer, up to 16 times, while its speed is still changing), which gives its steps
 * per second and, under an episode budget, its steps per episode so far. A forecast, not a bound ({@link Footprint} gives the bounds): episodes shorten
 * as a gridworld agent learns and lengthen as a Breakout agent does.
 *
 * @param steps the environment steps the sweep is expected to take
 * @param seconds the expected wall time on {@code threads} threads, if they are all busy
 * @param threads the threads assumed
 * @param probedAgents how many agents were probed
 * @param probeSeconds the probe's total wall time
 * @param steady whether every agent's speed had settled by the end of its probe
 */
public record Estimate(double steps, double seconds, int threads, int probedAgents, double probeSeconds,
        boolean steady) {

    /**
     * Probes each agent (at most {@code maxAgents}; the rest are taken as their average) for about
     * {@code seconds}: its trials run one after another, spread over the sweep's points, and the
     * speed is taken from the second half of the probe, past the JIT's warm-up and an agent's
     * start without updates (a DQN's replay start).
     */
    public static Estimate of(ExperimentPlan plan, double seconds, int maxAgents, int threads) {
        long started = System.nanoTime();
        Map<String, List<Trial>> byAgent = new LinkedHashMap<>();
        List<Trial> trials = Trial.all(plan);
        for (Trial t : trials) {
            byAgent.computeIfAbsent(t.setup().agent().label(), k -> new ArrayList<>()).add(t);
        }
        double secondsPerTrialSum = 0;
        double stepsPerTrialSum = 0;
        int probed = 0;
        boolean steady = true;
        for (List<Trial> ofAgent : byAgent.values()) {
            if (probed == maxAgents) {
                break;
            }
            Probe probe = null;
            for (double length : probeLengths(seconds, 16 * seconds)) {
                probe = Probe.run(plan, spread(ofAgent), length);
                if (probe == null || probe.steady) {
                    break;
                }
            }
            if (probe != null) {
                stepsPerTrialSum += probe.stepsPerTrial;
                secondsPerTrialSum += probe.stepsPerTrial / probe.stepsPerSecond;
                steady &= probe.steady;
                probed++;
            }
        }
        double probeSeconds = (System.nanoTime() - started) / 1e9;
        if (probed == 0) {
            return new Estimate(Double.NaN, Double.NaN, threads, 0, probeSeconds, true);
        }
        double trialCount = trials.size();
        double steps = stepsPerTrialSum / probed * trialCount;
        double wall = secondsPerTrialSum / probed * trialCount / Math.min(threads, trialCount);
        return new Estimate(steps, wall, threads, probed, probeSeconds, steady);
    }

    /**
     * The probe lengths tried for an agent until one is steady: {@code seconds}, then twice as long
     * each time while the lengths tried add up to at most {@code cap}. A neural agent runs its first
     * updates before the JIT has compiled its kernels, hundreds of times slower than later: a PPO
     * spec's one-second probe said 2.2 h where probes of 9 and 20 s said 13 and 12 min.
     */
    static List<Double> probeLengths(double seconds, double cap) {
        List<Double> lengths = new ArrayList<>(List.of(seconds));
        double total = seconds;
        for (double next = 2 * seconds; total + next <= cap; next *= 2) {
            lengths.add(next);
            total += next;
        }
        return lengths;
    }

    /** The trials in an order that visits every point early: seed 0 of each point first, then seed 1, ... */
    private static List<Trial> spread(List<Trial> trials) {
        List<Trial> out = new ArrayList<>(trials);
        out.sort(java.util.Comparator.comparingLong(Trial::seed));
        return out;
    }

    /** One agent's probe: the steps a trial takes and the steps per second of the probe's second half. */
    private record Probe(double stepsPerTrial, double stepsPerSecond, boolean steady) {

        /** Steps per second between the last boundaries at or before two times; NaN when no step falls between. */
        static double rateBetween(List<long[]> marks, long from, long to) {
            long[] a = marks.get(0);
            long[] b = marks.get(0);
            for (long[] m : marks) {
                if (m[0] <= from) {
                    a = m;
                }
                if (m[0] <= to) {
                    b = m;
                }
            }
            return b[1] > a[1] && b[0] > a[0] ? (b[1] - a[1]) / ((b[0] - a[0]) / 1e9) : Double.NaN;
        }


        static Probe run(ExperimentPlan plan, List<Trial> trials, double seconds) {
            long start = System.nanoTime();
            long deadline = start + (long) (seconds * 1e9);
            long hardStop = deadline + 4_000_000_000L; // for an episode that never reaches a boundary
            // (time, steps so far in the probe) at every episode boundary of every probed trial
            List<long[]> marks = new ArrayList<>();
            marks.add(new long[] {start, 0});
            double trialStepsSum = 0;
            int trialCount = 0;
            long before = 0;
            for (Trial t : trials) {
                long offset = before;
                TrialListener.Factory clock = trial -> (boundary, progress) -> {
                    long now = System.nanoTime();
                    marks.add(new long[] {now, offset + progress.steps()});
                    return now > deadline ? Decision.stop("the estimate's probe ended") : Decision.CONTINUE;
                };
                TrialRecord r = new TrialRunner(plan, List.of(clock)).run(t, () -> System.nanoTime() > hardStop);
                if (r == null || r.status() == TrialStatus.failed) {
                    break;
                }
                before += r.steps();
                if (r.status() == TrialStatus.completed || r.status() == TrialStatus.diverged) {
                    trialStepsSum += r.steps();
                } else if (plan.budget().inSteps()) {
                    trialStepsSum += plan.budget().steps();
                } else {
                    trialStepsSum += (double) r.steps() / Math.max(1, r.returns().length) * plan.budget().episodes();
                }
                trialCount++;
                if (System.nanoTime() > deadline) {
                    break;
                }
            }
            if (trialCount == 0 || before == 0) {
                return null;
            }
            long[] last = marks.get(marks.size() - 1);
            long span = last[0] - start;
            double rate = rateBetween(marks, start + span / 2, last[0]);
            if (Double.isNaN(rate)) {
                rate = before / (span / 1e9);
            }
            // steady when the third and the last quarter of the probe each ended an episode and ran at
            // about the same speed
            double third = rateBetween(marks, start + span / 2, start + 3 * span / 4);
            double fourth = rateBetween(marks, start + 3 * span / 4, last[0]);
            boolean steady = !Double.isNaN(third) && !Double.isNaN(fourth)
                    && Math.max(third, fourth) / Math.min(third, fourth) < 1.5;
            return new Probe(trialStepsSum / trialCount, rate, steady);
        }
    }

    /** One line for the console. */
    public String describe() {
        if (probedAgents == 0) {
            return "no estimate of time: the probe's trials made no step";
        }
        return String.format(Locale.ROOT, "estimate: about %.2g environment steps, %s on %d thread%s (from a %.1f s "
                + "probe of %d agent%s; episode lengths change as agents learn, so take it as a guide)", steps,
                duration(seconds), threads, threads == 1 ? "" : "s", probeSeconds, probedAgents,
                probedAgents == 1 ? "" : "s") + (steady ? "" : String.format(Locale.ROOT, "; the probe saw too "
                + "few episodes, or a speed still changing (the JIT compiling, updates starting), even at 16 times its "
                + "length, so a longer probe (--estimate-seconds %.0f) gives a steadier estimate",
                Math.max(5, 2 * probeSeconds)));
    }

    static String duration(double s) {
        if (s < 90) {
            return String.format(Locale.ROOT, "%.1f s", s);
        }
        if (s < 90 * 60) {
            return String.format(Locale.ROOT, "%.0f min", s / 60);
        }
        if (s < 48 * 3600) {
            return String.format(Locale.ROOT, "%.1f h", s / 3600);
        }
        return String.format(Locale.ROOT, "%.1f days", s / 86400);
    }
}
