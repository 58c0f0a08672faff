package org.aeworkbench.ui.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.model.Presets;
import org.aeworkbench.engine.tensor.Shape;
import org.aeworkbench.ui.dataset.DataModel;
import org.aeworkbench.ui.dataset.DataReference;
import org.aeworkbench.ui.dataset.PreparedData;
import org.aeworkbench.ui.run.ProbeSet;
import org.junit.jupiter.api.Test;

/** The Generate tab's plane says what it shows: the code itself, or a PCA of longer codes. */
class LatentCodesTest {

    private static final PreparedData MNIST = DataModel.prepare(DataReference.of("mnist").withLimit(40));

    private static LatentCodes codes(String preset) {
        Shape shape = MNIST.all().sampleShape();
        Autoencoder m = ModelBuilder.build(Presets.get(preset, shape), shape);
        ProbeSet probe = ProbeSet.at(MNIST.all(), IntStream.range(0, 40).toArray(), false);
        try (Compute c = Compute.create(Backend.AUTO, 1)) {
            return LatentCodes.of(m, probe, c);
        }
    }

    @Test
    void aTwoUnitCodeIsDrawnAsItIsAndSaysSo() {
        LatentCodes c = codes("reference");
        assertNull(c.plane());
        assertEquals("Latent plane (the code itself)", c.planeTitle());
        assertEquals("z1", c.xLabel());
        assertEquals("z2", c.yLabel());
        assertArrayEquals(c.codes(), c.onPlane(), "the plane's points are the codes");
    }

    @Test
    void aLongerCodeIsDrawnByItsPrincipalComponentsAndSaysSo() {
        LatentCodes c = codes("conv-ae");
        assertEquals(128, c.codeSize());
        assertEquals("Latent plane: PCA of the 128-unit codes", c.planeTitle());
        assertTrue(c.xLabel().matches("PC 1 of the codes \\(\\d+\\.\\d %\\)"), c.xLabel());
        assertTrue(c.yLabel().startsWith("PC 2 of the codes"), c.yLabel());
        // The first component explains at least as much as the second, and the points are their scores.
        double[] ratio = c.plane().explainedVarianceRatio();
        assertTrue(ratio[0] >= ratio[1] && ratio[1] > 0, ratio[0] + " " + ratio[1]);
        assertArrayEquals(c.plane().transform(c.codes(), 40), c.onPlane());
    }
}
