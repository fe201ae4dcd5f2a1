package dev.lrlab.env.landscape;

import java.util.List;

/**
 * A loss in two dimensions whose gradient is known exactly: where the seeds' lessons about step
 * sizes can be watched as trajectories. Each landscape says where descents start and which window
 * shows it.
 *
 * @param name its name on the command line
 * @param loss the loss and its gradient
 * @param start where a descent starts
 * @param window {xmin, xmax, ymin, ymax} of its figures
 * @param smoothness the largest curvature L of a quadratic (gradient descent diverges above 2/L);
 *     NaN where it has none
 * @param about one line on what it shows
 */
public record Landscape(String name, Loss loss, double[] start, double[] window, double smoothness, String about) {

    /** f(x, y) and its gradient. */
    public interface Loss {
        double value(double x, double y);

        /** Writes df/dx and df/dy into {@code out[0..1]}. */
        void gradient(double x, double y, double[] out);
    }

    /** 0.5 (x^2 + kappa y^2): condition number kappa, L = max(1, kappa). */
    public static Landscape quadratic(double kappa) {
        if (!(kappa >= 1) || Double.isInfinite(kappa)) {
            throw new IllegalArgumentException("the condition number must be at least 1, was " + kappa);
        }
        return new Landscape("quadratic", new Loss() {
            @Override
            public double value(double x, double y) {
                return 0.5 * (x * x + kappa * y * y);
            }

            @Override
            public void gradient(double x, double y, double[] out) {
                out[0] = x;
                out[1] = kappa * y;
            }
        }, new double[] {-1.8, 1.0}, new double[] {-2, 2, -1.5, 1.5}, kappa,
                "0.5 (x^2 + " + kappa + " y^2): gradient descent oscillates above 1/L and diverges above 2/L = "
                        + (2 / kappa));
    }

    /** (1 - x)^2 + 100 (y - x^2)^2: a curved, flat-bottomed valley to the minimum at (1, 1). */
    public static Landscape rosenbrock() {
        return new Landscape("rosenbrock", new Loss() {
            @Override
            public double value(double x, double y) {
                double a = 1 - x;
                double b = y - x * x;
                return a * a + 100 * b * b;
            }

            @Override
            public void gradient(double x, double y, double[] out) {
                double b = y - x * x;
                out[0] = -2 * (1 - x) - 400 * x * b;
                out[1] = 200 * b;
            }
        }, new double[] {-1.5, 2.0}, new double[] {-2, 2, -1, 3}, Double.NaN,
                "Rosenbrock's valley: easy to reach, slow to follow with one step size for all directions");
    }

    /** Beale's function: flat plateaus and steep walls, minimum 0 at (3, 0.5). */
    public static Landscape beale() {
        return new Landscape("beale", new Loss() {
            @Override
            public double value(double x, double y) {
                double a = 1.5 - x + x * y;
                double b = 2.25 - x + x * y * y;
                double c = 2.625 - x + x * y * y * y;
                return a * a + b * b + c * c;
            }

            @Override
            public void gradient(double x, double y, double[] out) {
                double a = 1.5 - x + x * y;
                double b = 2.25 - x + x * y * y;
                double c = 2.625 - x + x * y * y * y;
                out[0] = 2 * a * (y - 1) + 2 * b * (y * y - 1) + 2 * c * (y * y * y - 1);
                out[1] = 2 * a * x + 2 * b * 2 * x * y + 2 * c * 3 * x * y * y;
            }
        }, new double[] {1.0, 1.4}, new double[] {-1, 4.5, -1, 2}, Double.NaN,
                "Beale's function: plateaus where small steps crawl, walls where large ones bounce");
    }

    /**
     * (x^2 - 1)^2 + 0.3 x + 0.5 y^2: two wells, the right one (near x = 0.96) poorer than the left
     * (near x = -1.04). A descent from the right settles in the poor well at a small step size.
     */
    public static Landscape doubleWell() {
        return new Landscape("double-well", new Loss() {
            @Override
            public double value(double x, double y) {
                double w = x * x - 1;
                return w * w + 0.3 * x + 0.5 * y * y;
            }

            @Override
            public void gradient(double x, double y, double[] out) {
                out[0] = 4 * x * (x * x - 1) + 0.3;
                out[1] = y;
            }
        }, new double[] {1.6, 1.0}, new double[] {-2, 2, -1.5, 1.5}, Double.NaN,
                "two wells: the right one poorer; small steps from the right settle there");
    }

    /** 0.5 x^2 - 0.5 y^2 + 0.25 y^4: a saddle at the origin between minima at (0, +-1). */
    public static Landscape saddle() {
        return new Landscape("saddle", new Loss() {
            @Override
            public double value(double x, double y) {
                return 0.5 * x * x - 0.5 * y * y + 0.25 * y * y * y * y;
            }

            @Override
            public void gradient(double x, double y, double[] out) {
                out[0] = x;
                out[1] = -y + y * y * y;
            }
        }, new double[] {1.8, 0.001}, new double[] {-2, 2, -1.6, 1.6}, Double.NaN,
                "a saddle at the origin: descents slow down near it before they fall off to either side");
    }

    /** Every landscape by name (the quadratic with the given condition number). */
    public static List<Landscape> all(double kappa) {
        return List.of(quadratic(kappa), rosenbrock(), beale(), doubleWell(), saddle());
    }

    /** The landscape of that name. */
    public static Landscape named(String name, double kappa) {
        return all(kappa).stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no landscape '" + name + "'; there are " + String.join(", ",
                        all(kappa).stream().map(Landscape::name).toList())));
    }
}
