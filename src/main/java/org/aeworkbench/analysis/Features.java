package org.aeworkbench.analysis;

import org.aeworkbench.data.Dataset;

/**
 * One representation of a training and a test split, row for row: an autoencoder's codes, PCA's
 * codes of the same width, or the raw inputs. Retrieval, clustering and the linear probe each
 * compare a few of these side by side. The arrays are shared, not copied; treat them as read-only.
 *
 * @param method name shown in tables and JSON ("autoencoder", "PCA", "raw")
 * @param width  values per sample
 * @param train  training samples' features, row-major
 * @param test   test samples' features, row-major (may be empty)
 */
public record Features(String method, int width, float[] train, float[] test) {

    public Features {
        if (width < 1 || train.length % width != 0 || test.length % width != 0) {
            throw new IllegalArgumentException(method + ": " + train.length + " training and " + test.length
                    + " test values do not make rows of " + width);
        }
    }

    /** The raw inputs of both splits. */
    public static Features raw(Dataset train, Dataset test) {
        return new Features("raw", train.features(), train.values(), test.values());
    }

    /** A codec's codes of both splits. */
    public static Features of(CodecOutputs outputs) {
        return new Features(outputs.method(), outputs.codeSize(), outputs.trainCodes(), outputs.testCodes());
    }

    public int trainSamples() {
        return train.length / width;
    }

    public int testSamples() {
        return test.length / width;
    }
}
