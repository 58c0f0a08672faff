package org.aeworkbench.analysis;

import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.model.Autoencoder;

/** A trained autoencoder seen by the analysis package: codes are the encoder's output (the mean for a VAE). */
public record AutoencoderCodec(Autoencoder model, Compute compute) implements Codec {

    @Override
    public float[] encode(float[] x, int n) {
        return model.encode(compute, x, n);
    }

    @Override
    public float[] reconstruct(float[] x, int n) {
        return model.reconstruct(compute, x, n);
    }

    @Override
    public int codeSize() {
        return model.codeSize();
    }
}
