package org.aeworkbench.engine.model;

import static org.aeworkbench.engine.layer.Activation.IDENTITY;
import static org.aeworkbench.engine.layer.Activation.RELU;
import static org.aeworkbench.engine.layer.Activation.SIGMOID;

import java.util.List;
import org.aeworkbench.engine.conv.Padding;
import org.aeworkbench.engine.loss.ReconstructionLoss;
import org.aeworkbench.engine.optim.OptimizerSpec;
import org.aeworkbench.engine.tensor.Shape;

/**
 * The convolutional designs of {@link Presets}. They need image-shaped data: on a vector the first
 * convolution refuses it with that reason. The output layer has as many channels as the input.
 */
final class ConvPresets {

    private ConvPresets() {
    }

    /**
     * Chollet's convolutional autoencoder ("Building Autoencoders in Keras", the Keras blog, 2016):
     * 28x28x1 -> 3x3 ReLU convolutions of 16, 8, 8 filters each followed by 2x2 max pooling ("same")
     * -> a 4x4x8 code of 128 values -> 3x3 ReLU convolutions of 8, 8 and 16 filters (the last one
     * "valid", taking 16x16 to 14x14) each followed by 2x upsampling -> a 3x3 sigmoid convolution.
     * BCE, Adam 1e-3, batch 128. The code is the last pooling layer's 4x4x8 output, so a code vector
     * is that image read channels-last.
     */
    static ModelSpec kerasConvolutional(Shape in) {
        List<LayerSpec> encoder = List.of(
                Conv2DSpec.same(16, 3, RELU), MaxPool2DSpec.same(2),
                Conv2DSpec.same(8, 3, RELU), MaxPool2DSpec.same(2),
                Conv2DSpec.same(8, 3, RELU), MaxPool2DSpec.same(2));
        List<LayerSpec> decoder = List.of(
                Conv2DSpec.same(8, 3, RELU), new Upsample2DSpec(2),
                Conv2DSpec.same(8, 3, RELU), new Upsample2DSpec(2),
                new Conv2DSpec(16, 3, 1, Padding.VALID, RELU), new Upsample2DSpec(2),
                Conv2DSpec.same(in.channels(), 3, SIGMOID));
        return ModelSpec.of("", encoder, decoder, ReconstructionLoss.BCE)
                .withOptimizer(OptimizerSpec.adam(1e-3))
                .withTraining(TrainingSpec.defaults().withBatchSize(128));
    }

    /**
     * The Keras example convolutional VAE (Chollet, "Variational AutoEncoder", keras.io, 2020):
     * 3x3 ReLU convolutions of 32 and 64 filters with stride 2 ("same": 28 -> 14 -> 7), flatten,
     * dense 16 ReLU, a 2-D Gaussian latent (Kingma and Welling 2014); the decoder is a dense ReLU
     * layer reshaped to 7x7x64, 3x3 ReLU transposed convolutions of 64 and 32 filters with stride 2
     * (7 -> 14 -> 28) and a 3x3 sigmoid transposed convolution. BCE, Adam 1e-3, batch 128.
     * The 7x7 grid is the input's height and width halved twice, rounding up.
     */
    static ModelSpec kerasConvolutionalVae(Shape in) {
        int h = ceilHalf(ceilHalf(in.height()));
        int w = ceilHalf(ceilHalf(in.width()));
        List<LayerSpec> encoder = List.of(
                new Conv2DSpec(32, 3, 2, Padding.SAME, RELU), new Conv2DSpec(64, 3, 2, Padding.SAME, RELU),
                new FlattenSpec(), new DenseSpec(16, RELU), new DenseSpec(2, IDENTITY));
        List<LayerSpec> decoder = List.of(
                new DenseSpec(h * w * 64, RELU), new ReshapeSpec(h, w, 64),
                ConvTranspose2DSpec.same(64, 3, 2, RELU), ConvTranspose2DSpec.same(32, 3, 2, RELU),
                ConvTranspose2DSpec.same(in.channels(), 3, 1, SIGMOID));
        return ModelSpec.of("", encoder, decoder, ReconstructionLoss.BCE)
                .with(new VariationalSpec(1.0))
                .withOptimizer(OptimizerSpec.adam(1e-3))
                .withTraining(TrainingSpec.defaults().withBatchSize(128));
    }

    private static int ceilHalf(int n) {
        return (n + 1) / 2;
    }
}
