package org.aeworkbench.engine.variant.adversarial;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aeworkbench.analysis.CodeMoments;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.data.Split;
import org.aeworkbench.engine.TestModels;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.model.AdversarialSpec;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.Presets;
import org.aeworkbench.engine.train.SpecTraining;
import org.aeworkbench.engine.train.TrainingControl;
import org.aeworkbench.engine.train.TrainingListener;
import org.aeworkbench.engine.train.TrainingResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The adversarial presets do what the paper shows, on a third of the MNIST sample (3,300 digits,
 * 330 held out) for 15 epochs in batches of 32, the same number of steps as a full run's 20 epochs
 * of 100 in a quarter of the arithmetic: the Gaussian prior's codes have the moments of N(0, I)
 * while the same design without the adversarial phases does not, and the supervised mixture puts
 * each class on its component. The full-size figures come from {@code bench fidelity --only
 * adversarial} (docs/variants.md).
 */
class AdversarialPriorFitTest {

    private static final Compute COMPUTE = Compute.create(Backend.AUTO, 2);

    @AfterAll
    static void close() {
        COMPUTE.close();
    }

    /** Trains a preset as the test runs it and returns the validation codes' autoencoder. */
    private static Autoencoder trained(ModelSpec preset, Split split) {
        ModelSpec spec = preset.withTraining(preset.training().withEpochs(15).withBatchSize(32));
        Autoencoder model = ModelBuilder.build(spec, split.train().sampleShape());
        Dataset tr = split.train();
        Dataset va = split.validation();
        TrainingResult r = SpecTraining.run(model, COMPUTE, tr.values(), tr.samples(), tr.labels(), va.values(),
                va.samples(), new TrainingControl(), TrainingListener.NONE);
        assertTrue(r.status() == TrainingResult.Status.COMPLETED, r.message());
        return model;
    }

    private static Split split() {
        return Split.of(TestModels.mnist(3300), 0.1, 0, 42);
    }

    @Test
    void gaussianPriorGivesCodesWithTheMomentsOfAStandardNormal() {
        Split split = split();
        ModelSpec preset = Presets.get("aae-gaussian", split.train().sampleShape());
        Dataset va = split.validation();
        CodeMoments with = CodeMoments.of(trained(preset, split).encode(COMPUTE, va.values(), va.samples()), va.samples(), 2);
        assertTrue(with.largestMeanOffset() <= 0.2 && with.largestCovarianceOffset() <= 0.25,
                "mean off by " + with.largestMeanOffset() + ", covariance by " + with.largestCovarianceOffset());
        CodeMoments without = CodeMoments.of(trained(preset.without(AdversarialSpec.class), split).encode(COMPUTE,
                va.values(), va.samples()), va.samples(), 2);
        assertTrue(without.largestMeanOffset() > 0.2 || without.largestCovarianceOffset() > 0.25,
                "without the adversarial phases: mean off by " + without.largestMeanOffset() + ", covariance by "
                        + without.largestCovarianceOffset());
    }

    @Test
    void supervisedMixturePutsNineInTenValidationCodesNearestTheirClasssComponent() {
        Split split = split();
        ModelSpec preset = Presets.get("aae-mixture", split.train().sampleShape());
        Dataset va = split.validation();
        float[] codes = trained(preset, split).encode(COMPUTE, va.values(), va.samples());
        double share = CodePrior.shareNearestOwnComponent(codes, va.labels(), va.samples(), AdversarialSpec.DEFAULT_COMPONENTS);
        assertTrue(share >= 0.9, "share " + share);
    }
}
