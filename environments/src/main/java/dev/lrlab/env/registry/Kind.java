package dev.lrlab.env.registry;

import java.util.List;

/**
 * A named kind of something a spec chooses by its {@code type} (or an environment by its
 * {@code id}): an agent, a schedule, an optimizer, an exploration, a feature map, an environment.
 * A kind owns its keys: their names, types, ranges, defaults and documentation, and it validates
 * its own settings.
 */
public interface Kind {

    /** The name a spec uses. */
    String name();

    /** One line for listings and messages. */
    String summary();

    /** Every setting the kind accepts, in the order listings show them. */
    List<Key> keys();
}
