package org.aeworkbench.analysis.probe;

import org.aeworkbench.analysis.Features;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.data.Preprocessing;
import org.aeworkbench.data.Scaling;
import org.aeworkbench.engine.blas.Gemm;
import org.aeworkbench.engine.tensor.Shape;

/**
 * The linear probe: how much of the class is linearly readable from a representation. A
 * multinomial logistic regression ({@link SoftmaxRegression}, L2 weight 1, scikit-learn's default
 * C = 1) is fitted on the labelled training samples and scored on every test sample. Features are
 * standardised first (per feature, with the mean and standard deviation of all training samples,
 * which needs no labels), so codes, PCA codes and pixels meet the same penalty on the same scale.
 */
public final class LinearProbe {

    /** L2 weight on the probe's weights: scikit-learn's default C = 1. */
    public static final double DEFAULT_LAMBDA = 1.0;

    private LinearProbe() {
    }

    /**
     * @param labelled     indices of the training samples whose labels may be used
     * @param trainLabels  labels of every training sample (only those at {@code labelled} are read)
     * @param classes      number of classes
     */
    public static ProbeResult run(Gemm gemm, Features features, int[] trainLabels, int[] testLabels, int[] labelled,
                                  int classes, double lambda) {
        long start = System.nanoTime();
        int d = features.width();
        int nTest = features.testSamples();
        if (nTest == 0) {
            throw new IllegalArgumentException("the probe needs test samples to score");
        }
        // Standardised with the statistics of all training samples (no labels needed), as StandardScaler.
        Preprocessing z = Preprocessing.fit(Scaling.Z_SCORE, asDataset(features.method(), features.train(), d));
        float[] all = z.apply(asDataset(features.method(), features.train(), d)).values();
        float[] x = new float[labelled.length * d];
        int[] y = new int[labelled.length];
        for (int r = 0; r < labelled.length; r++) {
            System.arraycopy(all, labelled[r] * d, x, r * d, d);
            y[r] = trainLabels[labelled[r]];
        }
        float[] test = z.apply(asDataset(features.method(), features.test(), d)).values();
        SoftmaxRegression model = SoftmaxRegression.fit(gemm, x, labelled.length, d, y, classes, lambda,
                Lbfgs.Settings.defaults());
        double accuracy = model.accuracy(gemm, test, nTest, testLabels);
        return new ProbeResult(features.method(), labelled.length, accuracy, model.fit().iterations(),
                model.fit().stop(), (System.nanoTime() - start) / 1e9);
    }

    private static Dataset asDataset(String name, float[] values, int d) {
        return new Dataset(name, Shape.vector(d), values, null, null, name);
    }
}
