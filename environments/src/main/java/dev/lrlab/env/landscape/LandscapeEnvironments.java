package dev.lrlab.env.landscape;

import dev.lrlab.env.EnvironmentKind;
import dev.lrlab.env.TimeLimit;
import dev.lrlab.env.registry.Key;
import dev.lrlab.env.registry.KindProvider;
import dev.lrlab.env.registry.Parameters.Range;
import java.util.List;

/** The optimizer playground's losses as an environment for a {@code descent} agent. */
public final class LandscapeEnvironments implements KindProvider {

    private static final Key LOSS = Key.choice("loss", "quadratic",
            List.of("quadratic", "rosenbrock", "beale", "double-well", "saddle"), "the loss in two dimensions");
    private static final Key KAPPA = Key.number("kappa", 10, Range.AT_LEAST_ONE,
            "the quadratic's condition number (L = kappa: gradient descent diverges above 2/L)");
    private static final Key NOISE = Key.number("noise", 0, Range.NON_NEGATIVE,
            "standard deviation of Gaussian noise added to each gradient component (the stochastic variant)");
    private static final Key JITTER = Key.number("start-jitter", 0, Range.NON_NEGATIVE,
            "standard deviation of the seed's shift of the start point");
    private static final Key TIME_LIMIT = EnvironmentKind.TIME_LIMIT.withDoc(
            "accepted as for every environment; each optimizer step is a whole episode, so it never truncates");

    @Override
    public List<EnvironmentKind> kinds() {
        return List.of(EnvironmentKind.of("landscape", "a loss in two dimensions for the descent agent (the optimizer "
                + "playground): each episode one optimizer step, the reward minus the loss",
                List.of(LOSS, KAPPA, NOISE, JITTER, TIME_LIMIT), p -> {
                    String loss = p.text(LOSS);
                    double kappa = p.number(KAPPA);
                    double noise = p.number(NOISE);
                    double jitter = p.number(JITTER);
                    long steps = p.integer(TIME_LIMIT);
                    if (loss == null || Double.isNaN(kappa + noise + jitter)) {
                        return null;
                    }
                    int limit = steps == Long.MIN_VALUE ? 0 : (int) Math.min(Integer.MAX_VALUE, steps);
                    return () -> {
                        LandscapeEnvironment env = LandscapeEnvironment.of(Landscape.named(loss, kappa), noise, jitter);
                        return limit > 0 ? TimeLimit.of(env, limit) : env;
                    };
                }));
    }
}
