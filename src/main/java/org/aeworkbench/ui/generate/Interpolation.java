package org.aeworkbench.ui.generate;

import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.model.Autoencoder;

/**
 * The way from one sample to another through the code space: both samples are encoded with the
 * weights that then decode the path, the path runs between their full codes (every unit, not a
 * 2-D view of them), and each step is decoded. So the first frame is A's reconstruction and the
 * last is B's.
 *
 * @param codes  steps x k codes along the path
 * @param frames steps x d decoded outputs
 * @param steps  number of steps, ends included
 */
record Interpolation(float[] codes, float[] frames, int steps) {

    /**
     * @param model     a copy owned by the calling thread
     * @param a         sample A's values
     * @param b         sample B's values
     * @param spherical along a great circle (see {@link LatentPaths#spherical}) rather than a straight line
     */
    static Interpolation between(Autoencoder model, float[] a, float[] b, int steps, boolean spherical, Compute compute) {
        float[] za = model.encode(compute, a, 1);
        float[] zb = model.encode(compute, b, 1);
        float[] path = spherical ? LatentPaths.spherical(za, zb, steps) : LatentPaths.linear(za, zb, steps);
        return new Interpolation(path, model.decode(compute, path, steps), steps);
    }
}
