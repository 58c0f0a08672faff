package org.aeworkbench.ui.generate;

import java.util.Locale;
import java.util.SplittableRandom;
import org.aeworkbench.analysis.Pca;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.ui.run.ProbeSet;

/**
 * The probe samples' codes under one set of weights, and the plane the Generate tab draws them
 * on: the code itself when it has one or two units; otherwise the codes' own first two principal
 * components, so a clicked point of the plane decodes as the mean code moved along those two
 * directions, and paths drawn on the plane are projections of paths in the full code space.
 *
 * @param probe    the samples
 * @param codes    n x k
 * @param codeSize k
 * @param mean     mean code, k values
 * @param std      standard deviation of each code unit
 * @param plane    PCA of the codes with two components, or null when k is 1 or 2
 */
record LatentCodes(ProbeSet probe, float[] codes, int codeSize, float[] mean, float[] std, Pca plane) {

    /** @param model a copy owned by the calling thread */
    static LatentCodes of(Autoencoder model, ProbeSet probe, Compute compute) {
        int n = probe.size();
        int k = model.codeSize();
        float[] codes = model.encode(compute, probe.values(), n);
        float[] mean = new float[k];
        float[] std = new float[k];
        for (int j = 0; j < k; j++) {
            double s = 0;
            double sq = 0;
            for (int i = 0; i < n; i++) {
                double v = codes[i * k + j];
                s += v;
                sq += v * v;
            }
            double m = s / n;
            mean[j] = (float) m;
            std[j] = (float) Math.sqrt(Math.max(0, sq / n - m * m));
        }
        Pca plane = k > 2 && n >= 2 ? Pca.fit(codes, n, k, 2) : null;
        return new LatentCodes(probe, codes, k, mean, std, plane);
    }

    float[] code(int i) {
        float[] z = new float[codeSize];
        System.arraycopy(codes, i * codeSize, z, 0, codeSize);
        return z;
    }

    /** Every probe code on the plane, n x 2. */
    float[] onPlane() {
        return toPlane(codes, probe.size());
    }

    /** m codes (m x k) on the plane (m x 2). */
    float[] toPlane(float[] z, int m) {
        if (plane != null) {
            return plane.transform(z, m);
        }
        float[] out = new float[2 * m];
        for (int i = 0; i < m; i++) {
            out[2 * i] = z[i * codeSize];
            out[2 * i + 1] = codeSize > 1 ? z[i * codeSize + 1] : 0f;
        }
        return out;
    }

    /** The code at a point of the plane: the point itself, or the mean code moved along the two principal directions. */
    float[] fromPlane(float x, float y) {
        if (plane != null) {
            return plane.inverseTransform(new float[] {x, y}, 1);
        }
        float[] z = new float[codeSize];
        z[0] = x;
        if (codeSize > 1) {
            z[1] = y;
        }
        return z;
    }

    String xLabel() {
        return plane == null ? "z1" : axis(1);
    }

    String yLabel() {
        return plane == null ? (codeSize > 1 ? "z2" : "") : axis(2);
    }

    /** What the plane shows, in words, for its title. */
    String planeTitle() {
        return plane == null ? "Latent plane (the code itself)"
                : "Latent plane: PCA of the " + codeSize + "-unit codes";
    }

    private String axis(int pc) {
        return String.format(Locale.ROOT, "PC %d of the codes (%.1f %%)", pc, 100 * plane.explainedVarianceRatio()[pc - 1]);
    }

    double quantile(int dim, double p) {
        return LatentPaths.empiricalQuantile(codes, probe.size(), codeSize, dim, p);
    }
}
