package dev.lrlab.experiments.cli;

/** Bad input from the user: reported as one clear message and exit code 2, never a trace. */
public final class UserInputException extends RuntimeException {

    public UserInputException(String message) {
        super(message);
    }
}
