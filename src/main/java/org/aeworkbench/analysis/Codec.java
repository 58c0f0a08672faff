package org.aeworkbench.analysis;

/**
 * Anything that maps samples to codes and back: a trained autoencoder, or PCA. The comparison
 * needs only this, so analysis does not depend on the engine; the engine's models adapt to it.
 * Implementations take and return row-major float arrays and must not keep or modify the input.
 */
public interface Codec {

    /** Codes of n samples: n x {@link #codeSize()}, row-major. */
    float[] encode(float[] x, int n);

    /** Reconstructions of n samples (encode, then decode): the same shape as {@code x}. */
    float[] reconstruct(float[] x, int n);

    /** Width of one code. */
    int codeSize();
}
