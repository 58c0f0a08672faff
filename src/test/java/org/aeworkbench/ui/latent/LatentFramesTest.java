package org.aeworkbench.ui.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.aeworkbench.analysis.Pca;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.engine.tensor.Shape;
import org.aeworkbench.ui.dataset.PreparedData;
import org.aeworkbench.ui.run.ProbeSet;
import org.junit.jupiter.api.Test;

class LatentFramesTest {

    /**
     * A validation set one row longer than the probe's cap is shared, not copied, by the probe;
     * PCA's plane must still take only the probe's rows.
     */
    @Test
    void thePlaneOfAProbeSharingALongerValidationSetTakesOnlyItsRows() {
        int n = ProbeSet.MAX + 1;
        int d = 4;
        float[] values = new float[n * d];
        int[] at = new int[n];
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int i = 0; i < n; i++) {
            at[i] = i;
            for (int j = 0; j < d; j++) {
                values[i * d + j] = (float) (r.nextGaussian() * (j + 1));
            }
        }
        Dataset val = new Dataset("v", Shape.vector(d), values, null, null, "test");
        ProbeSet probe = ProbeSet.forSplit(val, new PreparedData.TrainSplit(val, val, at, at, 0.5, 1), 1);
        assertSame(values, probe.values());
        Pca pca = Pca.fit(values, n, d, 3);

        float[] plane = LatentFrames.plane(probe, pca);

        float[] projected = pca.transform(java.util.Arrays.copyOf(values, ProbeSet.MAX * d), ProbeSet.MAX);
        float[] expected = new float[2 * ProbeSet.MAX];
        for (int i = 0; i < ProbeSet.MAX; i++) {
            expected[2 * i] = projected[3 * i];
            expected[2 * i + 1] = projected[3 * i + 1];
        }
        assertArrayEquals(expected, plane);
    }
}
