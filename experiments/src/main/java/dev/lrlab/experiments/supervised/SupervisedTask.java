package dev.lrlab.experiments.supervised;

import dev.lrlab.agents.optim.OptimizerBlueprint;
import dev.lrlab.agents.optim.OptimizerKind;
import dev.lrlab.env.registry.Registry;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The supervised problem the range test is run on in its original setting: the spirals (3
 * classes, 1,000 points each, 80% for training and 20% held out), an MLP 2-64-64-3, minibatches
 * of 64 and one of the project's optimizers at its defaults.
 *
 * @param train the training points
 * @param heldOut the held-out points (the range test's loss, the accuracy curves)
 * @param hidden the hidden layers' widths
 * @param batch examples per update
 * @param optimizerName the optimizer's kind
 * @param optimizer its blueprint
 */
public record SupervisedTask(Spirals train, Spirals heldOut, int[] hidden, int batch, String optimizerName,
        OptimizerBlueprint optimizer) {

    /** The only bundled problem's name. */
    public static final String SPIRALS = "spirals";

    /** The spirals with the given optimizer kind ({@code sgd}, {@code adam}, ...) at its defaults. */
    public static SupervisedTask spirals(String optimizerName, Registry<OptimizerKind> optimizers) {
        OptimizerBlueprint optimizer = OptimizerKind.defaults(optimizerName, optimizers);
        Spirals all = Spirals.of(3, 1000, 0.2, 20261130L);
        // a fixed shuffle, then 80% / 20%: the split is part of the problem, not of a seed
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
        int[] order = shuffled(all.size(), rng);
        int cut = all.size() * 4 / 5;
        return new SupervisedTask(all.subset(java.util.Arrays.copyOfRange(order, 0, cut)),
                all.subset(java.util.Arrays.copyOfRange(order, cut, order.length)), new int[] {64, 64}, 64,
                optimizerName, optimizer);
    }

    /** A fresh network for one seed. */
    public Classifier classifier(UniformRandomProvider rng) {
        return Classifier.of(train.classes(), hidden, Math.max(batch, 256), optimizer, rng);
    }

    /** Updates in one pass over the training points (the last, partial batch dropped). */
    public int updatesPerEpoch() {
        return train.size() / batch;
    }

    /** 0 .. n-1 in a random order (Fisher-Yates). */
    static int[] shuffled(int n, UniformRandomProvider rng) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        shuffle(order, rng);
        return order;
    }

    static void shuffle(int[] order, UniformRandomProvider rng) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
