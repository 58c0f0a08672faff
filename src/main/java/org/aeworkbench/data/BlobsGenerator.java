package org.aeworkbench.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.aeworkbench.engine.tensor.Shape;

/**
 * Isotropic Gaussian blobs in n dimensions (as scikit-learn's make_blobs): centres uniform in
 * [-10, 10]^dims, each sample its centre plus N(0, std^2) noise per coordinate, labelled by
 * blob. Sample i belongs to blob i mod centers, so every prefix is balanced. Shows clusters
 * that a 2-D code should keep apart.
 */
final class BlobsGenerator {

    static final Set<String> PARAMETERS = Set.of("n", "seed", "dims", "centers", "std");
    static final int DEFAULT_SAMPLES = 1_000;
    static final int DEFAULT_DIMS = 10;
    static final int DEFAULT_CENTERS = 4;

    private BlobsGenerator() {
    }

    static DatasetInfo info() {
        return new DatasetInfo("blobs", DEFAULT_SAMPLES, Shape.vector(DEFAULT_DIMS), DEFAULT_CENTERS,
                "Gaussian clusters in n dimensions with labels: do clusters stay apart in the code?",
                "generated (as scikit-learn make_blobs)", "n=" + DEFAULT_SAMPLES + ",seed=1,dims="
                + DEFAULT_DIMS + ",centers=" + DEFAULT_CENTERS + ",std=1");
    }

    static Dataset generate(GeneratorParameters p) {
        int n = p.intValue("n", DEFAULT_SAMPLES, 1, 1_000_000);
        long seed = p.longValue("seed", 1);
        int dims = p.intValue("dims", DEFAULT_DIMS, 1, 10_000);
        int centers = p.intValue("centers", DEFAULT_CENTERS, 1, 1_000);
        double std = p.doubleValue("std", 1, 0, 1_000);
        MemoryBudget.checkFloats((long) n * dims, "blobs");
        SplittableRandom random = new SplittableRandom(seed);
        double[][] centre = new double[centers][dims];
        for (double[] c : centre) {
            for (int d = 0; d < dims; d++) {
                c[d] = -10 + 20 * random.nextDouble();
            }
        }
        float[] values = new float[n * dims];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % centers;
            for (int d = 0; d < dims; d++) {
                values[i * dims + d] = (float) (centre[labels[i]][d] + std * RandomDraws.gaussian(random));
            }
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < centers; c++) {
            names.add("blob " + (c + 1));
        }
        return new Dataset("blobs", Shape.vector(dims), values, labels, names,
                "generated: blobs n=" + n + " dims=" + dims + " centers=" + centers + " std=" + std + " seed=" + seed);
    }
}
