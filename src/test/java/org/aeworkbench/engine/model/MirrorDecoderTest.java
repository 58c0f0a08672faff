package org.aeworkbench.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.aeworkbench.engine.conv.Padding;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.loss.ReconstructionLoss;
import org.aeworkbench.engine.tensor.Shape;
import org.junit.jupiter.api.Test;

class MirrorDecoderTest {

    private static final Activation RELU = Activation.RELU;
    private static final Activation SIGMOID = Activation.SIGMOID;

    @Test
    void aDenseEncoderMirrorsAsItsHiddenLayersReversedThenTheOutput() {
        List<LayerSpec> encoder = List.of(new DenseSpec(512, RELU), new DenseSpec(128, Activation.TANH), new DenseSpec(2, Activation.IDENTITY));
        assertEquals(List.of(new DenseSpec(128, Activation.TANH), new DenseSpec(512, RELU), new DenseSpec(784, SIGMOID)),
                ModelSpec.mirrorDecoder(encoder, Shape.image(28, 28, 1), SIGMOID));
    }

    /** The Keras example convolutional VAE's encoder mirrors into (nearly) the decoder the example wrote by hand. */
    @Test
    void aStridedConvolutionalEncoderMirrorsIntoTransposedConvolutionsThatRestoreTheInputShape() {
        Shape in = Shape.image(28, 28, 1);
        List<LayerSpec> encoder = List.of(new Conv2DSpec(32, 3, 2, Padding.SAME, RELU), new Conv2DSpec(64, 3, 2, Padding.SAME, RELU),
                new FlattenSpec(), new DenseSpec(16, RELU), new DenseSpec(2, Activation.IDENTITY));
        List<LayerSpec> decoder = ModelSpec.mirrorDecoder(encoder, in, SIGMOID);
        assertEquals(List.of(new DenseSpec(16, RELU), new DenseSpec(7 * 7 * 64, RELU), new ReshapeSpec(7, 7, 64),
                new ConvTranspose2DSpec(32, 3, 2, Padding.SAME, RELU), new ConvTranspose2DSpec(1, 3, 2, Padding.SAME, SIGMOID)), decoder);
        ModelSpec spec = ModelSpec.of("mirrored", encoder, decoder, ReconstructionLoss.BCE);
        assertEquals(List.of(), SpecValidator.validate(spec, in, true));
        List<LayerRow> rows = SpecValidator.rows(spec, in);
        assertEquals(in, rows.get(rows.size() - 1).output());
    }

    @Test
    void poolingMirrorsAsUpsamplingAndARoundedSizeIsFlaggedAtTheOutput() {
        List<LayerSpec> encoder = List.of(Conv2DSpec.same(16, 3, RELU), MaxPool2DSpec.same(2), Conv2DSpec.same(8, 3, RELU),
                MaxPool2DSpec.same(2));
        List<LayerSpec> onSquare = ModelSpec.mirrorDecoder(encoder, Shape.image(32, 32, 1), SIGMOID);
        assertEquals(List.of(new Upsample2DSpec(2), Conv2DSpec.same(16, 3, RELU), new Upsample2DSpec(2), Conv2DSpec.same(1, 3, SIGMOID)),
                onSquare);
        assertEquals(List.of(), SpecValidator.validate(ModelSpec.of("m", encoder, onSquare, ReconstructionLoss.BCE),
                Shape.image(32, 32, 1), true));

        // 28 -> 14 -> 7 -> 4 with "same" pooling: upsampling gives 32, which the validator names.
        List<LayerSpec> deeper = List.of(Conv2DSpec.same(16, 3, RELU), MaxPool2DSpec.same(2), Conv2DSpec.same(8, 3, RELU),
                MaxPool2DSpec.same(2), Conv2DSpec.same(8, 3, RELU), MaxPool2DSpec.same(2));
        Shape mnist = Shape.image(28, 28, 1);
        List<SpecProblem> problems = SpecValidator.validate(ModelSpec.of("m", deeper, ModelSpec.mirrorDecoder(deeper, mnist, SIGMOID),
                ReconstructionLoss.BCE), mnist, true);
        assertTrue(problems.stream().anyMatch(p -> p.message().contains("32")), problems.toString());
    }

    /** The designer mirrors after every edit, also while the encoder does not fit its input yet. */
    @Test
    void anEncoderThatCannotTakeItsInputStillMirrorsAndIsFlagged() {
        List<LayerSpec> encoder = List.of(new Conv2DSpec(8, 3, 2, Padding.SAME, RELU), new DenseSpec(2, Activation.IDENTITY));
        Shape vector = Shape.vector(784);
        List<LayerSpec> decoder = ModelSpec.mirrorDecoder(encoder, vector, SIGMOID);
        assertEquals(2, decoder.size());
        assertTrue(!SpecValidator.validate(ModelSpec.of("m", encoder, decoder, ReconstructionLoss.BCE), vector, true).isEmpty());
    }
}
