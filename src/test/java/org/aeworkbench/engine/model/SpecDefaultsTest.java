package org.aeworkbench.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.aeworkbench.engine.optim.AdamSettings;
import org.aeworkbench.engine.optim.LearningRateSchedule;
import org.aeworkbench.engine.variant.Noise;
import org.junit.jupiter.api.Test;

/**
 * A setting left out of a spec file takes its documented default, never 0: before version 2
 * Adam's betas and epsilon became 0 and the documentation's own example diverged at its second
 * batch. Each default here is the one its record's Javadoc names.
 */
class SpecDefaultsTest {

    private static final String LAYERS = "\"encoder\": [{\"type\": \"dense\", \"units\": 16, \"activation\": \"sigmoid\"}],"
            + " \"decoder\": [{\"type\": \"dense\", \"units\": 64, \"activation\": \"sigmoid\"}]";

    private static ModelSpec read(String parts) {
        return ModelSpecJson.parse("{" + LAYERS + (parts.isEmpty() ? "" : ", " + parts) + "}", "test.json");
    }

    @Test
    void optimiserAndTrainingLeftOut() {
        ModelSpec s = read("\"optimizer\": {\"kind\": \"adam\", \"learningRate\": 0.001}, \"training\": {\"epochs\": 3}");
        assertEquals(AdamSettings.DEFAULTS, s.optimizer().settings());
        assertEquals(TrainingSpec.defaults().withEpochs(3), s.training());
        assertEquals(TrainingSpec.defaults(), read("\"training\": {}").training());
        assertEquals(new LearningRateSchedule(LearningRateSchedule.Kind.STEP, 1, 1),
                read("\"optimizer\": {\"schedule\": {\"kind\": \"step\"}}").optimizer().schedule());
    }

    @Test
    void variationalLeftOutIsKingmaAndWellingsVae() {
        assertEquals(new VariationalSpec(1.0, 0), read("\"variational\": {}").variant(VariationalSpec.class));
        assertEquals(new VariationalSpec(1.0, 3), read("\"variational\": {\"warmupEpochs\": 3}").variant(VariationalSpec.class));
    }

    @Test
    void sparsityLeftOutPenalisesTheCodeWithNgsTarget() {
        assertEquals(new SparsitySpec(SparsitySpec.Kind.KL, 3.0, 0.05, -1),
                read("\"sparsity\": {\"kind\": \"kl\"}").variant(SparsitySpec.class));
        assertEquals(new SparsitySpec(SparsitySpec.Kind.L1, 1e-3, 0.05, -1), read("\"sparsity\": {}").variant(SparsitySpec.class));
    }

    @Test
    void noiseLeftOutCorruptsAtTheLiteraturesLevels() {
        assertEquals(new NoiseSpec(Noise.Kind.MASKING, 0.25, false), read("\"noise\": {\"kind\": \"masking\"}").variant(NoiseSpec.class));
        assertEquals(new NoiseSpec(Noise.Kind.GAUSSIAN, 0.5, false), read("\"noise\": {}").variant(NoiseSpec.class));
    }

    @Test
    void theOtherVariantsLeftOut() {
        assertEquals(new ContractiveSpec(0.1), read("\"contractive\": {}").variant(ContractiveSpec.class));
        assertEquals(new StackedSpec(2), read("\"stacked\": {}").variant(StackedSpec.class));
        assertEquals(new KSparseSpec(4, 0), read("\"kSparse\": {\"k\": 4}").variant(KSparseSpec.class));
        assertEquals(TiedWeightsSpec.ON, read("\"tiedWeights\": true").variant(TiedWeightsSpec.class));
        assertEquals(null, read("\"tiedWeights\": false").variant(TiedWeightsSpec.class), "version 1 wrote false");
    }
}
