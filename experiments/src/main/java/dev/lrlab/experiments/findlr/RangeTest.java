package dev.lrlab.experiments.findlr;

import dev.lrlab.agents.Agent;
import dev.lrlab.agents.DivergedException;
import dev.lrlab.agents.HeldOutLoss;
import dev.lrlab.agents.TrialContext;
import dev.lrlab.agents.schedule.Clock;
import dev.lrlab.agents.schedule.ClockedSchedule;
import dev.lrlab.agents.schedule.StepSizeSchedule;
import dev.lrlab.env.Environment;
import dev.lrlab.experiments.spec.TrialSetup;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Leslie Smith's learning-rate range test (fast.ai's {@code lr_find}) for an RL agent: the agent
 * learns as in a trial while its learning rate grows exponentially with its updates, from a start
 * to an end rate, and every so many updates its loss on held-out data (see {@link HeldOutLoss}) is
 * recorded; the test stops once the smoothed loss has grown past a factor of its minimum.
 */
public final class RangeTest {

    private RangeTest() {
    }

    /**
     * Runs the test for one setup's agent and environment on one seed. The seed alone (with the
     * agent's label) fixes every draw, so the test gives the same curve on any thread.
     *
     * @throws IllegalArgumentException when the agent has no held-out loss
     */
    public static RangeCurve run(TrialSetup setup, long seed, RangeTestOptions options) {
        UniformRandomProvider seeds = RandomSource.XO_RO_SHI_RO_128_PP.create(
                new long[] {seed, setup.agent().label().hashCode(), 0x7A11E5L});
        Environment env = setup.environment().create();
        Growth rate = new Growth(options);
        Agent agent = setup.agent().blueprint().create(env, TrialContext.of(ClockedSchedule.of(rate, Clock.UPDATES),
                RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {seeds.nextLong(), seeds.nextLong()})));
        if (!(agent instanceof HeldOutLoss held)) {
            throw new IllegalArgumentException(setup.agent().label() + ": its agent has no held-out loss, so the "
                    + "range test cannot measure it");
        }
        HeldOutLoss.HeldOut heldOut = held.holdOut(setup.environment().create(), options.heldOutSteps(),
                RandomSource.XO_RO_SHI_RO_128_PP.create(seeds.nextLong()));

        long every = options.updates() / options.points();
        RangeRecorder record = new RangeRecorder(options);
        String stopped = "step cap";
        long nextRecord = every;
        long steps = 0;
        try {
            env.reset(seeds.nextLong());
            int action = agent.start(env);
            for (; steps < options.stepCap(); ) {
                double reward = env.step(action);
                steps++;
                action = agent.step(reward, env);
                if (env.episodeOver()) {
                    agent.end(env);
                    env.reset();
                    action = agent.start(env);
                }
                long done = rate.updatesDone();
                if (done < nextRecord) {
                    continue;
                }
                nextRecord += every;
                if (record.diverges(rate.lastRate(), heldOut.loss())) {
                    stopped = "diverged";
                    break;
                }
                if (done >= options.updates() || record.full()) {
                    stopped = "end";
                    break;
                }
            }
        } catch (DivergedException e) {
            stopped = "diverged";
        }
        return record.curve(setup.agent().label(), seed, stopped, steps);
    }

    /** The growing rate, on the updates clock, remembering the last update it was asked for. */
    private static final class Growth implements StepSizeSchedule {
        private final RangeTestOptions options;
        private long last = -1;

        Growth(RangeTestOptions options) {
            this.options = options;
        }

        @Override
        public double rate(long t) {
            last = Math.max(last, t);
            return options.rateAt(t);
        }

        long updatesDone() {
            return last + 1;
        }

        double lastRate() {
            return options.rateAt(Math.max(0, last));
        }
    }
}
