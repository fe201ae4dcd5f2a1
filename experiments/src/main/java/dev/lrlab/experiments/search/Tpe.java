package dev.lrlab.experiments.search;

import dev.lrlab.experiments.spec.SearchSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The tree-structured Parzen estimator (Bergstra et al. 2011) with Optuna's defaults: the finished
 * configurations are split into the best gamma(n) = min(ceil(0.1 n), 25) and the rest; each
 * dimension gets a Parzen density of each group (a truncated Gaussian per point, with a prior
 * component spanning the range, bandwidths from the distance to the neighbours clipped to
 * [range / min(100, n + 1), range]; for categories, counts plus a uniform prior); 24 candidates
 * are drawn from the good density and the one with the largest l(x) / g(x) is proposed.
 * Dimensions are independent (Optuna's univariate TPE). Log-uniform ranges are modelled in log
 * space, integers as reals rounded.
 */
final class Tpe {

    static final int STARTUP = 10;
    static final int CANDIDATES = 24;

    private Tpe() {
    }

    /** One proposal from the finished configurations and their objectives (NaN: not finished). */
    static Map<String, Object> propose(SearchSpec spec, List<Map<String, Object>> configurations, double[] objectives,
            UniformRandomProvider rng) {
        List<Integer> done = new ArrayList<>();
        for (int i = 0; i < objectives.length; i++) {
            if (!Double.isNaN(objectives[i])) {
                done.add(i);
            }
        }
        boolean max = spec.objective().maximise();
        done.sort((a, b) -> {
            double x = objectives[a];
            double y = objectives[b];
            return x != y ? (max ? Double.compare(y, x) : Double.compare(x, y)) : Integer.compare(a, b);
        });
        int nGood = Math.min((int) Math.ceil(0.1 * done.size()), 25);
        List<Integer> good = done.subList(0, Math.max(1, nGood));
        List<Integer> bad = done.subList(Math.max(1, nGood), done.size());
        Map<String, Object> best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        List<Map<String, Object>> candidates = new ArrayList<>();
        for (int c = 0; c < CANDIDATES; c++) {
            candidates.add(new LinkedHashMap<>());
        }
        double[] score = new double[CANDIDATES];
        for (SearchSpec.Dimension d : spec.space()) {
            if (d.kind().equals("categorical")) {
                double[] l = categorical(d, configurations, good);
                double[] g = categorical(d, configurations, bad);
                for (int c = 0; c < CANDIDATES; c++) {
                    int k = pick(l, rng);
                    candidates.get(c).put(d.path(), d.choices().get(k));
                    score[c] += Math.log(l[k]) - Math.log(g[k]);
                }
            } else {
                double lo = low(d);
                double hi = high(d);
                Parzen l = Parzen.of(points(d, configurations, good), lo, hi);
                Parzen g = Parzen.of(points(d, configurations, bad), lo, hi);
                for (int c = 0; c < CANDIDATES; c++) {
                    double t = l.sample(rng);
                    candidates.get(c).put(d.path(), value(d, t));
                    score[c] += Math.log(l.density(t)) - Math.log(g.density(t));
                }
            }
        }
        for (int c = 0; c < CANDIDATES; c++) {
            if (score[c] > bestScore || best == null) {
                bestScore = score[c];
                best = candidates.get(c);
            }
        }
        return best;
    }

    private static double low(SearchSpec.Dimension d) {
        return d.kind().equals("log-uniform") ? Math.log(d.low()) : d.kind().equals("integer") ? d.low() - 0.5 : d.low();
    }

    private static double high(SearchSpec.Dimension d) {
        return d.kind().equals("log-uniform") ? Math.log(d.high()) : d.kind().equals("integer") ? d.high() + 0.5
                : d.high();
    }

    private static Object value(SearchSpec.Dimension d, double t) {
        return switch (d.kind()) {
            case "log-uniform" -> Math.min(d.high(), Math.max(d.low(), Math.exp(t)));
            case "integer" -> (long) Math.min(d.high(), Math.max(d.low(), Math.round(t)));
            default -> Math.min(d.high(), Math.max(d.low(), t));
        };
    }

    private static double[] points(SearchSpec.Dimension d, List<Map<String, Object>> configurations, List<Integer> which) {
        double[] out = new double[which.size()];
        for (int i = 0; i < out.length; i++) {
            double v = ((Number) configurations.get(which.get(i)).get(d.path())).doubleValue();
            out[i] = d.kind().equals("log-uniform") ? Math.log(v) : v;
        }
        return out;
    }

    /** Counts of each category among the configurations, plus a prior of one spread evenly. */
    private static double[] categorical(SearchSpec.Dimension d, List<Map<String, Object>> configurations,
            List<Integer> which) {
        int k = d.choices().size();
        double[] p = new double[k];
        Arrays.fill(p, 1.0 / k);
        for (int i : which) {
            p[d.choices().indexOf(configurations.get(i).get(d.path()))] += 1;
        }
        double sum = Arrays.stream(p).sum();
        for (int j = 0; j < k; j++) {
            p[j] /= sum;
        }
        return p;
    }

    private static int pick(double[] p, UniformRandomProvider rng) {
        double u = rng.nextDouble();
        for (int j = 0; j < p.length - 1; j++) {
            u -= p[j];
            if (u < 0) {
                return j;
            }
        }
        return p.length - 1;
    }

    /** A mixture of Gaussians truncated to [low, high], one per point and one prior over the range. */
    private record Parzen(double[] mu, double[] sigma, double low, double high) {

        static Parzen of(double[] points, double low, double high) {
            double range = high - low;
            int n = points.length;
            double[] mu = new double[n + 1];
            double[] sigma = new double[n + 1];
            double[] sorted = points.clone();
            Arrays.sort(sorted);
            double min = range / Math.min(100.0, n + 1);
            for (int i = 0; i < n; i++) {
                mu[i] = points[i];
                int at = Arrays.binarySearch(sorted, points[i]);
                double left = at > 0 ? sorted[at] - sorted[at - 1] : points[i] - low;
                double right = at < n - 1 ? sorted[at + 1] - sorted[at] : high - points[i];
                sigma[i] = Math.min(range, Math.max(min, Math.max(left, right)));
            }
            mu[n] = (low + high) / 2;
            sigma[n] = range;
            return new Parzen(mu, sigma, low, high);
        }

        double sample(UniformRandomProvider rng) {
            int k = rng.nextInt(mu.length);
            for (int attempt = 0; attempt < 100; attempt++) {
                double x = mu[k] + sigma[k] * gaussian(rng);
                if (x >= low && x <= high) {
                    return x;
                }
            }
            return Math.min(high, Math.max(low, mu[k]));
        }

        double density(double x) {
            double sum = 0;
            for (int k = 0; k < mu.length; k++) {
                double mass = phi((high - mu[k]) / sigma[k]) - phi((low - mu[k]) / sigma[k]);
                double z = (x - mu[k]) / sigma[k];
                sum += Math.exp(-0.5 * z * z) / (sigma[k] * Math.sqrt(2 * Math.PI)) / Math.max(mass, 1e-12);
            }
            return Math.max(sum / mu.length, 1e-300);
        }

        private static final org.apache.commons.statistics.distribution.NormalDistribution STANDARD =
                org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1);

        /** A standard normal draw from the project's seeded generator. */
        private static double gaussian(UniformRandomProvider rng) {
            return org.apache.commons.rng.sampling.distribution.ZigguratSampler.NormalizedGaussian.of(rng).sample();
        }

        private static double phi(double z) {
            return STANDARD.cumulativeProbability(z);
        }
    }
}
