package org.aeworkbench.cli;

/** A failure caused by the user's input, printed as one line without a stack trace (exit code 1). */
public final class UserError extends RuntimeException {

    public UserError(String message) {
        super(message);
    }
}
