package dev.lrlab.reports;

/** A run directory that cannot be reported on: the message says why. */
public final class ReportException extends Exception {

    public ReportException(String message) {
        super(message);
    }
}
