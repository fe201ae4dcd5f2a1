package dev.lrlab.experiments.supervised;

import dev.lrlab.agents.schedule.StepSizeSchedule;
import dev.lrlab.experiments.findlr.RangeCurve;
import dev.lrlab.experiments.findlr.RangeRecorder;
import dev.lrlab.experiments.findlr.RangeTestOptions;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The range test where Smith proposed it: a classifier trained by minibatches while its rate grows
 * exponentially, its loss on the held-out points recorded along the way (fast.ai records each
 * training batch's loss instead; the held-out loss is what lrlab's RL range test records too, and
 * it is smoother), smoothed as there (debiased moving average) and stopped once the smoothed loss
 * passes a factor of its minimum. Then the rate chosen from it is tried: {@link #train} runs whole
 * trainings under a schedule, for the one-cycle comparison.
 */
public final class SupervisedRangeTest {

    private SupervisedRangeTest() {
    }

    /** One test on one seed (the network's initialisation and the batches' order). */
    public static RangeCurve run(SupervisedTask task, long seed, RangeTestOptions options) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {seed, 0x5A1DL});
        Classifier net = task.classifier(rng);
        int[] order = SupervisedTask.shuffled(task.train().size(), rng);
        int perEpoch = task.updatesPerEpoch();
        long every = Math.max(1, options.updates() / options.points());
        RangeRecorder record = new RangeRecorder(options);
        String stopped = "end";
        for (long t = 0; t < options.updates(); t++) {
            int inEpoch = (int) (t % perEpoch);
            if (inEpoch == 0 && t > 0) {
                SupervisedTask.shuffle(order, rng);
            }
            double rate = options.rateAt(t);
            net.train(task.train(), order, inEpoch * task.batch(), task.batch(), rate);
            if ((t + 1) % every != 0) {
                continue;
            }
            if (record.diverges(rate, net.evaluate(task.heldOut())[0])) {
                stopped = "diverged";
                break;
            }
            if (record.full()) {
                break;
            }
        }
        return record.curve(task.optimizerName(), seed, stopped, 0);
    }

    /**
     * What a training under one schedule gave, per epoch: the mean training loss and the held-out
     * loss and accuracy at the epoch's end.
     */
    public record Training(double[] trainLoss, double[] heldOutLoss, double[] accuracy) {
    }

    /** Trains for {@code epochs} with the step size {@code schedule} on the updates clock. */
    public static Training train(SupervisedTask task, StepSizeSchedule schedule, int epochs, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {seed, 0x7EA1L});
        Classifier net = task.classifier(rng);
        int[] order = SupervisedTask.shuffled(task.train().size(), rng);
        int perEpoch = task.updatesPerEpoch();
        double[] trainLoss = new double[epochs];
        double[] heldOutLoss = new double[epochs];
        double[] accuracy = new double[epochs];
        long t = 0;
        for (int e = 0; e < epochs; e++) {
            if (e > 0) {
                SupervisedTask.shuffle(order, rng);
            }
            double sum = 0;
            for (int u = 0; u < perEpoch; u++, t++) {
                sum += net.train(task.train(), order, u * task.batch(), task.batch(), schedule.rate(t));
            }
            trainLoss[e] = sum / perEpoch;
            double[] held = net.evaluate(task.heldOut());
            heldOutLoss[e] = held[0];
            accuracy[e] = held[1];
        }
        return new Training(trainLoss, heldOutLoss, accuracy);
    }
}
