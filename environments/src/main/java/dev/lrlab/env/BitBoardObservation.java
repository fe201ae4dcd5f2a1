package dev.lrlab.env;

/**
 * An optional ability: the observation's binary channels as bit boards, a few {@code long}s per
 * channel, for agents and tools that can work on bits directly instead of feature lists.
 */
public interface BitBoardObservation {

    /** Words per channel: ceil(height * width / 64). */
    int wordsPerChannel();

    /**
     * Writes every channel as a bit board: cell {@code i} (row * width + col) of channel {@code c}
     * is bit {@code i % 64} of {@code out[c * wordsPerChannel() + i / 64]}.
     */
    void bitBoards(long[] out);
}
