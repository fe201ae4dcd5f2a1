package dev.lrlab.experiments.run;

/** A run directory that cannot be used: not writable, holding another spec's run, or a damaged file. */
public final class RunDirectoryException extends Exception {

    public RunDirectoryException(String message) {
        super(message);
    }
}
