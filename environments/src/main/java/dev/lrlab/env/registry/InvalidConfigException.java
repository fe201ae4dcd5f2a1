package dev.lrlab.env.registry;

import java.util.List;

/** A configuration with mistakes; carries every one of them, each naming its key's path. */
public final class InvalidConfigException extends RuntimeException {

    private final List<String> problems;

    public InvalidConfigException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
