package org.aeworkbench.ui.latent;

import java.util.SplittableRandom;
import org.aeworkbench.engine.model.CodeDistribution;
import java.util.ArrayList;
import java.util.List;
import org.aeworkbench.analysis.CodeView;
import org.aeworkbench.analysis.Pca;
import org.aeworkbench.analysis.Procrustes;
import org.aeworkbench.ui.dataset.PcaModel;
import org.aeworkbench.ui.run.ProbeSet;
import org.aeworkbench.ui.run.TrainingUpdate.ProbeFrame;

/**
 * Turns a frame of probe codes into the two point sets drawn: the codes as a 2-D view (as they
 * are, two chosen units, or PCA of the codes), and PCA of the same samples laid over that view
 * by a Procrustes fit, so that differences between the plots are differences of shape, not of
 * rotation, reflection or scale.
 */
final class LatentFrames {

    private LatentFrames() {
    }

    /**
     * How codes are drawn in 2-D.
     *
     * @param x first code unit shown, or -1 for PCA of the codes
     * @param y second code unit shown
     */
    record Projection(String label, int x, int y) {
        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * @param codes         n x 2 view of the codes
     * @param pca           n x 2 PCA of the samples aligned to {@code codes}, or null while PCA is fitted
     * @param procrustesRms RMS distance left after alignment
     */
    record Points(float[] codes, String xLabel, String yLabel, float[] pca, double procrustesRms) {
    }

    /** The choices for a code of this width: the natural view first. */
    static List<Projection> projections(int codeSize) {
        List<Projection> list = new ArrayList<>();
        if (codeSize <= 2) {
            list.add(new Projection(codeSize == 1 ? "z1" : "z1, z2", 0, Math.min(1, codeSize - 1)));
            return list;
        }
        list.add(new Projection("PCA of the codes", -1, -1));
        for (int j = 1; j < Math.min(codeSize, 6); j++) {
            list.add(new Projection("z1, z" + (j + 1), 0, j));
        }
        list.add(new Projection("z2, z3", 1, 2));
        return list;
    }

    /** PCA of the probe samples on its first two components, n x 2 (computed once per PCA and probe). */
    static float[] plane(ProbeSet probe, Pca pca) {
        int n = probe.size();
        return PcaModel.firstColumns(pca.transformLeading(probe.values(), n), n, pca.codeSize(), 2);
    }

    /** @param plane the probe's PCA plane from {@link #plane}, or null while PCA is being fitted */
    static Points points(ProbeFrame frame, Projection projection, ProbeSet probe, float[] plane) {
        int n = probe.size();
        int k = frame.codeSize();
        CodeView view;
        if (projection == null || k <= 2) {
            view = CodeView.of(frame.codes(), n, k);
        } else if (projection.x() < 0) {
            view = CodeView.principalPlane(frame.codes(), n, k);
        } else {
            view = CodeView.dimensions(frame.codes(), n, k, projection.x(), projection.y());
        }
        float[] codes = view.points();
        if (plane == null) {
            return new Points(codes, view.xLabel(), view.yLabel(), null, Double.NaN);
        }
        if (!spread(codes)) {
            return new Points(codes, view.xLabel(), view.yLabel(), plane, Double.NaN);
        }
        Procrustes fit = Procrustes.align(plane, codes, n, 2);
        return new Points(codes, view.xLabel(), view.yLabel(), fit.apply(plane, n), fit.rmsDistance());
    }

    /** Draws of a design's prior shown behind its codes: enough to show its shape without hiding them. */
    static final int PRIOR_DRAWS = 2000;

    /**
     * Draws of {@code prior} in the view the codes are drawn in (m x 2): as they are for a 2-D code,
     * the two chosen units otherwise; null for the PCA of the codes, a plane the prior has no place
     * in, and for a design without a prior. The same draws every time, so a replay does not flicker.
     */
    static float[] priorPoints(CodeDistribution prior, int codeSize, Projection projection) {
        if (prior == null || (codeSize > 2 && (projection == null || projection.x() < 0))) {
            return null;
        }
        float[] z = prior.sample(PRIOR_DRAWS, codeSize, new SplittableRandom(7));
        int x = codeSize <= 2 ? 0 : projection.x();
        int y = codeSize <= 2 ? Math.min(1, codeSize - 1) : projection.y();
        return CodeView.dimensions(z, PRIOR_DRAWS, codeSize, x, y).points();
    }

    /** Whether the points are not all the same (an untrained or collapsed code). */
    private static boolean spread(float[] xy) {
        for (int i = 2; i < xy.length; i++) {
            if (xy[i] != xy[i % 2]) {
                return true;
            }
        }
        return false;
    }
}
