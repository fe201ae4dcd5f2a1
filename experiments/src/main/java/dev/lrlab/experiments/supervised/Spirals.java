package dev.lrlab.experiments.supervised;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The spiral classification problem (CS231n's): {@code classes} arms of a spiral in the plane,
 * {@code perClass} points each, the angle jittered by Gaussian noise. Generated from a seed, so the
 * project carries no data file and every run sees the same points; small enough to train in a
 * second, and not linearly separable, so a network's step size matters.
 *
 * @param inputs the points, {@code [i * 2 + d]}
 * @param labels each point's class
 * @param classes how many classes
 */
public record Spirals(float[] inputs, int[] labels, int classes) {

    /** The points of one draw, in class order. */
    public static Spirals of(int classes, int perClass, double noise, long seed) {
        if (classes < 2 || perClass < 1 || !(noise >= 0)) {
            throw new IllegalArgumentException("spirals need at least 2 classes, 1 point each and noise >= 0");
        }
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        var gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        int n = classes * perClass;
        float[] x = new float[2 * n];
        int[] y = new int[n];
        for (int k = 0; k < classes; k++) {
            for (int i = 0; i < perClass; i++) {
                int j = k * perClass + i;
                double radius = perClass == 1 ? 1 : i / (double) (perClass - 1);
                double angle = k * 4.0 + 4.0 * radius + noise * gaussian.sample();
                x[2 * j] = (float) (radius * Math.sin(angle));
                x[2 * j + 1] = (float) (radius * Math.cos(angle));
                y[j] = k;
            }
        }
        return new Spirals(x, y, classes);
    }

    public int size() {
        return labels.length;
    }

    /** The examples at the given indices, in that order. */
    public Spirals subset(int[] indices) {
        float[] x = new float[2 * indices.length];
        int[] y = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            x[2 * i] = inputs[2 * indices[i]];
            x[2 * i + 1] = inputs[2 * indices[i] + 1];
            y[i] = labels[indices[i]];
        }
        return new Spirals(x, y, classes);
    }
}
