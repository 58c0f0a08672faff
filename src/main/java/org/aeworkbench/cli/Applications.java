package org.aeworkbench.cli;

import org.aeworkbench.data.Dataset;
import picocli.CommandLine;

/** Loading and checks shared by {@code retrieve}, {@code cluster} and {@code probe}. */
final class Applications {

    private Applications() {
    }

    /** An empty set shaped like {@code like}. */
    static Dataset none(Dataset like) {
        return like.subset(new int[0], like.name());
    }

    /** A usage error: one line, exit code 2. */
    static CommandLine.ParameterException usage(CommandLine.Model.CommandSpec spec, String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
