package dev.lrlab.env.registry;

/** A plugin that cannot be loaded: a path that is not there, or a jar whose provider fails. The message says which. */
public final class PluginException extends RuntimeException {

    public PluginException(String message) {
        super(message);
    }

    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
