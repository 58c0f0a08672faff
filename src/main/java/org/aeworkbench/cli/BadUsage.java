package org.aeworkbench.cli;

/**
 * Options that do not fit together, found once the command runs (picocli checks each option
 * alone): one line, exit code 2 like picocli's own usage errors.
 */
public final class BadUsage extends RuntimeException {

    public BadUsage(String message) {
        super(message);
    }
}
