package org.aeworkbench.engine.variant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.layer.Pass;
import org.aeworkbench.engine.loss.ReconstructionLoss;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.ContractiveSpec;
import org.aeworkbench.engine.model.DenseSpec;
import org.aeworkbench.engine.model.LayerSpec;
import org.aeworkbench.engine.model.LossTerms;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.NoiseSpec;
import org.aeworkbench.engine.model.Presets;
import org.aeworkbench.engine.model.SparsitySpec;
import org.aeworkbench.engine.model.TiedWeightsSpec;
import org.aeworkbench.engine.model.TrainingSpec;
import org.aeworkbench.engine.model.VariationalSpec;
import org.aeworkbench.engine.tensor.Shape;
import org.aeworkbench.engine.train.EpochSnapshot;
import org.aeworkbench.engine.train.Trainer;
import org.aeworkbench.engine.train.TrainingControl;
import org.aeworkbench.engine.train.TrainingListener;
import org.aeworkbench.engine.train.TrainingResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every variant preset builds, trains a step with its loss terms and copies exactly; variant runs repeat exactly. */
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

    /**
     * Variants combined (masking noise, L1 sparsity on the hidden layer, the contractive penalty by Hutchinson's
     * estimator, tied weights) and a VAE: the same seed gives the same losses, bit for bit.
     */
    @Test
    void sameSeedSameLossesWithVariantsCombined() {
        List<LayerSpec> encoder = List.of(new DenseSpec(64, Activation.TANH), new DenseSpec(16, Activation.SIGMOID));
        ModelSpec combined = ModelSpec.of("combined", encoder, ModelSpec.mirrorDecoder(encoder, 784, Activation.SIGMOID),
                        ReconstructionLoss.BCE).with(TiedWeightsSpec.ON)
                .with(new NoiseSpec(NoiseSpec.Kind.MASKING, 0.2, false))
                .with(new SparsitySpec(SparsitySpec.Kind.L1, 0.01, 0, 0))
                .with(new ContractiveSpec(0.5))
                .withTraining(TrainingSpec.defaults().withEpochs(2).withBatchSize(32).withSeed(3));
        List<LayerSpec> vaeEncoder = List.of(new DenseSpec(64, Activation.RELU), new DenseSpec(4, Activation.IDENTITY));
        ModelSpec vae = ModelSpec.of("vae", vaeEncoder, ModelSpec.mirrorDecoder(vaeEncoder, 784, Activation.SIGMOID),
                        ReconstructionLoss.BCE).with(new VariationalSpec(1))
                .withTraining(TrainingSpec.defaults().withEpochs(2).withBatchSize(32).withSeed(3));
        float[] x = SmallData.mnist(0, 200);
        for (ModelSpec spec : List.of(combined, vae)) {
            List<LossTerms> first = losses(spec, x);
            assertEquals(first, losses(spec, x), spec.name());
            assertTrue(first.get(first.size() - 1).penalties().size() == (spec == vae ? 1 : 2), first.toString());
        }
    }

    private static List<LossTerms> losses(ModelSpec spec, float[] x) {
        Autoencoder model = ModelBuilder.build(spec, Shape.vector(784));
        TrainingResult r = new Trainer(model, COMPUTE).fit(x, 160, java.util.Arrays.copyOfRange(x, 160 * 784, 200 * 784),
                40, new TrainingControl(), TrainingListener.NONE);
        List<LossTerms> out = new ArrayList<>();
        for (EpochSnapshot s : r.history()) {
            out.add(s.train());
            out.add(s.validation());
        }
        return out;
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
