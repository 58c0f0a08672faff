package org.aeworkbench.engine.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aeworkbench.data.Dataset;
import org.aeworkbench.engine.TestModels;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.Presets;
import org.aeworkbench.engine.optim.OptimizerSpec;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.api.Test;

/**
 * Baldi and Hornik (1989): a linear autoencoder trained with squared error reaches the error of
 * PCA at the same code size, its optimum spanning the principal subspace. PCA's error here comes
 * from EJML's SVD of the centred data, independently of the engine.
 */
class LinearAutoencoderMatchesPcaTest {

    @Test
    void linearAutoencoderReachesPcaErrorWithinTwoPercent() {
        int n = 1000;
        int k = 10;
        Dataset data = TestModels.mnist(n);
        double pca = pcaError(data.values(), n, 784, k);

        ModelSpec spec = Presets.get("linear-pca", data.sampleShape()).withCodeSize(k);
        spec = spec.withOptimizer(OptimizerSpec.adam(2e-3))
                .withTraining(spec.training().withEpochs(60).withBatchSize(50).withSeed(1));
        try (Compute c = Compute.create(Backend.AUTO, 2)) {
            Autoencoder model = ModelBuilder.build(spec, data.sampleShape());
            new Trainer(model, c).fit(data.values(), n, null, 0, new TrainingControl(), TrainingListener.NONE);
            double ae = model.evaluate(c, data.values(), n).reconError();
            System.out.printf("linear AE %.4f vs PCA %.4f (k = %d, n = %d)%n", ae, pca, k, n);
            assertTrue(ae >= pca * 0.999, "no linear map beats PCA: AE " + ae + " < PCA " + pca);
            assertTrue(ae <= pca * 1.02, "AE " + ae + " vs PCA " + pca);
        }
    }

    /** Mean over samples of the summed squared error of the rank-k PCA reconstruction. */
    static double pcaError(float[] x, int n, int d, int k) {
        DMatrixRMaj m = new DMatrixRMaj(n, d);
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += x[i * d + j] / (double) n;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                m.set(i, j, x[i * d + j] - mean[j]);
            }
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, d, false, false, true);
        if (!svd.decompose(m)) {
            throw new IllegalStateException("SVD failed");
        }
        double[] s = svd.getSingularValues().clone();
        java.util.Arrays.sort(s);
        double discarded = 0;
        for (int i = 0; i < s.length - k; i++) {
            discarded += s[i] * s[i];
        }
        return discarded / n;
    }
}
