package org.aeworkbench.cli;

/**
 * Options that do not fit together, found once the command runs (picocli checks each option
 * alone): one line, exit code 2 like picocli's own usage errors.
 */
public final class BadUsage extends RuntimeException {

    public BadUsage(String message) {
        super(message);
    }

    /** A {@code --threads} the compute context would refuse, refused before the work as a usage error. */
    public static void requireThreads(int threads) {
        String problem = org.aeworkbench.engine.blas.Compute.threadsProblem(threads);
        if (problem != null) {
            throw new BadUsage("--threads: " + problem);
        }
    }
}
