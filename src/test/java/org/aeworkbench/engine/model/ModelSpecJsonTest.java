package org.aeworkbench.engine.model;

import org.aeworkbench.engine.core.SpecException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.aeworkbench.engine.tensor.Shape;
import org.junit.jupiter.api.Test;

class ModelSpecJsonTest {

    private static final Shape MNIST = new Shape(28, 28, 1);

    @Test
    void everyPresetRoundTripsThroughJsonAndIsValidOnMnist() {
        for (String name : Presets.names()) {
            ModelSpec spec = Presets.get(name, MNIST);
            assertEquals(spec, ModelSpecJson.parse(ModelSpecJson.toJson(spec), name), name);
            assertEquals(List.of(), SpecValidator.validate(spec, MNIST, true), name);
        }
    }

    @Test
    void aWrongValueIsReportedWithItsFieldAndLine() {
        String json = ModelSpecJson.toJson(Presets.get("keras-simple", MNIST)).replace("\"relu\"", "\"rleu\"");
        SpecException e = assertThrows(SpecException.class, () -> ModelSpecJson.parse(json, "my.json"));
        assertEquals("encoder[0].activation", e.field());
        assertTrue(e.getMessage().startsWith("my.json, line "), e.getMessage());
        assertTrue(e.getMessage().contains("use one of identity, sigmoid"), e.getMessage());
    }

    @Test
    void anUnknownFieldIsRefused() {
        String json = ModelSpecJson.toJson(Presets.get("keras-simple", MNIST)).replace("\"loss\"", "\"tideWeights\" : true,\n  \"loss\"");
        SpecException e = assertThrows(SpecException.class, () -> ModelSpecJson.parse(json, "my.json"));
        assertEquals("tideWeights", e.field());
        assertTrue(e.getMessage().startsWith("my.json, line 14"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown field \"tideWeights\""), e.getMessage());
        assertTrue(e.getMessage().contains("tiedWeights, noise, contractive, variational, binaryCode, kSparse, sparsity, stacked"),
                e.getMessage());
    }

    @Test
    void validatorNamesTheLayerThatBreaksTheDesign() {
        ModelSpec spec = Presets.get("keras-simple", MNIST);
        ModelSpec wrongOutput = spec.withLayers(spec.encoder(), List.of(new DenseSpec(700, org.aeworkbench.engine.layer.Activation.SIGMOID)));
        List<SpecProblem> p = SpecValidator.validate(wrongOutput, MNIST, true);
        assertEquals("decoder[0].units", p.get(0).field());
        assertTrue(p.get(0).message().contains("784"));
        assertEquals("loss", SpecValidator.validate(spec, MNIST, false).get(0).field());
        assertEquals("kSparse.k", SpecValidator.validate(Presets.get("k-sparse", MNIST).with(new KSparseSpec(101, 0)),
                MNIST, true).get(0).field());
        assertEquals(784 * 32 + 32 + 32 * 784 + 784, SpecValidator.parameterCount(spec, MNIST));
    }
}
