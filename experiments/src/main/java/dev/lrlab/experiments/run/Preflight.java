package dev.lrlab.experiments.run;

import dev.lrlab.agents.schedule.ClockedSchedule;
import dev.lrlab.env.Environment;
import dev.lrlab.env.metrics.MetricLog;
import dev.lrlab.env.metrics.PublishesMetrics;
import dev.lrlab.experiments.listen.PlateauListener;
import dev.lrlab.experiments.listen.TrialListener;
import dev.lrlab.experiments.spec.ExperimentPlan;
import dev.lrlab.experiments.spec.TrialSetup;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The checks of a plan that need its parts built, made before anything runs: every metric a
 * reduce-on-plateau schedule watches (wherever it is nested, epsilon's included) must be one that
 * its trials publish. One agent is built per distinct setup.
 */
public final class Preflight {

    private Preflight() {
    }

    /** The problems found, each a line for the user; empty when the plan can run. */
    public static List<String> problems(ExperimentPlan plan) {
        Set<String> out = new LinkedHashSet<>();
        Set<List<Object>> seen = new HashSet<>();
        for (TrialSetup setup : plan.setups()) {
            // one check per distinct agent, schedule and environment
            if (!seen.add(List.of(setup.agent(), setup.schedule(), setup.environment()))) {
                continue;
            }
            MetricLog metrics = TrialRunner.runnerMetrics(plan);
            Environment env = setup.environment().create();
            if (env.unwrapped() instanceof PublishesMetrics publisher) {
                publisher.publishTo(metrics);
            }
            List<TrialListener> listeners = new ArrayList<>();
            ClockedSchedule rate = setup.schedule().create(setup.learningRate());
            setup.agent().blueprint().create(env, RunnerContext.of(rate, RandomSource.XO_RO_SHI_RO_128_PP.create(0),
                    metrics, listeners, TrialRunner.defaultMonitor(plan)));
            for (TrialListener listener : listeners) {
                if (listener instanceof PlateauListener plateau && metrics.id(plateau.metric()) < 0) {
                    out.add(setup.agent().label() + " / " + setup.schedule().label() + ": reduce-on-plateau watches '"
                            + plateau.metric() + "', which its trials do not publish"
                            + (plateau.metric().equals("evaluation_return") ? " (add an evaluation section)" : "")
                            + "; they publish: " + String.join(", ", metrics.names()));
                }
            }
        }
        return new ArrayList<>(out);
    }
}
