package dev.lrlab.env.registry;

import java.util.ArrayList;
import java.util.List;

/**
 * The mistakes found while reading a configuration, each with the path of its key, so that all of
 * them can be reported at once before anything runs.
 */
public final class Problems {

    private final List<String> messages = new ArrayList<>();

    /** Records {@code path: message}. */
    public void add(String path, String message) {
        messages.add(path + ": " + message);
    }

    public int size() {
        return messages.size();
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }

    public List<String> messages() {
        return List.copyOf(messages);
    }

    /** Throws {@link InvalidConfigException} listing every problem, if there are any. */
    public void throwIfAny() {
        if (!messages.isEmpty()) {
            throw new InvalidConfigException(messages());
        }
    }
}
