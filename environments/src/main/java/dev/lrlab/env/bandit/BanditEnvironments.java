package dev.lrlab.env.bandit;

import dev.lrlab.env.EnvironmentKind;
import dev.lrlab.env.TimeLimit;
import dev.lrlab.env.registry.Key;
import dev.lrlab.env.registry.KindProvider;
import dev.lrlab.env.registry.Parameters.Range;
import java.util.List;

/** The k-armed testbed of Sutton &amp; Barto chapter 2, stationary or (walk-sd &gt; 0) not. */
public final class BanditEnvironments implements KindProvider {

    private static final Key ARMS = Key.integer("arms", 10, 1, "how many arms (actions)");
    private static final Key MEAN = Key.number("mean", 0, Range.ANY,
            "the mean of the arms' true values (Figure 2.5: 4)");
    private static final Key ARM_SD = Key.number("arm-sd", 1, Range.NON_NEGATIVE,
            "the spread of the arms' true values around the mean (0: all equal, as in Exercise 2.5)");
    private static final Key REWARD_SD = Key.number("reward-sd", 1, Range.NON_NEGATIVE,
            "the noise of a pull around its arm's true value");
    private static final Key WALK_SD = Key.number("walk-sd", 0, Range.NON_NEGATIVE,
            "after every pull each true value steps by N(0, walk-sd^2); 0 is stationary (Exercise 2.5: 0.01)");
    private static final Key TIME_LIMIT = EnvironmentKind.TIME_LIMIT.withDoc(
            "accepted as for every environment; a pull is a whole episode, so it never truncates");

    @Override
    public List<EnvironmentKind> kinds() {
        return List.of(EnvironmentKind.of("k-armed-bandit",
                "S&B 2.3's k-armed testbed: Gaussian arms, each pull an episode of one step; walk-sd > 0 is "
                        + "nonstationary (Ex. 2.5)",
                List.of(ARMS, MEAN, ARM_SD, REWARD_SD, WALK_SD, TIME_LIMIT), p -> {
                    long arms = p.integer(ARMS);
                    double mean = p.number(MEAN);
                    double armSd = p.number(ARM_SD);
                    double rewardSd = p.number(REWARD_SD);
                    double walkSd = p.number(WALK_SD);
                    if (arms > 1_000_000) {
                        p.problem(ARMS.name(), "must be at most 1000000, was " + arms);
                        return null;
                    }
                    if (Double.isNaN(mean + armSd + rewardSd + walkSd)) {
                        return null;
                    }
                    // a pull ends its episode, so a time limit never bites; it is accepted as everywhere
                    long steps = p.integer(TIME_LIMIT);
                    int limit = steps == Long.MIN_VALUE ? 0 : (int) Math.min(Integer.MAX_VALUE, steps);
                    return () -> limit > 0 ? TimeLimit.of(KArmedBandit.of((int) arms, mean, armSd, rewardSd, walkSd),
                            limit) : KArmedBandit.of((int) arms, mean, armSd, rewardSd, walkSd);
                }));
    }
}
