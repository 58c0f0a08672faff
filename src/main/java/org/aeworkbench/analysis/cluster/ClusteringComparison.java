package org.aeworkbench.analysis.cluster;

import java.util.ArrayList;
import java.util.List;
import org.aeworkbench.engine.blas.Gemm;

/**
 * k-means with the same settings on several representations of the same samples (codes, PCA
 * codes of the same width, raw inputs), each scored against the labels when there are labels.
 * The window and the {@code cluster} command both call this.
 */
public final class ClusteringComparison {

    private ClusteringComparison() {
    }

    /**
     * One representation's clustering.
     *
     * @param method    "autoencoder", "PCA", "raw", "DEC"
     * @param clusters  each sample's cluster
     * @param agreement ACC, NMI and ARI against the labels, or null without labels
     * @param inertia   k-means objective (NaN for DEC, whose objective is its KL divergence)
     * @param seconds   wall time
     */
    public record Row(String method, int[] clusters, ClusterAgreement agreement, double inertia, double seconds) {
    }

    /**
     * A sample set in one representation: n rows of {@code width}, row-major.
     */
    public record Input(String method, float[] values, int width) {

        public int samples() {
            return values.length / width;
        }
    }

    /** Runs k-means on each input; {@code labels} may be null. */
    public static List<Row> run(Gemm gemm, List<Input> inputs, int[] labels, KMeansSettings settings) {
        List<Row> rows = new ArrayList<>();
        for (Input in : inputs) {
            long start = System.nanoTime();
            KMeansResult r = KMeans.fit(gemm, in.values(), in.samples(), in.width(), settings);
            rows.add(new Row(in.method(), r.assignments(), labels == null ? null : ClusterAgreement.of(r.assignments(), labels),
                    r.inertia(), (System.nanoTime() - start) / 1e9));
        }
        return rows;
    }
}
