package dev.lrlab.experiments.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lrlab.agents.DivergedException;
import dev.lrlab.agents.Registries;
import dev.lrlab.agents.descent.DescentAgent;
import dev.lrlab.agents.optim.OptimizerKind;
import dev.lrlab.agents.schedule.ClockedSchedule;
import dev.lrlab.agents.schedule.Constant;
import dev.lrlab.env.landscape.Landscape;
import dev.lrlab.env.landscape.LandscapeEnvironment;
import dev.lrlab.env.metrics.MetricSink;
import org.junit.jupiter.api.Test;

/** The descent agent on the landscape environment takes exactly the playground's steps, one an episode. */
class DescentAgentTest {

    @Test
    void anEpisodeIsOneOptimizerStepAndTheRewardIsMinusTheLoss() {
        for (String kind : new String[] {"sgd", "momentum", "adam"}) {
            Landscape rosenbrock = Landscape.rosenbrock();
            LandscapeEnvironment env = LandscapeEnvironment.of(rosenbrock, 0, 0);
            DescentAgent agent = DescentAgent.of(OptimizerKind.defaults(kind, Registries.load().optimizers())
                    .create(2), ClockedSchedule.constant(1e-3), 1e6, MetricSink.NONE);
            Descent.Path path = Descent.run(rosenbrock, OptimizerKind.defaults(kind, Registries.load().optimizers()),
                    Constant.of(1e-3), 50, 0, 0);
            env.reset(1);
            for (int t = 1; t <= 50; t++) {
                if (t > 1) {
                    env.reset();
                }
                int a = agent.start(env);
                double reward = env.step(a);
                agent.step(reward, env);
                agent.end(env);
                assertEquals(path.x()[t], env.x(), 0, kind + ", x at step " + t);
                assertEquals(path.y()[t], env.y(), 0, kind + ", y at step " + t);
                assertEquals(-path.loss()[t], reward, 0, kind + ", reward at step " + t);
            }
        }
    }

    @Test
    void aPointBeyondTheBoundEndsTheTrialAsDiverged() {
        LandscapeEnvironment env = LandscapeEnvironment.of(Landscape.quadratic(10), 0, 0);
        DescentAgent agent = DescentAgent.of(OptimizerKind.defaults("sgd", Registries.load().optimizers()).create(2),
                ClockedSchedule.constant(0.5), 1e3, MetricSink.NONE);
        env.reset(0);
        assertThrows(DivergedException.class, () -> {
            for (int t = 0; t < 100; t++) {
                env.reset();
                agent.start(env);
                env.step(0);
            }
        });
    }
}
