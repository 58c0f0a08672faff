package org.aeworkbench.analysis;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Principal component analysis fitted to row-major float samples, computed in double.
 *
 * <p>Method: the scatter matrix S = (X - mean)^T (X - mean) (see {@link ScatterMatrix}), then the
 * symmetric eigendecomposition S = V diag(lambda) V^T (EJML's symmetric QR algorithm). With the
 * thin SVD X - mean = U diag(s) V^T, lambda_i = s_i^2, so the results are those of the SVD route
 * (Pearson 1901; Jolliffe, Principal Component Analysis, 2002, sections 1.1 and 3.5) at the
 * cost of a d x d eigenproblem instead of an n x d SVD: about two seconds for 60,000 x 784.
 * Definitions follow scikit-learn's {@code PCA}: explained variance lambda_i / (n - 1), ratio
 * lambda_i / sum_j lambda_j, whitened codes divided by sqrt(explained variance).
 *
 * <p>Each component's sign is fixed so that its entry of largest magnitude (the first such on
 * ties) is positive, so the same data always gives the same axes.
 *
 * <p>A fit stops with a {@link java.util.concurrent.CancellationException} when its thread is
 * interrupted (checked between chunks of rows). Instances are immutable; accessors return copies.
 */
public final class Pca implements Codec {

    private final int features;
    private final int samples;
    private final double[] mean;
    private final double[] components;
    private final double[] spectrum;
    private final double totalScatter;
    private final boolean whiten;

    private Pca(int features, int samples, double[] mean, double[] components, double[] spectrum,
                double totalScatter, boolean whiten) {
        this.features = features;
        this.samples = samples;
        this.mean = mean;
        this.components = components;
        this.spectrum = spectrum;
        this.totalScatter = totalScatter;
        this.whiten = whiten;
    }

    /** Fits k components without whitening, on every core. */
    public static Pca fit(float[] x, int n, int d, int k) {
        return fit(x, n, d, k, false, ParallelTiles.defaultThreads());
    }

    /**
     * The most components PCA can fit on n samples of d features: no more than either (0 below 2
     * samples, which have no variance to measure). The CLI refuses a larger code before training
     * and the report leaves PCA out, by this one rule.
     */
    public static int mostComponents(int n, int d) {
        return n < 2 ? 0 : Math.min(n, d);
    }

    /**
     * Fits k components.
     *
     * @param x       n samples of d features, row-major
     * @param whiten  scale codes to unit variance on the training data
     * @param threads threads for the scatter product; the result does not depend on it
     */
    public static Pca fit(float[] x, int n, int d, int k, boolean whiten, int threads) {
        Matrices.checkRows(x, n, d, "PCA training data");
        if (n < 2) {
            throw new IllegalArgumentException("PCA needs at least 2 samples to measure variance, got " + n);
        }
        if (k < 1 || k > mostComponents(n, d)) {
            throw new IllegalArgumentException("PCA code size must be between 1 and " + mostComponents(n, d)
                    + " (the smaller of " + n + " samples and " + d + " features), got " + k);
        }
        double[] mean = ScatterMatrix.columnMeans(x, n, d);
        double[] scatter = ScatterMatrix.of(x, n, d, mean, threads);
        stopIfInterrupted(); // the eigendecomposition cannot be stopped once it runs
        double trace = 0;
        for (int j = 0; j < d; j++) {
            trace += scatter[j * d + j];
        }

        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
        if (!eig.decompose(DMatrixRMaj.wrap(d, d, scatter))) {
            throw new IllegalStateException("the eigendecomposition of the " + d + " x " + d
                    + " scatter matrix did not converge");
        }
        Integer[] order = new Integer[d];
        double[] lambda = new double[d];
        for (int i = 0; i < d; i++) {
            order[i] = i;
            // Rounding can leave eigenvalues of a singular S a hair below zero; variance is not negative.
            lambda[i] = Math.max(0, eig.getEigenvalue(i).getReal());
        }
        Arrays.sort(order, (a, b) -> lambda[a] != lambda[b] ? Double.compare(lambda[b], lambda[a]) : Integer.compare(a, b));

        double[] spectrum = new double[d];
        for (int i = 0; i < d; i++) {
            spectrum[i] = lambda[order[i]];
        }
        double[] components = new double[k * d];
        for (int c = 0; c < k; c++) {
            double[] v = eig.getEigenVector(order[c]).data;
            double norm = 0;
            int largest = 0;
            for (int j = 0; j < d; j++) {
                norm += v[j] * v[j];
                if (Math.abs(v[j]) > Math.abs(v[largest])) {
                    largest = j;
                }
            }
            double scale = (v[largest] < 0 ? -1 : 1) / Math.sqrt(norm);
            for (int j = 0; j < d; j++) {
                components[c * d + j] = v[j] * scale;
            }
        }
        return new Pca(d, n, mean, components, spectrum, trace, whiten);
    }

    /**
     * This fit cut to its first k components: the same codes (its first k columns), reconstructions
     * from those k alone, and the variance shares of those k, as a fit of k components gives, since
     * the eigendecomposition and the order of the axes do not depend on how many are kept.
     */
    public Pca leading(int k) {
        if (k < 1 || k > codeSize()) {
            throw new IllegalArgumentException("cannot keep " + k + " of " + codeSize() + " PCA components");
        }
        return k == codeSize() ? this
                : new Pca(features, samples, mean, Arrays.copyOf(components, k * features), spectrum, totalScatter, whiten);
    }

    /**
     * Lets a caller cancel a fit by interrupting its thread: checked between chunks of rows, so a
     * cancelled fit stops within a chunk's time and returns nothing.
     */
    static void stopIfInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new java.util.concurrent.CancellationException("PCA fit cancelled");
        }
    }

    /** Number of components k (the code size). */
    @Override
    public int codeSize() {
        return components.length / features;
    }

    /** Number of input features d. */
    public int features() {
        return features;
    }

    /** Number of samples the fit saw. */
    public int trainingSamples() {
        return samples;
    }

    public boolean whitened() {
        return whiten;
    }

    /** The training mean, d values. */
    public double[] mean() {
        return mean.clone();
    }

    /** The principal axes, k x d row-major, each a unit vector, in order of decreasing variance. */
    public double[] components() {
        return components.clone();
    }

    /** Singular values s_i of the centred training data for the k components. */
    public double[] singularValues() {
        double[] s = new double[codeSize()];
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.sqrt(spectrum[i]);
        }
        return s;
    }

    /** Variance along each of the k components: s_i^2 / (n - 1). */
    public double[] explainedVariance() {
        return scaled(codeSize(), 1.0 / (samples - 1));
    }

    /** Share of the total variance along each of the k components: s_i^2 / sum_j s_j^2. */
    public double[] explainedVarianceRatio() {
        return scaled(codeSize(), totalScatter > 0 ? 1.0 / totalScatter : 0);
    }

    /** Variance along all min(n, d) principal axes, largest first; the tail is what k components drop. */
    public double[] fullExplainedVariance() {
        double[] all = new double[Math.min(features, samples)];
        for (int i = 0; i < all.length; i++) {
            all[i] = spectrum[i] / (samples - 1);
        }
        return all;
    }

    /** Total variance of the training data: the trace of the covariance matrix. */
    public double totalVariance() {
        return totalScatter / (samples - 1);
    }

    /** Sum of the k explained variance ratios: the share of variance the code keeps. */
    public double keptVarianceRatio() {
        double sum = 0;
        for (double r : explainedVarianceRatio()) {
            sum += r;
        }
        return sum;
    }

    /** Codes of n samples: (x - mean) V_k^T, divided by sqrt(explained variance) when whitened. n x k. */
    public float[] transform(float[] x, int n) {
        Matrices.checkRows(x, n, features, "samples to encode with PCA");
        return PcaProjection.encode(x, n, features, mean, components, whiteningScale(false));
    }

    /**
     * Codes of the first n samples of {@code x}, which may hold more rows after them: a probe that
     * shares a larger validation set's array is encoded without copying it (10,000 rows of
     * Fashion-MNIST are 31 MB).
     */
    public float[] transformLeading(float[] x, int n) {
        Matrices.checkLeadingRows(x, n, features, "samples to encode with PCA");
        return PcaProjection.encode(x, n, features, mean, components, whiteningScale(false));
    }

    /** Reconstructions of n codes: code V_k + mean (codes multiplied back first when whitened). n x d. */
    public float[] inverseTransform(float[] codes, int n) {
        Matrices.checkRows(codes, n, codeSize(), "PCA codes to decode");
        return PcaProjection.decode(codes, n, features, mean, components, whiteningScale(true));
    }

    @Override
    public float[] encode(float[] x, int n) {
        return transform(x, n);
    }

    @Override
    public float[] reconstruct(float[] x, int n) {
        return inverseTransform(transform(x, n), n);
    }

    /** Reconstruction error of n samples passed through the code: transform then inverse transform. */
    public ReconstructionError reconstructionError(float[] x, int n) {
        return ReconstructionError.of(x, reconstruct(x, n), n, features);
    }

    private double[] scaled(int count, double factor) {
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = spectrum[i] * factor;
        }
        return out;
    }

    /** Per-component factor on the codes, or null when not whitening (or when a variance is zero). */
    private double[] whiteningScale(boolean inverse) {
        if (!whiten) {
            return null;
        }
        double[] variance = explainedVariance();
        double[] scale = new double[variance.length];
        for (int i = 0; i < scale.length; i++) {
            double sd = Math.sqrt(variance[i]);
            // A component with no variance has codes of zero; leave it unscaled rather than divide by zero.
            scale[i] = sd == 0 ? 1 : inverse ? sd : 1 / sd;
        }
        return scale;
    }
}
