package org.aeworkbench.engine.conv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.model.AvgPool2DSpec;
import org.aeworkbench.engine.model.Conv2DSpec;
import org.aeworkbench.engine.model.ConvTranspose2DSpec;
import org.aeworkbench.engine.model.DenseSpec;
import org.aeworkbench.engine.model.FlattenSpec;
import org.aeworkbench.engine.model.LayerRow;
import org.aeworkbench.engine.model.MaxPool2DSpec;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.ModelSpecJson;
import org.aeworkbench.engine.model.Presets;
import org.aeworkbench.engine.model.ReshapeSpec;
import org.aeworkbench.engine.core.SpecException;
import org.aeworkbench.engine.model.SpecProblem;
import org.aeworkbench.engine.model.SpecValidator;
import org.aeworkbench.engine.model.Upsample2DSpec;
import org.aeworkbench.engine.loss.ReconstructionLoss;
import org.aeworkbench.engine.tensor.Shape;
import org.junit.jupiter.api.Test;

/** Shape inference, parameter counts, messages and JSON of the convolutional layer specs and presets. */
class ConvSpecTest {

    private static final Shape MNIST = new Shape(28, 28, 1);

    private static List<String> outputs(ModelSpec spec, Shape input) {
        return SpecValidator.rows(spec, input).stream().map(r -> String.valueOf(r.output())).toList();
    }

    @Test
    void convAeHasTheKerasBlogShapesAndParameterCount() {
        ModelSpec spec = Presets.get("conv-ae", MNIST);
        assertEquals(List.of("28x28x16", "14x14x16", "14x14x8", "7x7x8", "7x7x8", "4x4x8",
                "4x4x8", "8x8x8", "8x8x8", "16x16x8", "14x14x16", "28x28x16", "28x28x1"), outputs(spec, MNIST));
        // Keras's model.summary() for the blog's convolutional autoencoder: 4,385 trainable parameters.
        assertEquals(4_385, SpecValidator.parameterCount(spec, MNIST));
        assertEquals(List.of(), SpecValidator.validate(spec, MNIST, true));
    }

    @Test
    void convVaeHasTheKerasExampleShapesAndParameterCount() {
        ModelSpec spec = Presets.get("conv-vae", MNIST);
        assertEquals(List.of("14x14x32", "7x7x64", "3136", "16", "2",
                "3136", "7x7x64", "14x14x64", "28x28x32", "28x28x1"), outputs(spec, MNIST));
        // Keras's VAE example: encoder 69,076 parameters (the code layer counted twice, mean and
        // log-variance), decoder 65,089.
        assertEquals(69_076 + 65_089, SpecValidator.parameterCount(spec, MNIST));
        assertEquals(List.of(), SpecValidator.validate(spec, MNIST, true));
    }

    @Test
    void convPresetsRefuseVectorDataWithTheReason() {
        for (String name : List.of("conv-ae", "conv-denoising", "conv-vae")) {
            Shape vector = Shape.vector(784);
            List<SpecProblem> problems = SpecValidator.validate(Presets.get(name, vector), vector, true);
            assertEquals("encoder[0]", problems.get(0).field(), name);
            assertTrue(problems.get(0).message().contains("needs image-shaped data"), problems.get(0).message());
            assertTrue(problems.get(0).message().contains("784"), problems.get(0).message());
        }
    }

    @Test
    void convPresetsFollowTheInputsChannels() {
        Shape rgb = new Shape(28, 28, 3);
        assertEquals(List.of(), SpecValidator.validate(Presets.get("conv-ae", rgb), rgb, true));
        Shape other = new Shape(32, 20, 3);
        assertEquals(List.of(), SpecValidator.validate(Presets.get("conv-vae", other), other, true));
    }

    @Test
    void aKernelThatDoesNotFitIsReportedAtItsLayer() {
        ModelSpec spec = ModelSpec.of("k", List.of(new Conv2DSpec(4, 3, 1, Padding.VALID, Activation.RELU),
                new Conv2DSpec(4, 5, 1, Padding.VALID, Activation.RELU)), List.of(new DenseSpec(25, Activation.SIGMOID)),
                ReconstructionLoss.BCE);
        List<SpecProblem> problems = SpecValidator.validate(spec, new Shape(5, 5, 1), true);
        assertEquals("encoder[1]", problems.get(0).field());
        assertEquals("Conv2D: kernel 5 does not fit a 3x3 input with valid padding: use padding \"same\" or a kernel"
                + " of at most 3", problems.get(0).message());
    }

    @Test
    void otherImpossibleLayersSayWhy() {
        Shape in = new Shape(4, 4, 2);
        assertTrue(assertThrows(SpecException.class, () -> new ReshapeSpec(5, 5, 1).outputShape(in)).getMessage()
                .contains("holds 25 values but the input 4x4x2 has 32"));
        assertTrue(assertThrows(SpecException.class, () -> new Conv2DSpec(0, 3, 1, Padding.SAME, null).outputShape(in))
                .getMessage().contains("at least 1 filter"));
        assertTrue(assertThrows(SpecException.class, () -> new MaxPool2DSpec(2, 0, Padding.of(2)).outputShape(in))
                .getMessage().contains("padding 2 is not smaller than the kernel 2"));
        assertTrue(assertThrows(SpecException.class, () -> new Upsample2DSpec(0).outputShape(in))
                .getMessage().contains("factor must be at least 1"));
        assertTrue(assertThrows(SpecException.class, () -> new ConvTranspose2DSpec(2, 1, 1, Padding.of(0), null)
                .withUnits(3)).getMessage().contains("dense code layer"));
        SpecException resize = assertThrows(SpecException.class, () -> Presets.get("conv-ae", MNIST).withCodeSize(16));
        assertTrue(resize.getMessage().contains("MaxPool2D"), resize.getMessage());
    }

    @Test
    void denseLayersTakeImagesWithOrWithoutFlatten() {
        Shape in = new Shape(4, 4, 2);
        ModelSpec direct = ModelSpec.of("d", List.of(new DenseSpec(3, Activation.RELU)),
                List.of(new DenseSpec(32, Activation.SIGMOID), new ReshapeSpec(4, 4, 2)), ReconstructionLoss.BCE);
        ModelSpec flattened = direct.withLayers(List.of(new FlattenSpec(), new DenseSpec(3, Activation.RELU)), direct.decoder());
        assertEquals(List.of(), SpecValidator.validate(direct, in, true));
        assertEquals(List.of(), SpecValidator.validate(flattened, in, true));
        assertEquals(SpecValidator.parameterCount(direct, in), SpecValidator.parameterCount(flattened, in));
        List<LayerRow> rows = SpecValidator.rows(flattened, in);
        assertEquals(Shape.vector(32), rows.get(0).output());
    }

    @Test
    void everyLayerTypeReadsAndWritesJson() {
        String json = """
                {"name": "all", "loss": "mse",
                 "encoder": [
                   {"type": "conv2d", "filters": 4, "kernel": 3, "stride": 2, "padding": "same", "activation": "relu"},
                   {"type": "max-pool2d", "size": 2, "padding": "valid"},
                   {"type": "avg-pool2d", "size": 3, "stride": 1, "padding": 1},
                   {"type": "flatten"}],
                 "decoder": [
                   {"type": "reshape", "height": 2, "width": 2, "channels": 4},
                   {"type": "upsample2d", "factor": 2},
                   {"type": "conv-transpose2d", "filters": 1, "kernel": 3, "stride": 2, "padding": "same"}]}
                """;
        ModelSpec spec = ModelSpecJson.parse(json, "all.json");
        assertEquals(new Conv2DSpec(4, 3, 2, Padding.SAME, Activation.RELU), spec.encoder().get(0));
        assertEquals(new MaxPool2DSpec(2, 2, Padding.VALID), spec.encoder().get(1));
        assertEquals(new AvgPool2DSpec(3, 1, Padding.of(1)), spec.encoder().get(2));
        assertEquals(new ConvTranspose2DSpec(1, 3, 2, Padding.SAME, Activation.IDENTITY), spec.decoder().get(2));
        assertEquals(spec, ModelSpecJson.parse(ModelSpecJson.toJson(spec), "again"));
        Shape in = new Shape(8, 8, 1);
        assertEquals(List.of(), SpecValidator.validate(spec, in, null));
        assertEquals(in, SpecValidator.rows(spec, in).get(6).output());
    }

    @Test
    void aMistypedPaddingNamesTheFieldAndTheChoices() {
        String json = """
                {"encoder": [{"type": "conv2d", "filters": 4, "kernel": 3, "padding": "smae"}], "decoder": []}
                """;
        SpecException e = assertThrows(SpecException.class, () -> ModelSpecJson.parse(json, "bad.json"));
        assertEquals("encoder[0].padding", e.field());
        assertTrue(e.getMessage().contains("use \"same\", \"valid\" or a number of pixels"), e.getMessage());
    }
}
