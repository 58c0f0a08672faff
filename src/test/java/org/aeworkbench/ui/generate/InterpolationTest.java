package org.aeworkbench.ui.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.model.Presets;
import org.aeworkbench.engine.tensor.Shape;
import org.aeworkbench.ui.dataset.DataModel;
import org.aeworkbench.ui.dataset.DataReference;
import org.aeworkbench.ui.dataset.PreparedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Interpolation runs between the two samples' full codes, so its first and last frames are the
 * samples' own reconstructions, for a 2-D dense code as for the convolutional design's 4x4x8.
 */
class InterpolationTest {

    private static final PreparedData MNIST = DataModel.prepare(DataReference.of("mnist").withLimit(20));

    @ParameterizedTest
    @ValueSource(strings = {"reference", "conv-ae", "vae-2d"})
    void theEndFramesAreTheSamplesReconstructions(String preset) {
        Shape shape = MNIST.all().sampleShape();
        Autoencoder m = ModelBuilder.build(Presets.get(preset, shape), shape);
        float[] a = MNIST.all().sample(3);
        float[] b = MNIST.all().sample(11);
        try (Compute c = Compute.create(Backend.AUTO, 1)) {
            Interpolation path = Interpolation.between(m, a, b, 7, false, c);
            int d = shape.size();
            int k = m.codeSize();
            assertEquals(7 * d, path.frames().length);
            assertArrayEquals(m.reconstruct(c, a, 1), Arrays.copyOfRange(path.frames(), 0, d), 1e-5f, "t = 0 is A's reconstruction");
            assertArrayEquals(m.reconstruct(c, b, 1), Arrays.copyOfRange(path.frames(), 6 * d, 7 * d), 1e-5f, "t = 1 is B's");
            // Every unit of the code moves along the path, not two of them.
            float[] za = m.encode(c, a, 1);
            float[] zb = m.encode(c, b, 1);
            int moving = 0;
            for (int j = 0; j < k; j++) {
                assertEquals(za[j], path.codes()[j], 1e-6f);
                assertEquals(zb[j], path.codes()[6 * k + j], 1e-6f);
                assertEquals((za[j] + zb[j]) / 2, path.codes()[3 * k + j], 1e-5f, "the midpoint of a straight path");
                moving += za[j] != zb[j] ? 1 : 0;
            }
            assertTrue(moving > Math.min(2, k - 1), moving + " of " + k + " units differ between A and B");
        }
    }
}
