package org.aeworkbench.engine.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.engine.TestModels;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.io.ModelFile;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.layer.Layer;
import org.aeworkbench.engine.layer.Parameter;
import org.aeworkbench.engine.layer.Pass;
import org.aeworkbench.engine.loss.ReconstructionLoss;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.AvgPool2DSpec;
import org.aeworkbench.engine.model.Conv2DSpec;
import org.aeworkbench.engine.model.ConvTranspose2DSpec;
import org.aeworkbench.engine.model.DenseSpec;
import org.aeworkbench.engine.model.FlattenSpec;
import org.aeworkbench.engine.model.MaxPool2DSpec;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.Presets;
import org.aeworkbench.engine.model.ReshapeSpec;
import org.aeworkbench.engine.model.TrainingSpec;
import org.aeworkbench.engine.model.Upsample2DSpec;
import org.aeworkbench.engine.tensor.Shape;
import org.aeworkbench.engine.train.TrainingControl;
import org.aeworkbench.engine.train.TrainingListener;
import org.aeworkbench.engine.train.TrainingResult;
import org.aeworkbench.engine.train.Trainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Convolutional autoencoders as a whole: gradients through every layer and the loss, training, codes. */
class ConvAutoencoderTest {

    private static final Compute COMPUTE = Compute.create(Backend.AUTO, 2);

    /** Steps of the five-point stencil, in units of h. */
    private static final double[] STENCIL = {2, 1, -1, -2};

    @AfterAll
    static void close() {
        COMPUTE.close();
    }

    /**
     * Two small designs that chain every new layer type on 6x6x1 images:
     * pooled: conv 2 same tanh -> max pool 2 -> 3x3x2 -> flatten -> dense 3 tanh (code) -> dense 18
     * tanh -> reshape 3x3x2 -> upsample 2 -> conv 1 same sigmoid;
     * strided: conv 2 stride 2 same tanh -> 3x3x2 -> avg pool 3 stride 1 same (code) -> transposed
     * conv 2 stride 2 valid tanh -> 7x7x2 -> conv 1 2x2 valid sigmoid -> 6x6x1.
     */
    private static ModelSpec design(String which, ReconstructionLoss loss) {
        if (which.equals("pooled")) {
            return ModelSpec.of(which,
                    List.of(Conv2DSpec.same(2, 3, Activation.TANH), new MaxPool2DSpec(2, 2, Padding.VALID),
                            new FlattenSpec(), new DenseSpec(3, Activation.TANH)),
                    List.of(new DenseSpec(18, Activation.TANH), new ReshapeSpec(3, 3, 2), new Upsample2DSpec(2),
                            Conv2DSpec.same(1, 3, Activation.SIGMOID)),
                    loss);
        }
        return ModelSpec.of(which,
                List.of(new Conv2DSpec(2, 3, 2, Padding.SAME, Activation.TANH), new AvgPool2DSpec(3, 1, Padding.SAME)),
                List.of(new ConvTranspose2DSpec(2, 3, 2, Padding.VALID, Activation.TANH),
                        new Conv2DSpec(1, 2, 1, Padding.VALID, Activation.SIGMOID)),
                loss);
    }

    @ParameterizedTest
    @CsvSource({"pooled, BCE", "pooled, MSE", "strided, BCE", "strided, MSE"})
    void wholeNetworkGradientsMatchFiniteDifferences(String which, ReconstructionLoss loss) {
        Shape in = new Shape(6, 6, 1);
        Autoencoder model = ModelBuilder.build(design(which, loss), in);
        int batch = 3;
        float[] x = TestModels.uniform(batch * in.size(), 5);
        double worst = worstRelativeError(model, x, batch, 5e-2);
        System.out.println("conv autoencoder '" + which + "', " + loss + ": worst relative error " + worst);
        assertTrue(worst < 1e-3, which + ", " + loss + ": worst relative error " + worst);
    }

    private static double objective(Autoencoder model, float[] x, int batch) {
        float[] out = model.forward(x, batch, new Pass(COMPUTE, true, new SplittableRandom(9)));
        return model.lossAndBackward(COMPUTE, out, x, batch, false).total();
    }

    /** Which input won each max-pooling window in the last forward pass. */
    private static List<int[]> winners(Autoencoder model, int batch) {
        List<int[]> w = new ArrayList<>();
        for (Layer l : model.layers()) {
            if (l instanceof MaxPool2DLayer m) {
                w.add(Arrays.copyOf(m.argmax(), batch * m.outputShape().size()));
            }
        }
        return w;
    }

    private static boolean sameWinners(List<int[]> a, List<int[]> b) {
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Finite differences over every parameter, against the analytic gradient of the mean loss. The
     * five-point stencil's error is O(h^4), so a step of 0.05 keeps both it and float rounding far
     * below the tolerance (central differences at 0.01 sit right at it for a net this deep).
     * A step that changes the winner of a max-pooling window crosses a kink, where the central
     * difference is not the derivative; such probes are skipped and counted (the check CS231n
     * recommends), and most probes must remain.
     */
    private static double worstRelativeError(Autoencoder model, float[] x, int batch, double h) {
        for (Parameter p : model.parameters()) {
            Arrays.fill(p.grad(), 0f);
        }
        float[] out = model.forward(x, batch, new Pass(COMPUTE, true, new SplittableRandom(9)));
        List<int[]> base = winners(model, batch);
        model.lossAndBackward(COMPUTE, out, x, batch, true);
        double worst = 0;
        int probes = 0;
        int kinks = 0;
        for (Parameter p : model.parameters()) {
            float[] analytic = p.grad().clone();
            for (int i = 0; i < p.size(); i++) {
                float saved = p.value()[i];
                double[] f = new double[4];
                boolean smooth = true;
                for (int j = 0; j < 4; j++) {
                    p.value()[i] = (float) (saved + STENCIL[j] * h);
                    f[j] = objective(model, x, batch);
                    smooth &= sameWinners(base, winners(model, batch));
                }
                p.value()[i] = saved;
                probes++;
                if (!smooth) {
                    kinks++;
                    continue;
                }
                double numeric = (8 * (f[1] - f[2]) - (f[0] - f[3])) / (12 * h);
                double err = Math.abs(numeric - analytic[i]) / Math.max(1e-2, Math.abs(numeric) + Math.abs(analytic[i]));
                worst = Math.max(worst, err);
            }
        }
        System.out.println("  " + kinks + " of " + probes + " probes skipped at max-pooling kinks");
        assertTrue(kinks < probes / 4, kinks + " of " + probes + " probes crossed a kink");
        return worst;
    }

    private static TrainingResult train(ModelSpec spec, Dataset data, int epochs) {
        Autoencoder model = ModelBuilder.build(spec, data.sampleShape());
        return new Trainer(model, COMPUTE).fit(data.values(), data.samples(), null, 0, epochs,
                new TrainingControl(), TrainingListener.NONE);
    }

    @Test
    void convAeLossFallsOnMnist() {
        Dataset data = TestModels.mnist(512);
        ModelSpec spec = Presets.get("conv-ae", data.sampleShape()).withTraining(TrainingSpec.defaults().withBatchSize(32));
        Autoencoder untrained = ModelBuilder.build(spec, data.sampleShape());
        double before = untrained.evaluate(COMPUTE, data.values(), data.samples()).loss().reconstruction();
        TrainingResult result = train(spec, data, 2);
        assertEquals(TrainingResult.Status.COMPLETED, result.status(), result.message());
        double first = result.history().get(0).train().reconstruction();
        double second = result.history().get(1).train().reconstruction();
        System.out.printf("conv-ae on 512 digits: BCE per image %.1f untrained, %.1f epoch 1, %.1f epoch 2%n",
                before, first, second);
        assertTrue(first < before && second < first, before + " -> " + first + " -> " + second);
        // Predicting every pixel as 0.5 costs 784 ln 2 = 543 per image; the trained model must beat it.
        assertTrue(second < 784 * Math.log(2), "epoch 2 loss " + second);
    }

    /** The denoising and variational presets build with their variant stages and learn. */
    @ParameterizedTest
    @ValueSource(strings = {"conv-denoising", "conv-vae"})
    void variantPresetsBuildAndTheirLossFalls(String preset) {
        Dataset data = TestModels.mnist(256);
        ModelSpec spec = Presets.get(preset, data.sampleShape()).withTraining(TrainingSpec.defaults().withBatchSize(32));
        TrainingResult result = train(spec, data, 2);
        assertEquals(TrainingResult.Status.COMPLETED, result.status(), result.message());
        double first = result.history().get(0).train().total();
        double second = result.history().get(1).train().total();
        System.out.printf("%s on 256 digits: loss per image %.1f epoch 1, %.1f epoch 2%n", preset, first, second);
        assertTrue(second < first, first + " -> " + second);
        if (preset.equals("conv-vae")) {
            Autoencoder model = ModelBuilder.build(spec, data.sampleShape());
            assertEquals(2, model.codeSize());
            assertEquals(4 * 784, model.decode(COMPUTE, new float[8], 4).length);
        }
    }

    @Test
    void trainingRepeatsBitForBit() {
        Dataset data = TestModels.mnist(96);
        ModelSpec spec = Presets.get("conv-ae", data.sampleShape()).withTraining(TrainingSpec.defaults().withBatchSize(32));
        Autoencoder a = ModelBuilder.build(spec, data.sampleShape());
        Autoencoder b = ModelBuilder.build(spec, data.sampleShape());
        new Trainer(a, COMPUTE).fit(data.values(), 96, null, 0, 1, new TrainingControl(), TrainingListener.NONE);
        new Trainer(b, COMPUTE).fit(data.values(), 96, null, 0, 1, new TrainingControl(), TrainingListener.NONE);
        for (int i = 0; i < a.parameters().size(); i++) {
            assertArrayEquals(a.parameters().get(i).value(), b.parameters().get(i).value(), a.parameters().get(i).name());
        }
    }

    @Test
    void theConvolutionalCodeIsTheLastPoolingOutputReadChannelsLast() {
        Dataset data = TestModels.mnist(5);
        Autoencoder model = ModelBuilder.build(Presets.get("conv-ae", data.sampleShape()), data.sampleShape());
        assertEquals(128, model.codeSize());
        float[] codes = model.encode(COMPUTE, data.values(), 5);
        assertEquals(5 * 128, codes.length);
        float[] decoded = model.decode(COMPUTE, codes, 5);
        float[] reconstructed = model.reconstruct(COMPUTE, data.values(), 5);
        assertArrayEquals(reconstructed, decoded, 1e-6f);
    }

    @Test
    void aSavedConvolutionalModelLoadsAndReconstructsTheSame(@TempDir Path dir) throws IOException {
        Dataset data = TestModels.mnist(4);
        Autoencoder model = ModelBuilder.build(Presets.get("conv-ae", data.sampleShape()), data.sampleShape());
        Path file = dir.resolve("conv.aem");
        ModelFile.save(file, model, null);
        Autoencoder back = ModelFile.load(file).model();
        assertEquals(model.spec(), back.spec());
        assertArrayEquals(model.reconstruct(COMPUTE, data.values(), 4), back.reconstruct(COMPUTE, data.values(), 4));
    }
}
