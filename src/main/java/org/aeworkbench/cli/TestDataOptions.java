package org.aeworkbench.cli;

import java.nio.file.Path;
import org.aeworkbench.data.Dataset;
import picocli.CommandLine.Option;

/**
 * {@code --test-data FILE [--test-labels FILE]}: a held-out set given explicitly, prepared with
 * the preparation fitted on the training data ({@code @Mixin TestDataOptions test;}).
 */
public final class TestDataOptions {

    @Option(names = "--test-data", paramLabel = "NAME|FILE", description = "Held-out data (bundled name or file).")
    String testData;

    @Option(names = "--test-labels", paramLabel = "FILE", description = "Labels for --test-data.")
    Path testLabels;

    public boolean given() {
        return testData != null;
    }

    public String where() {
        return testData;
    }

    /**
     * Loads --test-data with --test-labels, or returns null when no --test-data was given.
     *
     * @param train      the training data, whose width the test data must have
     * @param trainWhere the training data as the user named it, for messages
     */
    public Dataset load(Dataset train, String trainWhere) {
        if (testLabels != null && testData == null) {
            throw new BadUsage("--test-labels needs --test-data");
        }
        return testData == null ? null : Loading.heldOut(testData, testLabels, train, trainWhere, "--test-data");
    }
}
