package dev.lrlab.agents.optim;

/**
 * An optimizer kind and its hyperparameters, with PyTorch's defaults. Fields a kind does not use
 * are ignored by it.
 *
 * @param kind which method
 * @param momentum mu for momentum and Nesterov (and RMSprop's optional momentum)
 * @param rho RMSprop's smoothing constant (PyTorch's alpha)
 * @param centered whether RMSprop subtracts the squared mean gradient
 * @param beta1 Adam's first-moment decay
 * @param beta2 Adam's second-moment decay
 * @param eps added to the denominator of adaptive methods
 * @param weightDecay L2 penalty added to the gradient (decoupled for AdamW)
 */
public record OptimizerConfig(OptimizerKind kind, double momentum, double rho, boolean centered,
        double beta1, double beta2, double eps, double weightDecay) {

    public OptimizerConfig {
        if (momentum < 0 || !(rho >= 0 && rho < 1) || !(beta1 >= 0 && beta1 < 1)
                || !(beta2 >= 0 && beta2 < 1) || !(eps >= 0) || !(weightDecay >= 0)) {
            throw new IllegalArgumentException("optimizer hyperparameters out of range: " + this);
        }
    }

    /** The kind with PyTorch's defaults (momentum 0.9 where the kind needs one; eps 1e-10 for Adagrad). */
    public static OptimizerConfig of(OptimizerKind kind) {
        double mu = kind == OptimizerKind.MOMENTUM || kind == OptimizerKind.NESTEROV ? 0.9 : 0;
        double eps = kind == OptimizerKind.ADAGRAD ? 1e-10 : 1e-8;
        double wd = kind == OptimizerKind.ADAMW ? 0.01 : 0;
        return new OptimizerConfig(kind, mu, 0.99, false, 0.9, 0.999, eps, wd);
    }

    /** Plain SGD. */
    public static OptimizerConfig sgd() {
        return of(OptimizerKind.SGD);
    }

    public OptimizerConfig withMomentum(double mu) {
        return new OptimizerConfig(kind, mu, rho, centered, beta1, beta2, eps, weightDecay);
    }

    public OptimizerConfig withRho(double r) {
        return new OptimizerConfig(kind, momentum, r, centered, beta1, beta2, eps, weightDecay);
    }

    public OptimizerConfig withCentered(boolean c) {
        return new OptimizerConfig(kind, momentum, rho, c, beta1, beta2, eps, weightDecay);
    }

    public OptimizerConfig withBetas(double b1, double b2) {
        return new OptimizerConfig(kind, momentum, rho, centered, b1, b2, eps, weightDecay);
    }

    public OptimizerConfig withEps(double e) {
        return new OptimizerConfig(kind, momentum, rho, centered, beta1, beta2, e, weightDecay);
    }

    public OptimizerConfig withWeightDecay(double wd) {
        return new OptimizerConfig(kind, momentum, rho, centered, beta1, beta2, eps, wd);
    }

    /** A new optimizer of this configuration for a parameter vector of {@code size} entries. */
    public Optimizer create(int size) {
        return switch (kind) {
            case SGD, MOMENTUM, NESTEROV -> new Sgd(size, this);
            case RMSPROP -> new RmsProp(size, this);
            case ADAM, ADAMW -> new Adam(size, this);
            case ADAGRAD -> new Adagrad(size, this);
        };
    }
}
