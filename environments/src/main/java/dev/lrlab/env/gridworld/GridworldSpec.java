package dev.lrlab.env.gridworld;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything that defines a gridworld: the text map and the rules around it. Built with
 * {@link #builder(String, String...)}, because most of the rules are optional.
 *
 * <p>Map legend: {@code .} or {@code F} floor, {@code #} wall, {@code S} start (several starts
 * are drawn from uniformly), {@code G} goal (terminates), {@code H} hole (terminates),
 * {@code C} cliff (penalty, and back to the start without ending the episode). Moving into a wall
 * or off the grid leaves the agent in place.
 *
 * @param id the environment id
 * @param rows the map, one string per row, all of one length
 * @param moves the action set, action {@code i} being {@code moves[i]}
 * @param stepReward reward of entering a floor or start cell
 * @param goalReward reward of entering a goal
 * @param holeReward reward of entering a hole
 * @param cliffReward reward of entering a cliff
 * @param cellRewards rewards that override the above for single cells, keyed by cell index
 * @param wind upward push per column, applied after the move from the column the agent left
 * @param stochasticWind whether a non-zero wind varies by -1, 0 or +1 with probability 1/3 each
 * @param slip probability that the move goes a quarter turn to one side or the other (half each)
 * @param timeLimit steps after which an episode is truncated, or 0 for none
 */
public record GridworldSpec(
        String id,
        List<String> rows,
        List<Move> moves,
        double stepReward,
        double goalReward,
        double holeReward,
        double cliffReward,
        Map<Integer, Double> cellRewards,
        int[] wind,
        boolean stochasticWind,
        double slip,
        int timeLimit) {

    public GridworldSpec {
        rows = List.copyOf(rows);
        moves = List.copyOf(moves);
        cellRewards = Map.copyOf(cellRewards);
        wind = wind.clone();
        validate(id, rows, moves, wind, slip, timeLimit);
    }

    /** This gridworld with another slip probability. */
    public GridworldSpec withSlip(double probability) {
        return new GridworldSpec(id, rows, moves, stepReward, goalReward, holeReward, cliffReward, cellRewards,
                wind, stochasticWind, probability, timeLimit);
    }

    /** This gridworld with another time limit (0: none). */
    public GridworldSpec withTimeLimit(int steps) {
        return new GridworldSpec(id, rows, moves, stepReward, goalReward, holeReward, cliffReward, cellRewards,
                wind, stochasticWind, slip, steps);
    }

    /** Number of rows. */
    public int height() {
        return rows.size();
    }

    /** Number of columns. */
    public int width() {
        return rows.get(0).length();
    }

    /** The map character at (row, col). */
    public char cell(int row, int col) {
        return rows.get(row).charAt(col);
    }

    @Override
    public int[] wind() {
        return wind.clone();
    }

    /** Starts a spec from a map given as lines, one per row. */
    public static Builder builder(String id, String... rows) {
        return new Builder(id, List.of(rows));
    }

    private static void validate(String id, List<String> rows, List<Move> moves, int[] wind,
            double slip, int timeLimit) {
        if (rows.isEmpty() || rows.get(0).isEmpty()) {
            throw new IllegalArgumentException(id + ": the map is empty");
        }
        int width = rows.get(0).length();
        int starts = 0;
        for (int r = 0; r < rows.size(); r++) {
            String row = rows.get(r);
            if (row.length() != width) {
                throw new IllegalArgumentException(id + ": map row " + r + " has " + row.length()
                        + " cells, row 0 has " + width);
            }
            for (int c = 0; c < width; c++) {
                char ch = row.charAt(c);
                if (".F#SGHC".indexOf(ch) < 0) {
                    throw new IllegalArgumentException(id + ": unknown map character '" + ch
                            + "' at (" + r + ", " + c + "); expected one of . F # S G H C");
                }
                if (ch == 'S') {
                    starts++;
                }
            }
        }
        if (starts == 0) {
            throw new IllegalArgumentException(id + ": the map has no start cell 'S'");
        }
        if (moves.isEmpty()) {
            throw new IllegalArgumentException(id + ": a gridworld needs at least one move");
        }
        if (wind.length != 0 && wind.length != width) {
            throw new IllegalArgumentException(id + ": wind has " + wind.length
                    + " columns, the map has " + width);
        }
        for (int w : wind) {
            if (w < 0) {
                throw new IllegalArgumentException(id + ": wind strengths must be >= 0, was " + w);
            }
        }
        if (!(slip >= 0 && slip <= 1)) {
            throw new IllegalArgumentException(id + ": slip must be in [0, 1], was " + slip);
        }
        if (timeLimit < 0) {
            throw new IllegalArgumentException(id + ": time limit must be >= 0, was " + timeLimit);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GridworldSpec s && id.equals(s.id) && rows.equals(s.rows)
                && moves.equals(s.moves) && stepReward == s.stepReward && goalReward == s.goalReward
                && holeReward == s.holeReward && cliffReward == s.cliffReward
                && cellRewards.equals(s.cellRewards) && Arrays.equals(wind, s.wind)
                && stochasticWind == s.stochasticWind && slip == s.slip && timeLimit == s.timeLimit;
    }

    @Override
    public int hashCode() {
        return id.hashCode() * 31 + rows.hashCode();
    }

    @Override
    public String toString() {
        return "GridworldSpec[" + id + ", " + height() + "x" + width() + "]";
    }

    /** Collects the optional rules of a gridworld; defaults: -1 per step, no wind, no slip. */
    public static final class Builder {
        private final String id;
        private final List<String> rows;
        private List<Move> moves = List.of(Move.COMPASS);
        private double stepReward = -1;
        private Double goalReward;
        private Double holeReward;
        private double cliffReward = -100;
        private final Map<Integer, Double> cellRewards = new TreeMap<>();
        private int[] wind = new int[0];
        private boolean stochasticWind;
        private double slip;
        private int timeLimit;

        private Builder(String id, List<String> rows) {
            this.id = id;
            this.rows = new ArrayList<>(rows);
        }

        public Builder moves(Move... moves) {
            this.moves = List.of(moves);
            return this;
        }

        public Builder stepReward(double reward) {
            this.stepReward = reward;
            return this;
        }

        /** Reward of entering a goal; the step reward unless set. */
        public Builder goalReward(double reward) {
            this.goalReward = reward;
            return this;
        }

        /** Reward of entering a hole; the step reward unless set. */
        public Builder holeReward(double reward) {
            this.holeReward = reward;
            return this;
        }

        public Builder cliffReward(double reward) {
            this.cliffReward = reward;
            return this;
        }

        /** Overrides the reward of entering one cell. */
        public Builder cellReward(int row, int col, double reward) {
            if (row < 0 || row >= rows.size() || col < 0 || col >= rows.get(0).length()) {
                throw new IllegalArgumentException(id + ": cell (" + row + ", " + col
                        + ") is outside the map");
            }
            cellRewards.put(row * rows.get(0).length() + col, reward);
            return this;
        }

        public Builder wind(int... strengths) {
            this.wind = strengths.clone();
            return this;
        }

        public Builder stochasticWind(boolean stochastic) {
            this.stochasticWind = stochastic;
            return this;
        }

        public Builder slip(double probability) {
            this.slip = probability;
            return this;
        }

        public Builder timeLimit(int steps) {
            this.timeLimit = steps;
            return this;
        }

        public GridworldSpec build() {
            return new GridworldSpec(id, rows, moves, stepReward,
                    goalReward == null ? stepReward : goalReward,
                    holeReward == null ? stepReward : holeReward,
                    cliffReward, cellRewards, wind, stochasticWind, slip, timeLimit);
        }
    }
}
