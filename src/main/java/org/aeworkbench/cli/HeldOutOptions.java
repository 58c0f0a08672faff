package org.aeworkbench.cli;

import org.aeworkbench.data.Dataset;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What {@code retrieve}, {@code cluster} and {@code probe} hold out from training:
 * {@code --test-data FILE [--test-labels FILE]}, or {@code --test-fraction F} of --data (a
 * seeded, stratified share, as {@code compare} draws it), or nothing.
 */
public final class HeldOutOptions {

    @Mixin
    TestDataOptions test;

    @Option(names = "--test-fraction", paramLabel = "F",
            description = "Without --test-data: hold out this share of --data (stratified, seeded by --seed) as the test set.")
    Double testFraction;

    /**
     * The held-out samples as the command will use them.
     *
     * @param loaded   the loaded --test-data, or null
     * @param fraction the share of --data to hold out when nothing was loaded (0 for none)
     * @param where    how to name the held-out samples in messages
     */
    record HeldOut(Dataset loaded, double fraction, String where) {

        boolean any() {
            return loaded != null || fraction > 0;
        }
    }

    /**
     * Loads --test-data (checked against the training data's width) or takes --test-fraction.
     *
     * @throws BadUsage when both are given or the fraction is outside (0, 1)
     */
    HeldOut resolve(Dataset train, String trainWhere) {
        if (testFraction != null) {
            if (test.given()) {
                throw new BadUsage("give either --test-data or --test-fraction, not both");
            }
            if (!(testFraction > 0 && testFraction < 1)) {
                throw new BadUsage("--test-fraction must be between 0 and 1 (exclusive), got " + testFraction);
            }
            return new HeldOut(null, testFraction, "the held-out " + testFraction + " of --data " + trainWhere);
        }
        Dataset loaded = test.load(train, trainWhere);
        return loaded == null ? new HeldOut(null, 0, "") : new HeldOut(loaded, 0, "--test-data " + test.where());
    }
}
