package org.aeworkbench.ui.clustering;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.aeworkbench.analysis.Features;
import org.aeworkbench.analysis.cluster.ClusteringComparison;
import org.aeworkbench.analysis.cluster.KMeansSettings;
import org.aeworkbench.engine.blas.Gemm;
import org.aeworkbench.ui.codes.HeldOutCodes;
import org.aeworkbench.ui.codes.PlaneOfCodes;

/**
 * k-means on the held-out samples' codes, PCA codes and raw inputs (and, once refined, DEC's
 * clusters), each row scored against the labels when there are labels.
 *
 * @param codes    the representations clustered (their held-out part)
 * @param settings k, restarts and seed
 * @param rows     one row per method: autoencoder, PCA, raw, then DEC when refined
 * @param frame    the plane the held-out codes are drawn on (fixed, so DEC's epochs move in one frame)
 * @param plane    the held-out codes on that plane, n x 2
 */
public record ClusteringResult(HeldOutCodes codes, KMeansSettings settings, List<ClusteringComparison.Row> rows,
                               UnaryOperator<float[]> frame, float[] plane) {

    /** Runs k-means on the three representations (call off the FX thread). */
    static ClusteringResult compute(HeldOutCodes codes, KMeansSettings settings, Gemm gemm) {
        List<ClusteringComparison.Input> inputs = new ArrayList<>();
        for (Features f : List.of(codes.codes(), codes.pca(), codes.raw())) {
            inputs.add(new ClusteringComparison.Input(f.method(), f.test(), f.width()));
        }
        List<ClusteringComparison.Row> rows = ClusteringComparison.run(gemm, inputs, codes.heldOut().labels(), settings);
        Features f = codes.codes();
        UnaryOperator<float[]> frame = PlaneOfCodes.frame(f.test(), f.testSamples(), f.width());
        return new ClusteringResult(codes, settings, List.copyOf(rows), frame, frame.apply(f.test()));
    }

    /** This result with DEC's row added (replacing an earlier one). */
    ClusteringResult withDec(ClusteringComparison.Row dec) {
        List<ClusteringComparison.Row> r = new ArrayList<>(rows.subList(0, 3));
        r.add(dec);
        return new ClusteringResult(codes, settings, List.copyOf(r), frame, plane);
    }

    /** The row of {@code method}, or null. */
    public ClusteringComparison.Row row(String method) {
        for (ClusteringComparison.Row r : rows) {
            if (r.method().equals(method)) {
                return r;
            }
        }
        return null;
    }
}
