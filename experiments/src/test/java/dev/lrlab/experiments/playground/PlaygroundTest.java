package dev.lrlab.experiments.playground;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lrlab.agents.Registries;
import dev.lrlab.agents.optim.OptimizerBlueprint;
import dev.lrlab.agents.optim.OptimizerKind;
import dev.lrlab.agents.schedule.Constant;
import dev.lrlab.env.landscape.Landscape;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The playground's descents: exact where theory is, equal to PyTorch, and showing the seeds' lessons. */
class PlaygroundTest {

    static OptimizerBlueprint optimizer(String kind) {
        return OptimizerKind.defaults(kind, Registries.load().optimizers());
    }

    /** Gradient descent on 0.5 (x^2 + kappa y^2) is x_t = (1 - a)^t x_0, y_t = (1 - a kappa)^t y_0. */
    @Test
    void gradientDescentOnTheQuadraticIsItsClosedForm() {
        Landscape q = Landscape.quadratic(10);
        for (double rate : new double[] {0.01, 0.09, 0.15, 0.19}) {
            Descent.Path p = Descent.run(q, optimizer("sgd"), Constant.of(rate), 40, 0, 0);
            for (int t = 0; t <= 40; t++) {
                assertEquals(-1.8 * Math.pow(1 - rate, t), p.x()[t], 1e-12, "x at step " + t + ", rate " + rate);
                assertEquals(Math.pow(1 - 10 * rate, t), p.y()[t], 1e-12, "y at step " + t + ", rate " + rate);
            }
        }
    }

    /** Past 1/L the steep direction overshoots (changes sign every step); past 2/L it grows: divergence. */
    @Test
    void oneOverLOscillatesAndTwoOverLDiverges() {
        Landscape q = Landscape.quadratic(10);
        Descent.Path below = Descent.run(q, optimizer("sgd"), Constant.of(0.09), 20, 0, 0);
        Descent.Path above = Descent.run(q, optimizer("sgd"), Constant.of(0.11), 20, 0, 0);
        assertTrue(below.y()[5] > 0 && below.y()[6] > 0, "below 1/L the steep coordinate keeps its sign");
        assertTrue(above.y()[5] * above.y()[6] < 0, "above 1/L it flips every step");
        Descent.Path under = Descent.run(q, optimizer("sgd"), Constant.of(0.195), 600, 0, 0);
        Descent.Path over = Descent.run(q, optimizer("sgd"), Constant.of(0.205), 600, 0, 0);
        assertFalse(under.diverged());
        assertTrue(under.finalLoss() < 1e-6, "just under 2/L it still converges: " + under.finalLoss());
        assertTrue(over.diverged(), "just over 2/L it diverges");
    }

    @Test
    void adaptiveMethodsFollowRosenbrocksValleyWhereSgdCrawlsOrDiverges() {
        Landscape r = Landscape.rosenbrock();
        Descent.Path slow = Descent.run(r, optimizer("sgd"), Constant.of(1e-3), 1000, 0, 0);
        Descent.Path blown = Descent.run(r, optimizer("sgd"), Constant.of(3e-3), 1000, 0, 0);
        Descent.Path adam = Descent.run(r, optimizer("adam"), Constant.of(0.1), 1000, 0, 0);
        Descent.Path rms = Descent.run(r, optimizer("rmsprop"), Constant.of(0.01), 1000, 0, 0);
        assertTrue(slow.finalLoss() > 1, "SGD at 1e-3 is still far: " + slow.finalLoss());
        assertTrue(blown.diverged(), "SGD at 3e-3 diverges in the steep walls");
        assertTrue(adam.finalLoss() < 1e-4, "Adam at 0.1: " + adam.finalLoss());
        assertTrue(rms.finalLoss() < 0.1, "RMSprop at 0.01: " + rms.finalLoss());
    }

    @Test
    void aSmallStepSettlesInThePoorWellAndMomentumEscapesIt() {
        Landscape w = Landscape.doubleWell();
        Descent.Path small = Descent.run(w, optimizer("sgd"), Constant.of(0.01), 300, 0, 0);
        Descent.Path heavy = Descent.run(w, optimizer("momentum"), Constant.of(0.03), 300, 0, 0);
        assertTrue(small.x()[small.x().length - 1] > 0.9, "gradient descent stays in the right, poorer well");
        assertTrue(heavy.x()[heavy.x().length - 1] < -0.9, "momentum carries it to the left, better one");
        assertTrue(heavy.finalLoss() < small.finalLoss() - 0.5);
    }

    @Test
    void smallStepsLingerAtTheSaddle() {
        Landscape s = Landscape.saddle();
        Descent.Path small = Descent.run(s, optimizer("sgd"), Constant.of(0.01), 200, 0, 0);
        Descent.Path large = Descent.run(s, optimizer("sgd"), Constant.of(0.1), 200, 0, 0);
        assertTrue(Math.abs(small.y()[200]) < 0.05, "still near the saddle: " + small.y()[200]);
        assertEquals(1, Math.abs(large.y()[200]), 1e-3, "fallen into a minimum at y = +-1");
    }

    @Test
    void noisyGradientsAreSeeded() {
        Landscape q = Landscape.quadratic(10);
        Descent.Path a = Descent.run(q, optimizer("sgd"), Constant.of(0.05), 50, 0.5, 7);
        Descent.Path b = Descent.run(q, optimizer("sgd"), Constant.of(0.05), 50, 0.5, 7);
        Descent.Path c = Descent.run(q, optimizer("sgd"), Constant.of(0.05), 50, 0.5, 8);
        assertArrayEquals(a.x(), b.x());
        assertFalse(java.util.Arrays.equals(a.x(), c.x()), "another seed, other noise");
    }

    static Stream<JsonObject> pytorch() throws Exception {
        try (var in = PlaygroundTest.class.getResourceAsStream("/playground/pytorch-playground-reference.json")) {
            JsonObject fixture = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .getAsJsonObject();
            List<JsonObject> cases = new ArrayList<>();
            fixture.getAsJsonArray("cases").forEach(c -> cases.add(c.getAsJsonObject()));
            return cases.stream();
        }
    }

    /** Every optimizer on every landscape, step by step, equal to torch.optim in float64. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("pytorch")
    void equalToPyTorch(JsonObject c) {
        Landscape landscape = Landscape.named(c.get("landscape").getAsString(), 10);
        Descent.Path p = Descent.run(landscape, optimizer(c.get("optimizer").getAsString()),
                Constant.of(c.get("rate").getAsDouble()), 60, 0, 0);
        var xs = c.getAsJsonArray("x");
        var ys = c.getAsJsonArray("y");
        if (p.diverged()) {
            // lrlab stops a descent that leaves the bound; PyTorch's left it at the same step
            int t = p.x().length;
            double x = xs.get(t).getAsDouble();
            double y = ys.get(t).getAsDouble();
            assertTrue(!Double.isFinite(x + y) || Math.hypot(x, y) > Descent.BOUND
                    || !Double.isFinite(landscape.loss().value(x, y)), "PyTorch at step " + t + ": " + x + ", " + y);
        } else {
            assertEquals(xs.size(), p.x().length);
        }
        for (int t = 0; t < p.x().length; t++) {
            double x = xs.get(t).getAsDouble();
            double y = ys.get(t).getAsDouble();
            assertEquals(x, p.x()[t], 1e-9 * Math.max(1, Math.abs(x)), "x at step " + t);
            assertEquals(y, p.y()[t], 1e-9 * Math.max(1, Math.abs(y)), "y at step " + t);
        }
    }
}
