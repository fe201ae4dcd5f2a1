package dev.lrlab.agents.optim;

/**
 * A built-in update rule and its hyperparameters, with PyTorch's defaults. Fields a rule does not
 * use are ignored by it; the {@link OptimizerKind} of each rule lets a spec set only its own.
 *
 * @param rule which method
 * @param momentum mu for momentum and Nesterov (and RMSprop's optional momentum)
 * @param rho RMSprop's smoothing constant (PyTorch's alpha)
 * @param centered whether RMSprop subtracts the squared mean gradient
 * @param beta1 Adam's first-moment decay
 * @param beta2 Adam's second-moment decay
 * @param eps added to the denominator of adaptive methods
 * @param weightDecay L2 penalty added to the gradient (decoupled for AdamW)
 * @param amsgrad whether Adam divides by the running maximum of its second moment (AMSGrad)
 * @param epsInsideRoot whether RMSprop adds eps under the root ({@code sqrt(v + eps)}) rather than after it
 * @param debiased whether RMSprop divides its running mean of g^2 by {@code 1 - rho^t}
 */
public record OptimizerConfig(UpdateRule rule, double momentum, double rho, boolean centered,
        double beta1, double beta2, double eps, double weightDecay, boolean amsgrad, boolean epsInsideRoot,
        boolean debiased) implements OptimizerBlueprint {

    public OptimizerConfig {
        if (!(momentum >= 0) || !(rho >= 0 && rho < 1) || !(beta1 >= 0 && beta1 < 1)
                || !(beta2 >= 0 && beta2 < 1) || !(eps >= 0) || !(weightDecay >= 0)
                || Double.isInfinite(momentum) || Double.isInfinite(eps) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("optimizer hyperparameters out of range: " + this);
        }
    }

    /** The rule with PyTorch's defaults (momentum 0.9 where the rule needs one; eps 1e-10 for Adagrad). */
    public static OptimizerConfig of(UpdateRule rule) {
        double mu = rule == UpdateRule.MOMENTUM || rule == UpdateRule.NESTEROV ? 0.9 : 0;
        double eps = rule == UpdateRule.ADAGRAD ? 1e-10 : 1e-8;
        double wd = rule == UpdateRule.ADAMW ? 0.01 : 0;
        return new OptimizerConfig(rule, mu, 0.99, false, 0.9, 0.999, eps, wd, false, false, false);
    }

    /** Plain SGD. */
    public static OptimizerConfig sgd() {
        return of(UpdateRule.SGD);
    }

    public OptimizerConfig withMomentum(double mu) {
        return new OptimizerConfig(rule, mu, rho, centered, beta1, beta2, eps, weightDecay, amsgrad, epsInsideRoot, debiased);
    }

    public OptimizerConfig withRho(double r) {
        return new OptimizerConfig(rule, momentum, r, centered, beta1, beta2, eps, weightDecay, amsgrad, epsInsideRoot, debiased);
    }

    public OptimizerConfig withCentered(boolean c) {
        return new OptimizerConfig(rule, momentum, rho, c, beta1, beta2, eps, weightDecay, amsgrad, epsInsideRoot, debiased);
    }

    public OptimizerConfig withBetas(double b1, double b2) {
        return new OptimizerConfig(rule, momentum, rho, centered, b1, b2, eps, weightDecay, amsgrad, epsInsideRoot, debiased);
    }

    public OptimizerConfig withEps(double e) {
        return new OptimizerConfig(rule, momentum, rho, centered, beta1, beta2, e, weightDecay, amsgrad, epsInsideRoot, debiased);
    }

    public OptimizerConfig withWeightDecay(double wd) {
        return new OptimizerConfig(rule, momentum, rho, centered, beta1, beta2, eps, wd, amsgrad, epsInsideRoot, debiased);
    }

    public OptimizerConfig withAmsgrad(boolean on) {
        return new OptimizerConfig(rule, momentum, rho, centered, beta1, beta2, eps, weightDecay, on, epsInsideRoot, debiased);
    }

    /** A new optimizer of this configuration for a parameter vector of {@code size} entries. */
    /**
     * RMSprop with eps inside the root, {@code sqrt(v + eps)} (TensorFlow's form, and MinAtar's
     * AC(lambda)), instead of PyTorch's {@code sqrt(v) + eps}.
     */
    public OptimizerConfig withEpsInsideRoot(boolean on) {
        return new OptimizerConfig(rule, momentum, rho, centered, beta1, beta2, eps, weightDecay, amsgrad, on, debiased);
    }

    /** RMSprop whose running mean of g^2 is divided by {@code 1 - rho^t}, as Adam's second moment. */
    public OptimizerConfig withDebiased(boolean on) {
        return new OptimizerConfig(rule, momentum, rho, centered, beta1, beta2, eps, weightDecay, amsgrad, epsInsideRoot, on);
    }

    @Override
    public Optimizer create(int size) {
        return switch (rule) {
            case SGD, MOMENTUM, NESTEROV -> new Sgd(size, this);
            case RMSPROP -> new RmsProp(size, this);
            case ADAM, ADAMW -> new Adam(size, this);
            case ADAGRAD -> new Adagrad(size, this);
        };
    }
}
