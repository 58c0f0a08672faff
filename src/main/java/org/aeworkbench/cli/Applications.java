package org.aeworkbench.cli;

import java.nio.file.Path;
import org.aeworkbench.data.Dataset;
import picocli.CommandLine;

/** Loading and checks shared by {@code retrieve}, {@code cluster} and {@code probe}. */
final class Applications {

    private Applications() {
    }

    /**
     * Held-out data that must have the training data's width; the message names both widths.
     *
     * @param role what the held-out samples are to the command ("queries", "test data")
     */
    static Dataset heldOut(String file, Path labels, Dataset train, String trainWhere, String role) {
        Dataset set = Loading.load(file, labels);
        if (set.features() != train.features()) {
            throw new UserError("--test-data " + file + ": " + set.features() + " values per sample, but --data "
                    + trainWhere + " has " + train.features() + "; the " + role + " must have the width of the training data");
        }
        return set;
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
