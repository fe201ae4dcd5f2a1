package dev.lrlab.experiments.spec;

import java.util.List;

/** A spec that cannot run: every problem found, each naming the key's path. */
public final class SpecException extends Exception {

    private final List<String> problems;

    public SpecException(String source, List<String> problems) {
        super(source + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + "\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
