package dev.lrlab.env;

/** An environment that can draw its current state as text, for the CLI and for tests. */
public interface Renderable {

    /** The current state as lines of text. */
    String render();
}
