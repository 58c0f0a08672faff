package org.aeworkbench.analysis.probe;

import org.aeworkbench.engine.blas.Gemm;

/**
 * Multinomial logistic regression: {@code p(y = c | x) = softmax(x W + b)_c}, fitted by minimising
 * the cross-entropy with an L2 penalty on W (not on b),
 * {@code f(W, b) = sum_i -log p(y_i | x_i) + (lambda / 2) ||W||_F^2}, which is scikit-learn's
 * {@code LogisticRegression(multi_class="multinomial", C=1/lambda)} objective, so its fitted weights
 * can be checked against scikit-learn's. The problem is convex and strictly so in W, so the
 * minimiser is unique and does not depend on the start; it is found by {@link Lbfgs} from zero,
 * on f / n for scale. The products X W and X^T (P - Y) run on the engine's GEMM in float; values,
 * softmax and sums are in double.
 *
 * @param features d
 * @param classes  C
 * @param weights  W, d x C row-major
 * @param bias     b, C values
 * @param fit      how the optimisation ended
 */
public record SoftmaxRegression(int features, int classes, double[] weights, double[] bias, Lbfgs.Result fit) {

    /**
     * Fits C-class weights to n samples.
     *
     * @param x       n x d, row-major
     * @param labels  class of each sample, in [0, classes)
     * @param lambda  L2 weight on W (scikit-learn's 1 / C)
     */
    public static SoftmaxRegression fit(Gemm gemm, float[] x, int n, int d, int[] labels, int classes, double lambda,
                                        Lbfgs.Settings settings) {
        return fit(gemm, x, n, d, labels, classes, lambda, settings, null);
    }

    /**
     * {@link #fit(Gemm, float[], int, int, int[], int, double, Lbfgs.Settings)} from the weights of
     * {@code start} (a fit of the same shape, at another lambda: a warm start along the
     * regularisation path), or from zero when it is null. The minimiser is the same either way.
     */
    public static SoftmaxRegression fit(Gemm gemm, float[] x, int n, int d, int[] labels, int classes, double lambda,
                                        Lbfgs.Settings settings, SoftmaxRegression start) {
        if ((long) n * d != x.length || n < 1) {
            throw new IllegalArgumentException(x.length + " values do not make " + n + " samples of " + d);
        }
        if (labels.length != n) {
            throw new IllegalArgumentException(labels.length + " labels for " + n + " samples");
        }
        for (int label : labels) {
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException("label " + label + " is outside the " + classes + " classes");
            }
        }
        if (classes < 2) {
            throw new IllegalArgumentException("a classifier needs at least 2 classes, got " + classes);
        }
        Objective objective = new Objective(gemm, x, n, d, labels, classes, lambda);
        double[] theta = new double[d * classes + classes];
        if (start != null) {
            if (start.features != d || start.classes != classes) {
                throw new IllegalArgumentException("a warm start must have " + d + " features and " + classes + " classes");
            }
            System.arraycopy(start.weights, 0, theta, 0, d * classes);
            System.arraycopy(start.bias, 0, theta, d * classes, classes);
        }
        Lbfgs.Result r = Lbfgs.minimise(objective, theta, settings);
        double[] w = new double[d * classes];
        double[] b = new double[classes];
        System.arraycopy(r.x(), 0, w, 0, w.length);
        System.arraycopy(r.x(), w.length, b, 0, classes);
        return new SoftmaxRegression(d, classes, w, b, r);
    }

    /** The most probable class of each of n samples (ties to the lower class). */
    public int[] predict(Gemm gemm, float[] x, int n) {
        float[] z = new float[n * classes];
        float[] wf = toFloat(weights);
        gemm.sgemm(false, false, n, classes, features, 1f, x, 0, features, wf, 0, classes, 0f, z, 0, classes);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int best = 0;
            double bestZ = z[i * classes] + bias[0];
            for (int c = 1; c < classes; c++) {
                double v = z[i * classes + c] + bias[c];
                if (v > bestZ) {
                    bestZ = v;
                    best = c;
                }
            }
            out[i] = best;
        }
        return out;
    }

    /** Share of the n samples whose predicted class is their label. */
    public double accuracy(Gemm gemm, float[] x, int n, int[] labels) {
        int[] p = predict(gemm, x, n);
        int right = 0;
        for (int i = 0; i < n; i++) {
            if (p[i] == labels[i]) {
                right++;
            }
        }
        return right / (double) n;
    }

    private static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    /** f / n and its gradient: dW = (X^T (P - Y) + lambda W) / n, db = sum_i (p_i - y_i) / n. */
    static final class Objective implements Lbfgs.Objective {

        private final Gemm gemm;
        private final float[] x;
        private final int n;
        private final int d;
        private final int[] labels;
        private final int classes;
        private final double lambda;
        private final float[] w;
        private final float[] z;
        private final float[] residual;
        private final float[] gw;

        Objective(Gemm gemm, float[] x, int n, int d, int[] labels, int classes, double lambda) {
            this.gemm = gemm;
            this.x = x;
            this.n = n;
            this.d = d;
            this.labels = labels;
            this.classes = classes;
            this.lambda = lambda;
            this.w = new float[d * classes];
            this.z = new float[n * classes];
            this.residual = new float[n * classes];
            this.gw = new float[d * classes];
        }

        @Override
        public double valueAndGradient(double[] theta, double[] gradient) {
            int wl = d * classes;
            for (int i = 0; i < wl; i++) {
                w[i] = (float) theta[i];
            }
            gemm.sgemm(false, false, n, classes, d, 1f, x, 0, d, w, 0, classes, 0f, z, 0, classes);
            double loss = 0;
            double[] gb = new double[classes];
            double[] p = new double[classes];
            for (int i = 0; i < n; i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < classes; c++) {
                    p[c] = z[i * classes + c] + theta[wl + c];
                    max = Math.max(max, p[c]);
                }
                double sum = 0;
                for (int c = 0; c < classes; c++) {
                    p[c] = Math.exp(p[c] - max);
                    sum += p[c];
                }
                // -log softmax_y = log sum exp(z) - z_y, from the shifted values.
                loss += Math.log(sum) - Math.log(p[labels[i]]);
                for (int c = 0; c < classes; c++) {
                    double r = p[c] / sum - (c == labels[i] ? 1 : 0);
                    residual[i * classes + c] = (float) r;
                    gb[c] += r;
                }
            }
            gemm.sgemm(true, false, d, classes, n, 1f, x, 0, d, residual, 0, classes, 0f, gw, 0, classes);
            double penalty = 0;
            for (int i = 0; i < wl; i++) {
                penalty += theta[i] * theta[i];
                gradient[i] = (gw[i] + lambda * theta[i]) / n;
            }
            for (int c = 0; c < classes; c++) {
                gradient[wl + c] = gb[c] / n;
            }
            return (loss + lambda / 2 * penalty) / n;
        }
    }
}
