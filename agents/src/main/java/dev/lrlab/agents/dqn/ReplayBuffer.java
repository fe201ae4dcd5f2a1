package dev.lrlab.agents.dqn;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A circular experience replay of binary observations stored as bits: Breakout's 4 x 10 x 10
 * board takes seven {@code long}s, so MinAtar's 100,000 transitions fit in about 11 MB. Both
 * observations of a transition are kept (rather than indexing the next one) so that episode ends
 * need no special case.
 */
public final class ReplayBuffer {

    private final int capacity;
    private final int words;
    // allocated by the first add, so that building an agent to check a spec costs nothing
    private long[] observations;
    private long[] nextObservations;
    private int[] actions;
    private float[] rewards;
    private boolean[] terminals;
    private int size;
    private int next;

    private ReplayBuffer(int capacity, int featureCount) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a replay buffer needs room for at least one transition, was " + capacity);
        }
        this.capacity = capacity;
        this.words = (featureCount + 63) / 64;
    }

    /** Room for {@code capacity} transitions of observations with {@code featureCount} binary features. */
    public static ReplayBuffer of(int capacity, int featureCount) {
        return new ReplayBuffer(capacity, featureCount);
    }

    /** Bytes a buffer of this shape holds (for memory estimates). */
    public static long bytes(long capacity, int featureCount) {
        return capacity * (2L * 8 * ((featureCount + 63) / 64) + 4 + 4 + 1);
    }

    /** {@code long}s per observation. */
    public int words() {
        return words;
    }

    public int size() {
        return size;
    }

    /** Stores a transition, overwriting the oldest when full; observations are bit sets of {@link #words()} longs. */
    public void add(long[] observation, int action, double reward, long[] nextObservation, boolean terminal) {
        if (observations == null) {
            observations = new long[Math.multiplyExact(capacity, words)];
            nextObservations = new long[capacity * words];
            actions = new int[capacity];
            rewards = new float[capacity];
            terminals = new boolean[capacity];
        }
        System.arraycopy(observation, 0, observations, next * words, words);
        System.arraycopy(nextObservation, 0, nextObservations, next * words, words);
        actions[next] = action;
        rewards[next] = (float) reward;
        terminals[next] = terminal;
        next = (next + 1) % capacity;
        size = Math.min(size + 1, capacity);
    }

    /** A uniformly drawn stored transition's index (with replacement, as CleanRL's buffer). */
    public int sample(UniformRandomProvider rng) {
        if (size == 0) {
            throw new IllegalStateException("the replay buffer is empty");
        }
        return rng.nextInt(size);
    }

    public int action(int i) {
        return actions[i];
    }

    public float reward(int i) {
        return rewards[i];
    }

    public boolean terminal(int i) {
        return terminals[i];
    }

    /** Writes transition {@code i}'s observation (or next observation) as 0/1 floats into {@code row[at ..]}. */
    public void decode(int i, boolean nextOne, float[] row, int at, int featureCount) {
        long[] source = nextOne ? nextObservations : observations;
        java.util.Arrays.fill(row, at, at + featureCount, 0f);
        int base = i * words;
        for (int w = 0; w < words; w++) {
            long bits = source[base + w];
            while (bits != 0) {
                row[at + w * 64 + Long.numberOfTrailingZeros(bits)] = 1f;
                bits &= bits - 1;
            }
        }
    }

    /** Writes the bit set of {@code active[0..count)} into {@code out[0..words)}. */
    public static void encode(int[] active, int count, long[] out) {
        java.util.Arrays.fill(out, 0L);
        for (int k = 0; k < count; k++) {
            out[active[k] >>> 6] |= 1L << (active[k] & 63);
        }
    }
}
