package org.aeworkbench.analysis;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * A similarity transform y = scale * x R + translation (x a row vector, R orthogonal: a rotation,
 * possibly with a reflection) that lays one point set over another, so a PCA scatter and an
 * autoencoder's scatter can be read side by side: PCA's axes have arbitrary signs and order
 * relative to the code units, and this removes exactly that freedom and nothing more.
 *
 * <p>Orthogonal Procrustes with scaling (Schönemann, "A generalized solution of the orthogonal
 * Procrustes problem", Psychometrika 1966; Gower and Dijksterhuis, Procrustes Problems, 2004,
 * ch. 4): with A0, B0 the centred source and target and A0^T B0 = U S V^T, the least-squares
 * answer is R = U V^T, scale = trace(S) / ||A0||_F^2, translation = mean(B) - scale mean(A) R.
 *
 * @param dims        width of the points
 * @param rotation    R, dims x dims row-major
 * @param scale       the uniform scale
 * @param translation dims values
 * @param rmsDistance root mean square distance between the aligned source and the target points
 */
public record Procrustes(int dims, double[] rotation, double scale, double[] translation, double rmsDistance) {

    public Procrustes {
        rotation = rotation.clone();
        translation = translation.clone();
    }

    @Override
    public double[] rotation() {
        return rotation.clone();
    }

    @Override
    public double[] translation() {
        return translation.clone();
    }

    /**
     * The transform that maps {@code source} onto {@code target} in the least-squares sense.
     *
     * @param source n points, dims wide, row-major (e.g. the PCA projection)
     * @param target the same n points in the other view, row-major (e.g. the autoencoder's codes)
     */
    public static Procrustes align(float[] source, float[] target, int n, int dims) {
        Matrices.checkRows(source, n, dims, "points to align");
        Matrices.checkRows(target, n, dims, "points to align onto");
        double[] meanA = ScatterMatrix.columnMeans(source, n, dims);
        double[] meanB = ScatterMatrix.columnMeans(target, n, dims);
        DMatrixRMaj cross = new DMatrixRMaj(dims, dims);
        double sourceSpread = 0;
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < dims; a++) {
                double ca = source[i * dims + a] - meanA[a];
                sourceSpread += ca * ca;
                for (int b = 0; b < dims; b++) {
                    cross.data[a * dims + b] += ca * (target[i * dims + b] - meanB[b]);
                }
            }
        }
        if (sourceSpread == 0) {
            throw new IllegalArgumentException("cannot align " + n + " points that all coincide: "
                    + "the source has no spread to rotate or scale");
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(dims, dims, true, true, false);
        if (!svd.decompose(cross)) {
            throw new IllegalStateException("the SVD of the " + dims + " x " + dims + " cross-covariance did not converge");
        }
        DMatrixRMaj rotation = new DMatrixRMaj(dims, dims);
        CommonOps_DDRM.multTransB(svd.getU(null, false), svd.getV(null, false), rotation);
        double traceS = 0;
        for (double s : svd.getSingularValues()) {
            traceS += s;
        }
        double scale = traceS / sourceSpread;
        double[] translation = new double[dims];
        for (int b = 0; b < dims; b++) {
            double mapped = 0;
            for (int a = 0; a < dims; a++) {
                mapped += meanA[a] * rotation.data[a * dims + b];
            }
            translation[b] = meanB[b] - scale * mapped;
        }
        Procrustes fitted = new Procrustes(dims, rotation.data, scale, translation, 0);
        return new Procrustes(dims, rotation.data, scale, translation, fitted.rmsDistance(source, target, n));
    }

    /** scale * x R + translation for each of the n rows of {@code points}. */
    public float[] apply(float[] points, int n) {
        Matrices.checkRows(points, n, dims, "points to transform");
        float[] out = new float[n * dims];
        for (int i = 0; i < n; i++) {
            for (int b = 0; b < dims; b++) {
                double s = 0;
                for (int a = 0; a < dims; a++) {
                    s += points[i * dims + a] * rotation[a * dims + b];
                }
                out[i * dims + b] = (float) (scale * s + translation[b]);
            }
        }
        return out;
    }

    /** Root mean square distance between the transformed {@code source} and {@code target}. */
    public double rmsDistance(float[] source, float[] target, int n) {
        float[] mapped = apply(source, n);
        double sum = 0;
        for (int i = 0; i < mapped.length; i++) {
            double e = (double) mapped[i] - target[i];
            sum += e * e;
        }
        return Math.sqrt(sum / n);
    }
}
