package org.aeworkbench.engine.variant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.aeworkbench.engine.model.KSparseSpec;
import org.aeworkbench.engine.model.LayerSpec;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.TiedWeightsSpec;
import org.aeworkbench.engine.model.TrainingSpec;
import org.aeworkbench.engine.optim.OptimizerSpec;
import org.aeworkbench.engine.tensor.Shape;
import org.aeworkbench.engine.train.EpochSnapshot;
import org.aeworkbench.engine.train.Trainer;
import org.aeworkbench.engine.train.TrainingControl;
import org.aeworkbench.engine.train.TrainingListener;
import org.aeworkbench.engine.train.TrainingResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class KSparseLayerTest {

    private static final Compute COMPUTE = Compute.create(Backend.AUTO, 2);

    @AfterAll
    static void close() {
        COMPUTE.close();
    }

    @Test
    void keepsTheKLargestAndBreaksTiesByLowestIndex() {
        KSparseLayer layer = new KSparseLayer(Shape.vector(5), 2, 0);
        float[] out = layer.forward(new float[] {0.5f, 2, -1, 2.5f, 0.1f, 1, 3, 3, 3, 0}, 2, Pass.inference(COMPUTE));
        assertArrayEquals(new float[] {0, 2, 0, 2.5f, 0, 0, 3, 3, 0, 0}, Arrays.copyOf(out, 10));
        float[] g = layer.backward(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 2, true);
        assertArrayEquals(new float[] {0, 2, 0, 4, 0, 0, 7, 8, 0, 0}, Arrays.copyOf(g, 10));
    }

    @Test
    void gradientMatchesFiniteDifferencesAwayFromTies() {
        SplittableRandom random = new SplittableRandom(31);
        int width = 8;
        int batch = 3;
        float[] h = new float[batch * width];
        for (int r = 0; r < batch; r++) {
            // distinct values 0.1 apart, shuffled, so a step of 0.01 never changes the selection
            for (int j = 0; j < width; j++) {
                h[r * width + j] = (float) (0.1 * j - 0.35);
            }
            for (int j = width - 1; j > 0; j--) {
                int o = random.nextInt(j + 1);
                float t = h[r * width + j];
                h[r * width + j] = h[r * width + o];
                h[r * width + o] = t;
            }
        }
        var result = new GradientCheck(COMPUTE, 1e-2, true, 1).check(new KSparseLayer(Shape.vector(width), 3, 0),
                h, batch, random, 1000);
        System.out.println("k-sparse: " + result);
        assertTrue(result.worst() < 1e-3, result.toString());
    }

    @Test
    void scheduleFallsLinearlyFromTheCodeWidthToK() {
        KSparseSpec spec = new KSparseSpec(25, 5);
        int[] ks = new int[7];
        for (int e = 0; e < ks.length; e++) {
            ks[e] = KSparseLayer.scheduledK(spec.k(), spec.scheduleEpochs(), 100, e);
        }
        assertArrayEquals(new int[] {100, 85, 70, 55, 40, 25, 25}, ks);
        assertEquals(25, KSparseLayer.scheduledK(25, 0, 100, 0));

        KSparseLayer layer = new KSparseLayer(Shape.vector(4), 1, 3);
        layer.onEpochStart(0);
        float[] h = {0.4f, 0.3f, 0.2f, 0.1f};
        assertEquals(4, nonZero(layer.forward(h, 1, new Pass(COMPUTE, true, new SplittableRandom(1))), 4));
        // Encoding always keeps the target k, whatever the schedule says.
        assertEquals(1, nonZero(layer.forward(h, 1, Pass.inference(COMPUTE)), 4));
    }

    @Test
    void kSparseTiedModelPassesAWholeModelGradientCheck() {
        List<LayerSpec> encoder = List.of(new DenseSpec(6, Activation.IDENTITY));
        ModelSpec spec = ModelSpec.of("k", encoder, ModelSpec.mirrorDecoder(encoder, 7, Activation.SIGMOID),
                ReconstructionLoss.MSE).with(new KSparseSpec(3, 0)).with(TiedWeightsSpec.ON);
        Autoencoder model = ModelBuilder.build(spec, Shape.vector(7));
        float[] x = FiniteDifference.uniform(new SplittableRandom(8), 3 * 7, 0, 1);
        // This seed leaves every code's 3rd and 4th largest values more than a step's effect apart.
        var result = FiniteDifference.checkModel(model, COMPUTE, x, 3, 2, 1e-2, 1000);
        System.out.println("k-sparse model: " + result);
        assertTrue(result.worst() < 1e-3, result.toString());
    }

    /**
     * Makhzani and Frey's design (100 linear code units, tied weights, MSE) with k = 25 reached by a 3-epoch
     * schedule, trained 6 epochs on 500 digits: every held-out code has exactly 25 non-zero values, and the
     * loss fell.
     */
    @Test
    void trainedModelHasExactlyKNonZeroCodes() {
        List<LayerSpec> encoder = List.of(new DenseSpec(100, Activation.IDENTITY));
        ModelSpec spec = ModelSpec.of("k-sparse", encoder, ModelSpec.mirrorDecoder(encoder, 784, Activation.SIGMOID),
                ReconstructionLoss.MSE).with(new KSparseSpec(25, 3)).with(TiedWeightsSpec.ON)
                .withOptimizer(OptimizerSpec.adam(3e-3))
                .withTraining(TrainingSpec.defaults().withEpochs(6).withBatchSize(50).withSeed(3));
        Autoencoder model = ModelBuilder.build(spec, Shape.vector(784));
        int[] trainingKs = new int[6];
        KSparseLayer layer = (KSparseLayer) model.layers().stream().filter(l -> l instanceof KSparseLayer)
                .findFirst().orElseThrow();
        TrainingResult result = new Trainer(model, COMPUTE).fit(SmallData.mnist(0, 500), 500, null, 0,
                new TrainingControl(), new TrainingListener() {
                    @Override
                    public void onEpoch(EpochSnapshot s) {
                        trainingKs[s.epoch()] = layer.trainingK();
                    }
                });
        assertArrayEquals(new int[] {100, 75, 50, 25, 25, 25}, trainingKs);
        double first = result.history().get(0).train().total();
        double last = result.last().train().total();
        assertTrue(last < first, "loss " + first + " -> " + last);

        int n = 200;
        float[] codes = model.encode(COMPUTE, SmallData.mnist(6000, n), n);
        for (int b = 0; b < n; b++) {
            assertEquals(25, nonZero(Arrays.copyOfRange(codes, b * 100, (b + 1) * 100), 100), "sample " + b);
        }
        System.out.printf("k-sparse: loss %.2f -> %.2f; all %d held-out codes have exactly 25 non-zeros%n", first, last, n);
    }

    private static int nonZero(float[] v, int n) {
        int c = 0;
        for (int i = 0; i < n; i++) {
            if (v[i] != 0f) {
                c++;
            }
        }
        return c;
    }
}
