package dev.lrlab.agents.schedule;

import java.util.List;

/**
 * The service through which schedule kinds are found: lrlab's own and any third party's. To add
 * kinds, implement this, list the class in
 * {@code META-INF/services/dev.lrlab.agents.schedule.ScheduleKindProvider} of your jar, and put
 * the jar on lrlab's class path; specs can then name your kinds.
 */
@FunctionalInterface
public interface ScheduleKindProvider {

    /** The kinds this provider contributes. */
    List<ScheduleKind> kinds();
}
