package org.aeworkbench.analysis.retrieval;

import java.util.SplittableRandom;
import org.aeworkbench.analysis.Pca;
import org.aeworkbench.data.RandomDraws;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * ITQ: Gong and Lazebnik, "Iterative quantization: a Procrustean approach to learning binary
 * codes", CVPR 2011. The data are projected on their first b principal components (V, n x b) and
 * rotated by the orthogonal R that minimises the quantisation loss {@code ||B - V R||_F^2} over
 * binary B in {-1, 1}: alternately B = sgn(V R), then R from the SVD of {@code B^T V = S Omega
 * S'^T} as {@code R = S' S^T} (the orthogonal Procrustes solution, section 2.3). R starts as a
 * seeded random rotation; the paper's 50 iterations are the default.
 */
public final class IterativeQuantization implements Hasher {

    /** The number of iterations Gong and Lazebnik use. */
    public static final int DEFAULT_ITERATIONS = 50;

    private final Pca pca;
    private final double[] rotation;
    private final double[] quantisationLoss;

    private IterativeQuantization(Pca pca, double[] rotation, double[] quantisationLoss) {
        this.pca = pca;
        this.rotation = rotation;
        this.quantisationLoss = quantisationLoss;
    }

    /** Fits PCA with b components on the n training samples, then the rotation. */
    public static IterativeQuantization fit(float[] x, int n, int d, int bits, int iterations, long seed, int threads) {
        BinaryCodes.checkBits(bits);
        return fit(Pca.fit(x, n, d, bits, false, threads), x, n, iterations, seed);
    }

    /** Learns the rotation for an already fitted PCA of b components, on its training samples. */
    public static IterativeQuantization fit(Pca pca, float[] x, int n, int iterations, long seed) {
        int b = pca.codeSize();
        BinaryCodes.checkBits(b);
        float[] v = pca.transform(x, n);
        DMatrixRMaj projected = new DMatrixRMaj(n, b);
        for (int i = 0; i < v.length; i++) {
            projected.data[i] = v[i];
        }
        DMatrixRMaj r = randomRotation(b, seed);
        DMatrixRMaj rotated = new DMatrixRMaj(n, b);
        DMatrixRMaj signs = new DMatrixRMaj(n, b);
        DMatrixRMaj cross = new DMatrixRMaj(b, b);
        double[] losses = new double[iterations];
        for (int it = 0; it < iterations; it++) {
            CommonOps_DDRM.mult(projected, r, rotated);
            double loss = 0;
            for (int i = 0; i < rotated.data.length; i++) {
                double s = rotated.data[i] > 0 ? 1 : -1;
                signs.data[i] = s;
                loss += (s - rotated.data[i]) * (s - rotated.data[i]);
            }
            losses[it] = loss;
            // B^T V = S Omega S'^T; the R minimising ||B - V R|| for this B is S' S^T.
            CommonOps_DDRM.multTransA(signs, projected, cross);
            SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(b, b, true, true, false);
            if (!svd.decompose(cross)) {
                throw new IllegalStateException("ITQ: the SVD of the " + b + " x " + b + " cross product did not converge");
            }
            DMatrixRMaj s = svd.getU(null, false);
            DMatrixRMaj sPrime = svd.getV(null, false);
            CommonOps_DDRM.multTransB(sPrime, s, r);
        }
        return new IterativeQuantization(pca, r.data.clone(), losses);
    }

    /** A b x b orthogonal matrix: the Q of the QR decomposition of a seeded Gaussian matrix. */
    private static DMatrixRMaj randomRotation(int b, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        DMatrixRMaj g = new DMatrixRMaj(b, b);
        for (int i = 0; i < g.data.length; i++) {
            g.data[i] = RandomDraws.gaussian(random);
        }
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(b, b);
        if (!qr.decompose(g)) {
            throw new IllegalStateException("ITQ: could not draw a random rotation of size " + b);
        }
        return qr.getQ(null, false);
    }

    @Override
    public String name() {
        return "ITQ";
    }

    @Override
    public int bits() {
        return pca.codeSize();
    }

    /** The learned rotation R, b x b row-major. */
    public double[] rotation() {
        return rotation.clone();
    }

    /** {@code ||B - V R||_F^2} on the training samples at the start of each iteration; it never rises. */
    public double[] quantisationLoss() {
        return quantisationLoss.clone();
    }

    @Override
    public BinaryCodes hash(float[] x, int n) {
        int b = bits();
        float[] v = pca.transform(x, n);
        long[] words = new long[n];
        for (int i = 0; i < n; i++) {
            long word = 0;
            for (int c = 0; c < b; c++) {
                double z = 0;
                for (int j = 0; j < b; j++) {
                    z += v[i * b + j] * rotation[j * b + c];
                }
                if (z > 0) {
                    word |= 1L << c;
                }
            }
            words[i] = word;
        }
        return new BinaryCodes(b, words);
    }
}
