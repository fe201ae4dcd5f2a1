package dev.lrlab.reports.results;

import java.util.List;

/**
 * What made a trial fail: the exception's class, its message and the top of its stack, so that a
 * failure can be reported and found without rerunning.
 *
 * @param type the exception's class name
 * @param message its message (may be null)
 * @param frames the top frames of its stack, innermost first
 */
public record TrialError(String type, String message, List<String> frames) {

    /** The error of an exception, with its top {@code depth} frames. */
    public static TrialError of(Throwable e, int depth) {
        StackTraceElement[] trace = e.getStackTrace();
        List<String> frames = java.util.Arrays.stream(trace).limit(depth).map(StackTraceElement::toString).toList();
        return new TrialError(e.getClass().getName(), e.getMessage(), frames);
    }

    /** "ArithmeticException: message (at Class.method(File.java:12))". */
    public String summary() {
        String simple = type.substring(type.lastIndexOf('.') + 1);
        return simple + ": " + message + (frames == null || frames.isEmpty() ? "" : " (at " + frames.get(0) + ")");
    }
}
