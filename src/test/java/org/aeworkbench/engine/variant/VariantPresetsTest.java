package org.aeworkbench.engine.variant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.layer.Pass;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.LossTerms;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.Presets;
import org.aeworkbench.engine.tensor.Shape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every variant preset builds on MNIST-shaped data, trains a step with its loss terms, and copies exactly. */
class VariantPresetsTest {

    private static final Compute COMPUTE = Compute.create(Backend.AUTO, 2);

    /** The penalty term each preset must report, or "" for none. */
    private static final Map<String, String> TERMS = Map.of("sparse-l1", "sparsity", "sparse-kl", "sparsity",
            "vae-2d", "kl", "vae-pytorch-example", "kl", "contractive", "contractive", "k-sparse", "", "denoising", "",
            "stacked", "");

    @AfterAll
    static void close() {
        COMPUTE.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sparse-l1", "sparse-kl", "k-sparse", "denoising", "contractive", "stacked", "vae-2d",
        "vae-pytorch-example"})
    void presetBuildsTrainsAStepAndCopiesExactly(String name) {
        Shape in = Shape.image(28, 28, 1);
        ModelSpec spec = Presets.get(name, in);
        Autoencoder model = ModelBuilder.build(spec, in);
        assertEquals(spec.codeSize(), model.codeSize(), "the code is the latent / code width");
        float[] x = SmallData.mnist(0, 8);
        float[] out = model.forward(x, 8, new Pass(COMPUTE, true, new SplittableRandom(1)));
        LossTerms terms = model.lossAndBackward(COMPUTE, out, x, 8, true);
        assertTrue(terms.isFinite(), terms.toString());
        String term = TERMS.get(name);
        if (!term.isEmpty()) {
            assertTrue(terms.penalties().get(term) > 0, name + ": " + terms);
        }
        Autoencoder copy = model.copy();
        assertArrayEquals(model.reconstruct(COMPUTE, x, 8), copy.reconstruct(COMPUTE, x, 8), name);
    }
}
