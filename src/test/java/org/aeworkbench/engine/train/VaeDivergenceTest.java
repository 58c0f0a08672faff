package org.aeworkbench.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.engine.TestModels;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.layer.Parameter;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.LossTerms;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.Presets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * An exploding KL term stops a VAE run like any other divergence: the weights of the last good
 * epoch come back and the message names the KL term and what to change.
 */
class VaeDivergenceTest {

    private static final Dataset DATA = TestModels.mnist(500);

    /**
     * After one good epoch, the log-variance half of the code layer's bias is set to {@code logVariance}
     * in the second epoch: exp(100) = 2.7e43 is finite in double (the KL is summed in double) but its
     * float gradient overflows; exp(800) overflows double too, so the KL is infinite.
     */
    @ParameterizedTest
    @ValueSource(floats = {100f, 800f})
    void anExplodingKlStopsTrainingAndRestoresTheLastGoodEpoch(float logVariance) {
        ModelSpec base = Presets.get("vae-2d", DATA.sampleShape());
        ModelSpec spec = base.withTraining(base.training().withEpochs(3).withBatchSize(50));
        try (Compute c = Compute.create(Backend.AUTO, 2)) {
            Autoencoder model = ModelBuilder.build(spec, DATA.sampleShape());
            List<Parameter> params = model.parameters();
            Parameter codeBias = params.stream().filter(p -> p.name().equals("encoder[1].bias")).findFirst().orElseThrow();
            assertEquals(2 * spec.codeSize(), codeBias.size(), "a mean and a log-variance per latent unit");
            float[][] afterFirstEpoch = new float[params.size()][];
            TrainingResult r = new Trainer(model, c).fit(DATA.values(), 500, null, 0, new TrainingControl(), new TrainingListener() {
                @Override
                public void onEpoch(EpochSnapshot s) {
                    if (s.epoch() == 0) {
                        for (int i = 0; i < params.size(); i++) {
                            afterFirstEpoch[i] = params.get(i).value().clone();
                        }
                    }
                }

                @Override
                public void onBatch(BatchSnapshot s) {
                    if (s.epoch() == 1 && s.batch() == 2) {
                        java.util.Arrays.fill(codeBias.value(), spec.codeSize(), codeBias.size(), logVariance);
                    }
                }
            });
            assertEquals(TrainingResult.Status.DIVERGED, r.status(), r.message());
            assertEquals(1, r.history().size(), "only the first epoch completed");
            assertTrue(r.message().contains("KL term") && r.message().contains("epoch 2, batch 3"), r.message());
            assertTrue(r.message().contains("lower learning rate") && r.message().contains("gradient clipping")
                    && r.message().contains("smaller beta (now 1.0)"), r.message());
            for (int i = 0; i < params.size(); i++) {
                assertArrayEquals(afterFirstEpoch[i], params.get(i).value(), params.get(i).name());
            }
        }
    }

    @Test
    void aTermBeyondFloatRangeIsNamedBeforeTheNansItCauses() {
        assertEquals("kl", LossTerms.of(Double.NaN, Map.of("kl", 1e43)).divergedTerm());
        assertEquals("kl", LossTerms.of(Double.NaN, Map.of("kl", Double.POSITIVE_INFINITY)).divergedTerm());
        assertEquals("reconstruction", LossTerms.of(Double.NaN, Map.of("kl", Double.NaN)).divergedTerm());
        assertEquals("reconstruction", LossTerms.of(-1e39, Map.of("kl", 3.0)).divergedTerm());
        assertEquals("kl", LossTerms.of(5.0, Map.of("kl", Double.NaN)).divergedTerm());
        assertEquals(null, LossTerms.of(3e38, Map.of("kl", 3e38)).divergedTerm(), "large but within float range");
    }
}
