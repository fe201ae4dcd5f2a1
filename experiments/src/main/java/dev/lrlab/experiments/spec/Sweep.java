package dev.lrlab.experiments.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a sweep varies: named paths of the spec (such as {@code agent.exploration.epsilon}), each
 * with its values, crossed into points, and the seeds every point runs with.
 *
 * @param axes the swept paths, in the order given
 * @param seeds the trial seeds
 */
public record Sweep(List<Axis> axes, long[] seeds) {

    /** The one name of the learning rate in a sweep; {@code learning-rates} is its shorthand. */
    public static final String LEARNING_RATE = "learning-rate.value";

    /**
     * One swept path.
     *
     * @param path the path in the spec, such as {@code agent.gamma}
     * @param writtenAs the key the spec used for it (the path, or a shorthand such as {@code learning-rates})
     * @param values its values as the spec gave them (numbers, words, true/false), in order
     */
    public record Axis(String path, String writtenAs, List<Object> values) {
        public Axis {
            values = List.copyOf(values);
        }
    }

    /**
     * One point of the sweep.
     *
     * @param values each axis's value, by path, as the spec gave it
     * @param indices each axis's index into its values, by path
     */
    public record Point(Map<String, Object> values, Map<String, Integer> indices) {
    }

    public Sweep {
        axes = List.copyOf(axes);
        seeds = seeds.clone();
    }

    @Override
    public long[] seeds() {
        return seeds.clone();
    }

    /** Whether a path is swept. */
    public boolean sweeps(String path) {
        return axes.stream().anyMatch(a -> a.path().equals(path));
    }

    /** Every point: the cross product of the axes, the first axis slowest; one empty point when nothing is swept. */
    public List<Point> points() {
        List<Point> out = new ArrayList<>();
        out.add(new Point(new LinkedHashMap<>(), new LinkedHashMap<>()));
        for (Axis axis : axes) {
            List<Point> next = new ArrayList<>();
            for (Point p : out) {
                for (int i = 0; i < axis.values().size(); i++) {
                    Map<String, Object> values = new LinkedHashMap<>(p.values());
                    Map<String, Integer> indices = new LinkedHashMap<>(p.indices());
                    values.put(axis.path(), axis.values().get(i));
                    indices.put(axis.path(), i);
                    next.add(new Point(values, indices));
                }
            }
            out = next;
        }
        return out;
    }

    /** The axis of a path, or null. */
    public Axis axis(String path) {
        return axes.stream().filter(a -> a.path().equals(path)).findFirst().orElse(null);
    }
}
