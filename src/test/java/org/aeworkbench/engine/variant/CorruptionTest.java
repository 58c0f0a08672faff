package org.aeworkbench.engine.variant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.layer.GradientCheck;
import org.aeworkbench.engine.layer.Pass;
import org.aeworkbench.engine.loss.ReconstructionLoss;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.DenseSpec;
import org.aeworkbench.engine.model.LayerSpec;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.NoiseSpec;
import org.aeworkbench.engine.variant.Noise.Kind;
import org.aeworkbench.engine.model.TrainingSpec;
import org.aeworkbench.engine.optim.OptimizerSpec;
import org.aeworkbench.engine.tensor.Shape;
import org.aeworkbench.engine.train.Trainer;
import org.aeworkbench.engine.train.TrainingControl;
import org.aeworkbench.engine.train.TrainingListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class CorruptionTest {

    private static final Compute COMPUTE = Compute.create(Backend.AUTO, 2);
    private static final int N = 20_000;

    @AfterAll
    static void close() {
        COMPUTE.close();
    }

    private static float[] filled(int n, float v) {
        float[] x = new float[n];
        Arrays.fill(x, v);
        return x;
    }

    @Test
    void maskingZeroesAboutTheRate() {
        float[] out = Corruption.apply(new NoiseSpec(Kind.MASKING, 0.3, false), Shape.vector(100), filled(N, 1), N / 100,
                new SplittableRandom(1));
        int zeros = 0;
        for (float v : out) {
            assertTrue(v == 0f || v == 1f);
            zeros += v == 0f ? 1 : 0;
        }
        // binomial standard deviation sqrt(0.21 / 20000) = 0.0032; 4 of them
        assertEquals(0.3, zeros / (double) N, 0.013);
    }

    @Test
    void gaussianAddsZeroMeanNoiseOfTheGivenSigmaAndClipsWhenAsked() {
        float[] x = filled(N, 0.5f);
        float[] out = Corruption.apply(new NoiseSpec(Kind.GAUSSIAN, 0.2, false), Shape.vector(100), x, N / 100,
                new SplittableRandom(2));
        double sum = 0;
        double sq = 0;
        for (float v : out) {
            sum += v - 0.5;
            sq += (v - 0.5) * (v - 0.5);
        }
        double mean = sum / N;
        assertEquals(0, mean, 4 * 0.2 / Math.sqrt(N));
        assertEquals(0.2, Math.sqrt(sq / N - mean * mean), 0.005);
        float[] clipped = Corruption.apply(new NoiseSpec(Kind.GAUSSIAN, 0.5, true), Shape.vector(100), x, N / 100,
                new SplittableRandom(2));
        int atBounds = 0;
        for (float v : clipped) {
            assertTrue(v >= 0f && v <= 1f, "clipped value " + v);
            atBounds += v == 0f || v == 1f ? 1 : 0;
        }
        // P(|N(0, 0.25)| > 0.5) = 0.317
        assertEquals(0.317, atBounds / (double) N, 0.015);
    }

    @Test
    void saltAndPepperSetsTheRateToZeroOrOneInEqualShares() {
        float[] out = Corruption.apply(new NoiseSpec(Kind.SALT_AND_PEPPER, 0.4, false), Shape.vector(100),
                filled(N, 0.5f), N / 100, new SplittableRandom(3));
        int salt = 0;
        int pepper = 0;
        for (float v : out) {
            salt += v == 1f ? 1 : 0;
            pepper += v == 0f ? 1 : 0;
        }
        assertEquals(0.2, salt / (double) N, 0.012);
        assertEquals(0.2, pepper / (double) N, 0.012);
        assertEquals(N, salt + pepper + count(out, 0.5f));
    }

    @Test
    void patchBlanksOneSquareOfTheRightSidePerImage() {
        Shape shape = Shape.image(28, 28, 1);
        assertEquals(14, Corruption.patchSide(shape, 0.25));
        int n = 50;
        float[] out = Corruption.apply(new NoiseSpec(Kind.PATCH, 0.25, false), shape, filled(n * 784, 1), n,
                new SplittableRandom(4));
        for (int s = 0; s < n; s++) {
            float[] img = Arrays.copyOfRange(out, s * 784, (s + 1) * 784);
            assertEquals(196, count(img, 0f), "sample " + s);
            // the zeros form one 14 x 14 square: their bounding box is 14 x 14
            int top = 28, bottom = -1, left = 28, right = -1;
            for (int i = 0; i < 784; i++) {
                if (img[i] == 0f) {
                    top = Math.min(top, i / 28);
                    bottom = Math.max(bottom, i / 28);
                    left = Math.min(left, i % 28);
                    right = Math.max(right, i % 28);
                }
            }
            assertEquals(14, bottom - top + 1);
            assertEquals(14, right - left + 1);
        }
        var e = assertThrows(IllegalArgumentException.class,
                () -> new CorruptionLayer(Shape.vector(784), new NoiseSpec(Kind.PATCH, 0.25, false)));
        assertTrue(e.getMessage().contains("masking"), e.getMessage());
    }

    @Test
    void sameStreamSameCorruption() {
        float[] x = FiniteDifference.uniform(new SplittableRandom(5), 400, 0, 1);
        for (Kind k : List.of(Kind.MASKING, Kind.GAUSSIAN, Kind.SALT_AND_PEPPER)) {
            NoiseSpec noise = new NoiseSpec(k, 0.3, true);
            float[] a = Corruption.apply(noise, Shape.vector(40), x, 10, new SplittableRandom(9));
            float[] b = Corruption.apply(noise, Shape.vector(40), x, 10, new SplittableRandom(9));
            float[] c = Corruption.apply(noise, Shape.vector(40), x, 10, new SplittableRandom(10));
            assertArrayEquals(a, b, k.toString());
            assertFalse(Arrays.equals(a, c), k.toString());
        }
    }

    /** Samples are corrupted in parallel from per-sample streams, so the thread count does not matter. */
    @Test
    void layerMatchesTheStaticCorruptionWhateverTheThreadCount() {
        Shape shape = Shape.image(28, 28, 1);
        NoiseSpec noise = new NoiseSpec(Kind.GAUSSIAN, 0.4, true);
        float[] x = SmallData.mnist(0, 64);
        float[] expected = Corruption.apply(noise, shape, x, 64, new SplittableRandom(17));
        for (int threads : new int[] {1, 2}) {
            try (Compute compute = Compute.create(Backend.AUTO, threads)) {
                CorruptionLayer layer = new CorruptionLayer(shape, noise);
                float[] out = layer.forward(x, 64, new Pass(compute, true, new SplittableRandom(17)));
                assertArrayEquals(expected, Arrays.copyOf(out, expected.length), threads + " threads");
            }
        }
    }

    @Test
    void layerCorruptsOnlyInTrainingAndIsTheIdentityInInference() {
        CorruptionLayer layer = new CorruptionLayer(Shape.vector(6), new NoiseSpec(Kind.MASKING, 0.5, false));
        float[] x = FiniteDifference.uniform(new SplittableRandom(6), 4 * 6, 0.1, 1);
        float[] copy = x.clone();
        assertSame(x, layer.forward(x, 4, Pass.inference(COMPUTE)));
        float[] noisy = layer.forward(x, 4, new Pass(COMPUTE, true, new SplittableRandom(1)));
        assertArrayEquals(copy, x, "the input itself is never changed");
        assertTrue(count(noisy, 0f) > 0);
        assertNull(layer.backward(new float[24], 4, true), "nothing before the corruption learns");

        var result = new GradientCheck(COMPUTE, 1e-2, false, 1).check(layer, x, 4, new SplittableRandom(7), 1000);
        System.out.println("corruption (inference): " + result);
        assertTrue(result.worst() < 1e-3, result.toString());
    }

    @Test
    void denoisingModelPassesAWholeModelGradientCheck() {
        List<LayerSpec> encoder = List.of(new DenseSpec(4, Activation.TANH));
        ModelSpec spec = ModelSpec.of("d", encoder, ModelSpec.mirrorDecoder(encoder, 6, Activation.SIGMOID),
                ReconstructionLoss.BCE).with(new NoiseSpec(Kind.GAUSSIAN, 0.3, false));
        Autoencoder model = ModelBuilder.build(spec, Shape.vector(6));
        assertTrue(model.layers().get(0) instanceof CorruptionLayer);
        float[] x = FiniteDifference.uniform(new SplittableRandom(12), 4 * 6, 0, 1);
        var result = FiniteDifference.checkModel(model, COMPUTE, x, 4, 3, 3e-2, 1000);
        System.out.println("denoising model: " + result);
        assertTrue(result.worst() < 1e-3, result.toString());
    }

    /**
     * The same 784-64-784 design trained 10 epochs on 600 digits with and without Gaussian noise (sigma 0.5,
     * clipped): on 200 held-out digits corrupted the same way, the denoising model's reconstructions are closer
     * to the clean digits (mean summed squared error per image).
     */
    @Test
    void denoisingModelBeatsThePlainOneOnNoisyInputs() {
        NoiseSpec noise = new NoiseSpec(Kind.GAUSSIAN, 0.5, true);
        List<LayerSpec> encoder = List.of(new DenseSpec(64, Activation.RELU));
        ModelSpec plain = ModelSpec.of("plain", encoder, ModelSpec.mirrorDecoder(encoder, 784, Activation.SIGMOID),
                ReconstructionLoss.BCE).withOptimizer(OptimizerSpec.adam(3e-3))
                .withTraining(TrainingSpec.defaults().withEpochs(10).withBatchSize(32).withSeed(4));
        float[] train = SmallData.mnist(0, 600);
        float[] clean = SmallData.mnist(7000, 200);
        float[] noisy = Corruption.apply(noise, Shape.vector(784), clean, 200, new SplittableRandom(99));
        double plainError = noisyError(plain, train, clean, noisy);
        double denoisingError = noisyError(plain.with(noise), train, clean, noisy);
        System.out.printf("error on noisy inputs: denoising %.2f, plain %.2f%n", denoisingError, plainError);
        assertTrue(denoisingError < 0.9 * plainError, denoisingError + " vs " + plainError);
    }

    private static double noisyError(ModelSpec spec, float[] train, float[] clean, float[] noisy) {
        Autoencoder model = ModelBuilder.build(spec, Shape.vector(784));
        new Trainer(model, COMPUTE).fit(train, 600, null, 0, new TrainingControl(), TrainingListener.NONE);
        float[] out = model.reconstruct(COMPUTE, noisy, 200);
        double sq = 0;
        for (int i = 0; i < out.length; i++) {
            double d = out[i] - clean[i];
            sq += d * d;
        }
        return sq / 200;
    }

    private static int count(float[] v, float value) {
        int c = 0;
        for (float f : v) {
            c += f == value ? 1 : 0;
        }
        return c;
    }
}
