package org.aeworkbench.engine.variant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.aeworkbench.engine.model.SparsitySpec;
import org.aeworkbench.engine.model.TrainingSpec;
import org.aeworkbench.engine.optim.OptimizerSpec;
import org.aeworkbench.engine.tensor.Shape;
import org.aeworkbench.engine.train.Trainer;
import org.aeworkbench.engine.train.TrainingControl;
import org.aeworkbench.engine.train.TrainingListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class SparsityPenaltyTest {

    private static final Compute COMPUTE = Compute.create(Backend.AUTO, 2);

    @AfterAll
    static void close() {
        COMPUTE.close();
    }

    @Test
    void l1PenaltyIsTheWeightedMeanAbsoluteSumAndLeavesValuesAlone() {
        L1SparsityPenalty p = new L1SparsityPenalty(Shape.vector(3), 0.1);
        float[] h = {1, -2, 0, 0.5f, 0, 3};
        float[] out = p.forward(h, 2, Pass.inference(COMPUTE));
        assertSame(h, out);
        assertEquals(0.1 * (3 + 3.5) / 2, p.lastPenalty(), 1e-12);
        float[] g = p.backward(new float[6], 2, true);
        // weight * sign(h) / batch, 0 at h = 0
        assertArrayEquals(new float[] {0.05f, -0.05f, 0, 0.05f, 0, 0.05f}, g, 1e-7f);
    }

    @Test
    void l1GradientMatchesFiniteDifferences() {
        SplittableRandom random = new SplittableRandom(21);
        float[] h = FiniteDifference.uniform(random, 4 * 6, 0.1, 1);
        for (int i = 0; i < h.length; i += 2) {
            h[i] = -h[i]; // both signs, all at least 0.1 from the kink at 0
        }
        var result = new GradientCheck(COMPUTE, 1e-2, true, 1).check(new L1SparsityPenalty(Shape.vector(6), 0.3),
                h, 4, random, 1000);
        System.out.println("L1 sparsity: " + result);
        assertTrue(result.worst() < 1e-3, result.toString());
    }

    @Test
    void klPenaltyMatchesNgsFormulaOnAWorkedExample() {
        KlSparsityPenalty p = new KlSparsityPenalty(Shape.vector(2), 2.0, 0.1);
        p.forward(new float[] {0.2f, 0.6f, 0.4f, 0.2f}, 2, Pass.inference(COMPUTE));
        // rho_hat = (0.3, 0.4); 2 * [KL(0.1 || 0.3) + KL(0.1 || 0.4)], computed separately in double
        assertEquals(0.685221835542727, p.lastPenalty(), 1e-6);
        assertArrayEquals(new double[] {0.3, 0.4}, p.meanActivations(), 1e-7);
        float[] g = p.backward(new float[4], 2, true);
        // 2 * (-rho / rho_hat + (1 - rho) / (1 - rho_hat)) / batch, the same for both samples
        assertArrayEquals(new float[] {0.952381f, 1.25f, 0.952381f, 1.25f}, g, 1e-5f);
    }

    @Test
    void klGradientMatchesFiniteDifferences() {
        SplittableRandom random = new SplittableRandom(22);
        float[] h = FiniteDifference.uniform(random, 5 * 4, 0.1, 0.9);
        var result = new GradientCheck(COMPUTE, 1e-2, true, 1).check(new KlSparsityPenalty(Shape.vector(4), 0.7, 0.2),
                h, 5, random, 1000);
        System.out.println("KL sparsity: " + result);
        assertTrue(result.worst() < 1e-3, result.toString());
    }

    @Test
    void sparseModelsPassWholeModelGradientChecks() {
        List<LayerSpec> encoder = List.of(new DenseSpec(5, Activation.SIGMOID), new DenseSpec(3, Activation.TANH));
        ModelSpec base = ModelSpec.of("s", encoder, ModelSpec.mirrorDecoder(encoder, 6, Activation.SIGMOID),
                ReconstructionLoss.BCE);
        float[] x = FiniteDifference.uniform(new SplittableRandom(4), 4 * 6, 0, 1);
        // KL on the hidden sigmoid layer, L1 on the code
        for (SparsitySpec s : List.of(new SparsitySpec(SparsitySpec.Kind.KL, 0.5, 0.1, 0),
                new SparsitySpec(SparsitySpec.Kind.L1, 0.2, 0, -1))) {
            Autoencoder model = ModelBuilder.build(base.with(s), Shape.vector(6));
            assertEquals(1, model.layers().stream().filter(l -> l instanceof ActivityPenalty).count());
            var result = FiniteDifference.checkModel(model, COMPUTE, x, 4, 9, 3e-2, 1000);
            System.out.println(s.kind() + " sparse model: " + result);
            assertTrue(result.worst() < 1e-3, s.kind() + ": " + result);
        }
    }

    /**
     * A KL-sparse autoencoder (64 sigmoid units, rho = 0.05) on 600 MNIST digits for 40 epochs: the mean
     * activation of the code on 200 held-out digits ends within 0.025 of rho (measured 0.061), while the same
     * design without the penalty sits far above it (measured 0.81). beta is 30 rather than Ng's 3 because
     * our reconstruction loss is BCE summed over 784 pixels, far larger than his mean squared error.
     */
    @Test
    void klSparseCodeFiresAtAboutRho() {
        float[] train = SmallData.mnist(0, 600);
        float[] held = SmallData.mnist(5000, 200);
        double rho = 0.05;
        List<LayerSpec> encoder = List.of(new DenseSpec(64, Activation.SIGMOID));
        ModelSpec plain = ModelSpec.of("plain", encoder, ModelSpec.mirrorDecoder(encoder, 784, Activation.SIGMOID),
                ReconstructionLoss.BCE).withOptimizer(OptimizerSpec.adam(1e-2))
                .withTraining(TrainingSpec.defaults().withEpochs(40).withBatchSize(32).withSeed(1));
        ModelSpec sparse = plain.with(new SparsitySpec(SparsitySpec.Kind.KL, 30.0, rho, -1));
        double sparseMean = meanCode(sparse, train, 600, held, 200);
        double plainMean = meanCode(plain, train, 600, held, 200);
        System.out.printf("KL-sparse mean code activation %.4f (rho %.2f); without the penalty %.4f%n",
                sparseMean, rho, plainMean);
        assertEquals(rho, sparseMean, 0.025, "mean code activation");
        assertTrue(plainMean > 0.15, "without the penalty: " + plainMean);
    }

    private static double meanCode(ModelSpec spec, float[] train, int n, float[] held, int m) {
        Autoencoder model = ModelBuilder.build(spec, Shape.vector(784));
        new Trainer(model, COMPUTE).fit(train, n, null, 0, new TrainingControl(), TrainingListener.NONE);
        float[] codes = model.encode(COMPUTE, held, m);
        double s = 0;
        for (float v : codes) {
            s += v;
        }
        return s / codes.length;
    }
}
