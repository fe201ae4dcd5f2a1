package dev.lrlab.experiments.run;

import dev.lrlab.experiments.spec.ExperimentPlan;
import dev.lrlab.experiments.spec.TrialSetup;
import java.util.Locale;

/**
 * What a plan will cost at most, worked out before it runs: the environment steps, the memory
 * a trial takes while it runs (its record: a return and a length per episode, and its metrics; and
 * its agent's working memory, such as a DQN's replay), the memory of all the records (which a
 * search holds to choose its next trials), and the memory of the report, which reads the trials
 * one part at a time and keeps, per group of seeds, the records of at most 100 of them, its curves'
 * moments, and a few scores a trial. Bounds, not forecasts: a step budget is counted as if every
 * episode lasted one step.
 *
 * @param steps the most environment steps of the whole sweep
 * @param bytesPerTrial the most bytes one running trial holds: its record and its agent
 * @param bytesOfRecords the most bytes of every record together
 * @param bytesOfReport the most bytes the report holds
 */
public record Footprint(double steps, double bytesPerTrial, double bytesOfRecords, double bytesOfReport) {

    /** The report's records per group (Analysis.RETAINED), and its bytes per trial (scores, seed, key) and per episode of a group (moments). */
    private static final int RETAINED = 100;
    private static final double REPORT_BYTES_PER_TRIAL = 128;
    private static final double REPORT_BYTES_PER_EPISODE = 6 * 8;

    /** Bytes per episode in memory: its return (a double) and its length (an int), in growable arrays. */
    private static final double BYTES_PER_EPISODE = 2 * 12;

    public static Footprint of(ExperimentPlan plan) {
        double steps = 0;
        double perTrial = 0;
        double perRecord = 0;
        double maxEpisodes = 0;
        java.util.Map<Object, Integer> caps = new java.util.IdentityHashMap<>();
        for (TrialSetup setup : plan.setups()) {
            // without a cap of the budget's, an episode ends at the environment's own time limit
            int cap = caps.computeIfAbsent(setup.environment(), e -> setup.environment().maxEpisodeSteps() > 0
                    ? setup.environment().maxEpisodeSteps() : Math.max(1, setup.environment().create().timeLimit()));
            double trialSteps = plan.budget().inSteps() ? plan.budget().steps() : (double) plan.budget().episodes() * cap;
            double episodes = plan.budget().inSteps() ? plan.budget().steps() : plan.budget().episodes();
            double intervals = plan.metricsEvery() == 0 ? 0 : episodes / plan.metricsEvery();
            steps += trialSteps * plan.sweep().seeds().length;
            var probe = setup.environment().create();
            long agentBytes = setup.agent().blueprint().workingBytes(probe.observationSpace(), probe.actionCount());
            double record = episodes * BYTES_PER_EPISODE + intervals * 8 * 24;
            maxEpisodes = Math.max(maxEpisodes, episodes);
            perRecord = Math.max(perRecord, record);
            perTrial = Math.max(perTrial, record + agentBytes);
        }
        int seeds = plan.sweep().seeds().length;
        double groups = Math.ceil((double) plan.trialCount() / Math.max(1, seeds));
        double report = groups * (Math.min(seeds, RETAINED) * perRecord + maxEpisodes * REPORT_BYTES_PER_EPISODE)
                + plan.trialCount() * REPORT_BYTES_PER_TRIAL;
        return new Footprint(steps, perTrial, perRecord * plan.trialCount(), report);
    }

    /**
     * Why the plan cannot fit in {@code heapBytes} on {@code threads} threads (the trials running
     * at once; a search's records; then the report), or null when it can.
     */
    public String tooLarge(int threads, long heapBytes, boolean report, boolean search) {
        if (bytesPerTrial * threads > heapBytes / 2.0) {
            return String.format(Locale.ROOT, "a trial may hold up to %s (its record and its agent), and %d run at once: more than half "
                    + "the heap (%s)", size(bytesPerTrial), threads, size(heapBytes));
        }
        if (search && bytesOfRecords > heapBytes / 2.0) {
            return String.format(Locale.ROOT, "the records may take up to %s, more than half the heap (%s), and a "
                    + "search holds them to choose its next trials", size(bytesOfRecords), size(heapBytes));
        }
        if (report && bytesOfReport > heapBytes / 2.0) {
            return String.format(Locale.ROOT, "the report may hold up to %s (100 seeds' records a group and a few "
                    + "numbers a trial), more than half the heap (%s)", size(bytesOfReport), size(heapBytes));
        }
        return null;
    }

    /** One line for validate and run. */
    public String describe() {
        return String.format(Locale.ROOT, "at most %.3g environment steps; the records together up to %s "
                + "(a search holds them); a running trial up to %s; the report up to %s", steps, size(bytesOfRecords),
                size(bytesPerTrial), size(bytesOfReport));
    }

    static String size(double bytes) {
        return bytes >= 1e9 ? String.format(Locale.ROOT, "%.1f GB", bytes / 1e9)
                : bytes >= 1e6 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1e6)
                : String.format(Locale.ROOT, "%.0f kB", bytes / 1e3);
    }
}
