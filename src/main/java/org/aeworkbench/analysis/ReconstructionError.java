package org.aeworkbench.analysis;

/**
 * How far reconstructions are from their inputs, in the two scales papers use.
 *
 * @param meanSummedSquaredError mean over samples of sum_j (x_ij - x'_ij)^2; the figure Hinton and
 *                               Salakhutdinov (Science 2006) report for MNIST (3.00 deep AE, 13.87 PCA at 30-D)
 * @param perFeatureError        the same total divided by n * d: the mean squared error per value,
 *                               comparable across data sets of different widths
 * @param samples                n
 * @param features               d
 */
public record ReconstructionError(double meanSummedSquaredError, double perFeatureError, int samples, int features) {

    /** Compares n inputs with their n reconstructions, both d wide and row-major; sums in double. */
    public static ReconstructionError of(float[] inputs, float[] reconstructions, int n, int d) {
        Matrices.checkRows(inputs, n, d, "inputs");
        Matrices.checkRows(reconstructions, n, d, "reconstructions");
        double total = 0;
        for (int i = 0; i < inputs.length; i++) {
            double e = (double) inputs[i] - reconstructions[i];
            total += e * e;
        }
        return new ReconstructionError(total / n, total / ((double) n * d), n, d);
    }

    /**
     * Each sample's summed squared error sum_j (x_ij - x'_ij)^2, summed in double: the terms whose
     * mean is {@link #meanSummedSquaredError()}, and the reconstruction-error anomaly score.
     */
    public static double[] perSample(float[] inputs, float[] reconstructions, int n, int d) {
        Matrices.checkRows(inputs, n, d, "inputs");
        Matrices.checkRows(reconstructions, n, d, "reconstructions");
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = i * d; j < (i + 1) * d; j++) {
                double e = (double) inputs[j] - reconstructions[j];
                sum += e * e;
            }
            out[i] = sum;
        }
        return out;
    }

    /**
     * The mean of {@code perSample} over the samples of each class, NaN for a class without samples.
     *
     * @param labels class index of each sample, in 0..classes-1
     */
    public static double[] meanByClass(double[] perSample, int[] labels, int classes) {
        double[] sum = new double[classes];
        int[] count = new int[classes];
        for (int i = 0; i < perSample.length; i++) {
            sum[labels[i]] += perSample[i];
            count[labels[i]]++;
        }
        for (int c = 0; c < classes; c++) {
            sum[c] = count[c] == 0 ? Double.NaN : sum[c] / count[c];
        }
        return sum;
    }

    /** Sum of squared errors over every value. */
    public double totalSquaredError() {
        return meanSummedSquaredError * samples;
    }
}
