package dev.lrlab.agents;

import dev.lrlab.agents.optim.StepSizeStats;

/** Sums an agent's per-update measurements without allocating, until they are taken. */
public final class DiagnosticsAccumulator {

    private long updates;
    private long tdCount;
    private double tdSum;
    private long lossCount;
    private double lossSum;
    private double updateSum;
    private double rateSum;

    /** One update: its base rate and the norm of the change it made. */
    public void update(double rate, double magnitude) {
        updates++;
        rateSum += rate;
        updateSum += magnitude;
    }

    public void tdError(double delta) {
        tdCount++;
        tdSum += Math.abs(delta);
    }

    public void policyLoss(double loss) {
        lossCount++;
        lossSum += loss;
    }

    /** The means since the last take, with the given step-size stats; then starts over. */
    public AgentDiagnostics take(StepSizeStats stepSizes) {
        AgentDiagnostics d = new AgentDiagnostics(updates,
                tdCount == 0 ? Double.NaN : tdSum / tdCount,
                lossCount == 0 ? Double.NaN : lossSum / lossCount,
                updates == 0 ? Double.NaN : updateSum / updates,
                updates == 0 ? Double.NaN : rateSum / updates,
                stepSizes);
        updates = 0;
        tdCount = 0;
        tdSum = 0;
        lossCount = 0;
        lossSum = 0;
        updateSum = 0;
        rateSum = 0;
        return d;
    }
}
