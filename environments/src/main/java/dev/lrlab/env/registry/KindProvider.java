package dev.lrlab.env.registry;

import java.util.List;

/**
 * The one service through which kinds are found, lrlab's own and any third party's: implement it
 * in the kind's package, list the class in {@code META-INF/services/dev.lrlab.env.registry.KindProvider}
 * of the jar, and put the jar on lrlab's class path. Each registry takes the kinds of its own type.
 */
@FunctionalInterface
public interface KindProvider {

    /** The kinds this provider contributes (of any type: agents, schedules, environments, ...). */
    List<? extends Kind> kinds();
}
