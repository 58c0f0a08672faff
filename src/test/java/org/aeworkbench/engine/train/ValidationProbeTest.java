package org.aeworkbench.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.engine.TestModels;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.Presets;
import org.junit.jupiter.api.Test;

/**
 * A probe taken from the validation set gets its epoch-end codes from the validation pass: they
 * must be exactly the codes a separate encoding gives, and training must not change at all.
 */
class ValidationProbeTest {

    private static final Dataset DATA = TestModels.mnist(900);
    private static final int TRAIN = 500;
    private static final int VAL = 400;

    @Test
    void theValidationPassGivesTheCodesEncodeGivesAcrossChunks() {
        ModelSpec spec = Presets.get("reference", DATA.sampleShape());
        try (Compute c = Compute.create(Backend.AUTO, 2)) {
            Autoencoder model = ModelBuilder.build(spec, DATA.sampleShape());
            float[] val = validation();
            int rows = 300; // more than one chunk of 256
            Autoencoder.Evaluation withCodes = model.evaluate(c, val, VAL, rows);
            assertArrayEquals(model.encode(c, val, rows), withCodes.codes());
            Autoencoder.Evaluation plain = model.evaluate(c, val, VAL);
            assertNull(plain.codes());
            assertEquals(plain.loss(), withCodes.loss(), "keeping the codes changes nothing else");
            assertEquals(plain.reconError(), withCodes.reconError());
        }
    }

    @Test
    void aValidationProbeGivesTheSameRunAndTheSameCodesAsASeparateOne() {
        ModelSpec spec = Presets.get("reference", DATA.sampleShape());
        spec = spec.withTraining(spec.training().withEpochs(2).withBatchSize(50));
        int rows = 300;
        List<float[]> separate = new ArrayList<>();
        List<float[]> fromValidation = new ArrayList<>();
        List<Double> lossesSeparate = run(spec, t -> t.setProbe(Arrays.copyOf(validation(), rows * 784), rows, 4), separate);
        List<Double> lossesValidation = run(spec, t -> t.setProbeFromValidation(rows, 4), fromValidation);
        assertEquals(lossesSeparate, lossesValidation, "the probe does not touch training");
        assertEquals(separate.size(), fromValidation.size());
        assertTrue(separate.size() > 2, "batch probes and epoch probes: " + separate.size());
        for (int i = 0; i < separate.size(); i++) {
            assertArrayEquals(separate.get(i), fromValidation.get(i), "probe " + i);
        }
    }

    @Test
    void aValidationProbeLargerThanTheValidationSetIsRefused() {
        ModelSpec spec = Presets.get("reference", DATA.sampleShape());
        try (Compute c = Compute.create(Backend.AUTO, 2)) {
            Trainer t = new Trainer(ModelBuilder.build(spec, DATA.sampleShape()), c);
            t.setProbeFromValidation(VAL + 1, 4);
            var e = assertThrows(IllegalArgumentException.class, () -> t.fit(DATA.values(), TRAIN, validation(), VAL,
                    new TrainingControl(), TrainingListener.NONE));
            assertTrue(e.getMessage().contains("401") && e.getMessage().contains("400"), e.getMessage());
        }
    }

    private static float[] validation() {
        return Arrays.copyOfRange(DATA.values(), TRAIN * 784, (TRAIN + VAL) * 784);
    }

    private static List<Double> run(ModelSpec spec, java.util.function.Consumer<Trainer> probe, List<float[]> codes) {
        try (Compute c = Compute.create(Backend.AUTO, 2)) {
            Trainer t = new Trainer(ModelBuilder.build(spec, DATA.sampleShape()), c);
            probe.accept(t);
            TrainingResult r = t.fit(DATA.values(), TRAIN, validation(), VAL, new TrainingControl(), new TrainingListener() {
                @Override
                public void onBatch(BatchSnapshot s) {
                    if (s.probeCodes() != null) {
                        codes.add(s.probeCodes());
                    }
                }

                @Override
                public void onEpoch(EpochSnapshot s) {
                    assertNotNull(s.probeCodes());
                    codes.add(s.probeCodes());
                }
            });
            List<Double> losses = new ArrayList<>();
            for (EpochSnapshot s : r.history()) {
                losses.add(s.train().total());
                losses.add(s.validation().total());
            }
            return losses;
        }
    }
}
