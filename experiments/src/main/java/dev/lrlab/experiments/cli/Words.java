package dev.lrlab.experiments.cli;

/** Counts in words for the console: "1 thread", "2 threads". */
final class Words {

    private Words() {
    }

    /** The count and the noun, plural unless the count is 1 (nouns here take an s). */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
