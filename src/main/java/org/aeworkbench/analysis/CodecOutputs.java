package org.aeworkbench.analysis;

import org.aeworkbench.data.Dataset;

/**
 * What one method produced on a data split, which is all the comparison looks at. The arrays
 * are shared, not copied (for MNIST they are tens of megabytes); treat them as read-only.
 *
 * @param method              name shown in tables and legends ("autoencoder", "PCA")
 * @param codeSize            width of one code
 * @param trainCodes          codes of the training split, row-major
 * @param testCodes           codes of the test split, row-major
 * @param testReconstructions reconstructions of the test split, row-major
 * @param seconds             wall time to fit the method and compute these outputs
 */
public record CodecOutputs(String method, int codeSize, float[] trainCodes, float[] testCodes,
                           float[] testReconstructions, double seconds) {

    /**
     * Runs a fitted codec over both splits.
     *
     * @param fitSeconds time already spent fitting or training it; encoding time is added
     */
    public static CodecOutputs of(String method, Codec codec, Dataset train, Dataset test, double fitSeconds) {
        long start = System.nanoTime();
        float[] trainCodes = codec.encode(train.values(), train.samples());
        float[] testCodes = codec.encode(test.values(), test.samples());
        float[] testReconstructions = codec.reconstruct(test.values(), test.samples());
        double seconds = fitSeconds + (System.nanoTime() - start) / 1e9;
        return new CodecOutputs(method, codec.codeSize(), trainCodes, testCodes, testReconstructions, seconds);
    }
}
