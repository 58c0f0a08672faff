package org.aeworkbench.ui.generate;

import java.util.SplittableRandom;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.ui.training.ProbeSet;

/**
 * The probe samples' codes under one set of weights, and the plane the Generate tab draws them
 * on: code units z1 and z2 (the other units, when there are more, held at their mean).
 *
 * @param probe    the samples
 * @param codes    n x k
 * @param codeSize k
 * @param mean     mean code, k values
 * @param std      standard deviation of each code unit
 */
record LatentCodes(ProbeSet probe, float[] codes, int codeSize, float[] mean, float[] std) {

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
        return new LatentCodes(probe, codes, k, mean, std);
    }

    float[] code(int i) {
        float[] z = new float[codeSize];
        System.arraycopy(codes, i * codeSize, z, 0, codeSize);
        return z;
    }

    /** Every probe code on the plane, n x 2. */
    float[] plane() {
        return toPlane(codes, probe.size());
    }

    /** m codes (m x k) on the plane (m x 2): units z1 and z2, or z1 and 0 for a 1-D code. */
    float[] toPlane(float[] z, int m) {
        float[] out = new float[2 * m];
        for (int i = 0; i < m; i++) {
            out[2 * i] = z[i * codeSize];
            out[2 * i + 1] = codeSize > 1 ? z[i * codeSize + 1] : 0f;
        }
        return out;
    }

    /** The code at a point of the plane, with any further units at their mean. */
    float[] fromPlane(float x, float y) {
        float[] z = mean.clone();
        z[0] = x;
        if (codeSize > 1) {
            z[1] = y;
        }
        return z;
    }

    double quantile(int dim, double p) {
        return LatentPaths.empiricalQuantile(codes, probe.size(), codeSize, dim, p);
    }

    /** count codes from N(0, I) (a VAE's prior) or from N(mean, diag std^2) fitted to the codes. */
    float[] samplePrior(int count, boolean standard, SplittableRandom random) {
        float[] z = new float[count * codeSize];
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < codeSize; j++) {
                double g = gaussian(random);
                z[i * codeSize + j] = (float) (standard ? g : mean[j] + std[j] * g);
            }
        }
        return z;
    }

    private static double gaussian(SplittableRandom r) {
        double u = 1.0 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
