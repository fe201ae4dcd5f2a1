package dev.lrlab.agents.optim;

import dev.lrlab.env.registry.Key;
import dev.lrlab.env.registry.KindProvider;
import dev.lrlab.env.registry.Parameters;
import dev.lrlab.env.registry.Parameters.Range;
import java.util.List;

/**
 * lrlab's optimizers under PyTorch's names and defaults; each takes only the hyperparameters its
 * update rule uses, so a spec cannot set one that would be silently ignored.
 */
public final class BuiltInOptimizers implements KindProvider {

    private static final Range BELOW_ONE = new Range(0, false, 1, true);
    private static final Key WEIGHT_DECAY = Key.number("weight-decay", 0, Range.NON_NEGATIVE,
            "L2 penalty added to the gradient");
    private static final Key MOMENTUM = Key.number("momentum", 0.9, Range.NON_NEGATIVE, "mu: b = mu b + g");
    private static final Key RHO = Key.number("rho", 0.99, BELOW_ONE,
            "smoothing of the squared gradient (PyTorch's alpha)");
    private static final Key EPS = Key.number("eps", 1e-8, Range.NON_NEGATIVE, "added to the denominator");
    private static final Key RMS_MOMENTUM = Key.number("momentum", 0, Range.NON_NEGATIVE,
            "momentum on the normalised gradient (0: none)");
    private static final Key CENTERED = Key.flag("centered", false, "subtract the squared mean gradient");
    private static final Key EPS_INSIDE = Key.flag("eps-inside-root", false,
            "sqrt(v + eps) instead of sqrt(v) + eps (TensorFlow's form; MinAtar's AC(lambda))");
    private static final Key DEBIASED = Key.flag("debiased", false,
            "divide v by 1 - rho^t as Adam does (MinAtar's AC(lambda))");
    private static final Key BETA1 = Key.number("beta1", 0.9, BELOW_ONE, "decay of the first moment");
    private static final Key BETA2 = Key.number("beta2", 0.999, BELOW_ONE, "decay of the second moment");
    private static final Key AMSGRAD = Key.flag("amsgrad", false,
            "divide by the running maximum of the second moment (Reddi et al. 2018)");
    private static final Key ADAMW_DECAY = Key.number("weight-decay", 0.01, Range.NON_NEGATIVE,
            "decoupled decay: the weights shrink by rate * weight-decay each update");
    private static final Key ADAGRAD_EPS = EPS.withDefault(1e-10);

    @Override
    public List<OptimizerKind> kinds() {
        return List.of(
                OptimizerKind.of("sgd", "w -= rate g (PyTorch SGD)", List.of(WEIGHT_DECAY),
                        p -> OptimizerConfig.of(UpdateRule.SGD).withWeightDecay(p.number(WEIGHT_DECAY))),
                OptimizerKind.of("momentum", "heavy ball: b = mu b + g; w -= rate b (PyTorch SGD with momentum)",
                        List.of(MOMENTUM, WEIGHT_DECAY), p -> OptimizerConfig.of(UpdateRule.MOMENTUM)
                                .withMomentum(p.number(MOMENTUM)).withWeightDecay(p.number(WEIGHT_DECAY))),
                OptimizerKind.of("nesterov", "Nesterov momentum: w -= rate (g + mu b) (PyTorch SGD, nesterov=True)",
                        List.of(MOMENTUM, WEIGHT_DECAY), p -> OptimizerConfig.of(UpdateRule.NESTEROV)
                                .withMomentum(p.number(MOMENTUM)).withWeightDecay(p.number(WEIGHT_DECAY))),
                OptimizerKind.of("rmsprop", "w -= rate g / (sqrt(v) + eps), v a running mean of g^2 (PyTorch RMSprop)",
                        List.of(RHO, EPS, CENTERED, RMS_MOMENTUM, WEIGHT_DECAY, EPS_INSIDE, DEBIASED),
                        p -> OptimizerConfig.of(UpdateRule.RMSPROP)
                                .withRho(p.number(RHO)).withEps(p.number(EPS)).withCentered(p.flag(CENTERED))
                                .withMomentum(p.number(RMS_MOMENTUM)).withWeightDecay(p.number(WEIGHT_DECAY))
                                .withEpsInsideRoot(p.flag(EPS_INSIDE)).withDebiased(p.flag(DEBIASED))),
                OptimizerKind.of("adam", "bias-corrected moments: w -= rate m / (sqrt(v) + eps) (PyTorch Adam)",
                        List.of(BETA1, BETA2, EPS, WEIGHT_DECAY, AMSGRAD), p -> adam(UpdateRule.ADAM, p, WEIGHT_DECAY)),
                OptimizerKind.of("adamw", "Adam with decoupled weight decay (PyTorch AdamW)",
                        List.of(BETA1, BETA2, EPS, ADAMW_DECAY, AMSGRAD), p -> adam(UpdateRule.ADAMW, p, ADAMW_DECAY)),
                OptimizerKind.of("adagrad", "w -= rate g / (sqrt(sum g^2) + eps) (PyTorch Adagrad)",
                        List.of(ADAGRAD_EPS, WEIGHT_DECAY), p -> OptimizerConfig.of(UpdateRule.ADAGRAD)
                                .withEps(p.number(ADAGRAD_EPS)).withWeightDecay(p.number(WEIGHT_DECAY))));
    }

    private static OptimizerConfig adam(UpdateRule rule, Parameters p, Key decay) {
        double b1 = p.number(BETA1);
        double b2 = p.number(BETA2);
        double eps = p.number(EPS);
        double wd = p.number(decay);
        boolean ams = p.flag(AMSGRAD);
        if (Double.isNaN(b1 + b2 + eps + wd)) {
            return null;
        }
        return OptimizerConfig.of(rule).withBetas(b1, b2).withEps(eps).withWeightDecay(wd).withAmsgrad(ams);
    }
}
