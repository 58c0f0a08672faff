package org.aeworkbench.analysis.retrieval;

import org.aeworkbench.analysis.Pca;

/**
 * PCAH: the signs of the first b principal components of the centred data, bit j set when
 * {@code (x - mean) . v_j > 0}. The baseline of Wang, Kumar and Chang, "Semi-supervised hashing
 * for scalable image retrieval" (CVPR 2010) and of Gong and Lazebnik's ITQ paper (CVPR 2011).
 */
public final class PcaHashing implements Hasher {

    private final Pca pca;

    private PcaHashing(Pca pca) {
        this.pca = pca;
    }

    /** Fits b components on n training samples of d features. */
    public static PcaHashing fit(float[] x, int n, int d, int bits, int threads) {
        BinaryCodes.checkBits(bits);
        return new PcaHashing(Pca.fit(x, n, d, bits, false, threads));
    }

    /** Uses an already fitted PCA with b components. */
    public static PcaHashing of(Pca pca) {
        BinaryCodes.checkBits(pca.codeSize());
        return new PcaHashing(pca);
    }

    @Override
    public String name() {
        return "PCAH";
    }

    @Override
    public int bits() {
        return pca.codeSize();
    }

    @Override
    public BinaryCodes hash(float[] x, int n) {
        return BinaryCodes.above(pca.transform(x, n), n, bits(), 0f);
    }
}
