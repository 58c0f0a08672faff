package org.aeworkbench.analysis.anomaly;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.aeworkbench.analysis.ranking.Auroc;
import org.aeworkbench.data.DataException;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.loss.ReconstructionLoss;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.DenseSpec;
import org.aeworkbench.engine.model.LayerSpec;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.TrainingSpec;
import org.aeworkbench.engine.model.VariationalSpec;
import org.aeworkbench.engine.optim.OptimizerSpec;
import org.aeworkbench.engine.tensor.Shape;
import org.aeworkbench.engine.train.TrainingControl;
import org.aeworkbench.engine.train.TrainingListener;
import org.aeworkbench.engine.train.TrainingResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class AnomalyDetectionTest {

    private static final Compute COMPUTE = Compute.create(Backend.AUTO, 2);
    static final int D = 12;

    @AfterAll
    static void close() {
        COMPUTE.close();
    }

    /**
     * Three classes in 12-D: class 0 lies on a 2-D plane through the origin (plus noise of 0.01),
     * class 1 is spread in every direction, class 2 lies on the same plane as class 0. A detector
     * trained on class 0 should find class 1 and cannot tell class 2 from normal.
     */
    static Dataset planes(int perClass, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 3 * perClass;
        float[] x = new float[n * D];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            labels[i] = c;
            double a = r.nextGaussian();
            double b = r.nextGaussian();
            for (int j = 0; j < D; j++) {
                double onPlane = a * Math.sin(j + 1) + b * Math.cos(2 * j);
                x[i * D + j] = (float) (c == 1 ? r.nextGaussian() : onPlane + 0.01 * r.nextGaussian());
            }
        }
        return new Dataset("planes", Shape.vector(D), x, labels, List.of("plane", "cloud", "also plane"), "test");
    }

    static ModelSpec linear(int code, int epochs) {
        List<LayerSpec> encoder = List.of(new DenseSpec(code, Activation.IDENTITY));
        return ModelSpec.of("linear", encoder, ModelSpec.mirrorDecoder(encoder, D, Activation.IDENTITY), ReconstructionLoss.MSE)
                .withOptimizer(OptimizerSpec.adam(1e-2))
                .withTraining(TrainingSpec.defaults().withEpochs(epochs).withBatchSize(32).withSeed(3));
    }

    @Test
    void trainsOnNormalSamplesOnlyAndFindsTheAnomaliesOffTheirPlane() {
        Dataset train = planes(200, 1);
        Dataset test = planes(100, 2);
        AnomalySplit split = AnomalySplit.of(train, test, NormalClasses.parse("plane", train.classNames()));
        assertEquals(200, split.trainNormal().samples());
        for (int l : split.trainNormal().labels()) {
            assertEquals(0, l);
        }
        assertEquals(200, split.anomalies());
        assertEquals(2 / 3.0, split.anomalyFraction(), 1e-12);

        Autoencoder model = ModelBuilder.build(linear(2, 30), Shape.vector(D));
        TrainingResult t = AnomalyDetection.train(model, split, COMPUTE, new TrainingControl(), TrainingListener.NONE);
        assertEquals(TrainingResult.Status.COMPLETED, t.status());
        AnomalyResult r = AnomalyDetection.score(model, split, AnomalyScore.RECON, COMPUTE);

        assertEquals(2, r.pcaComponents());
        // The summaries are the ranking measures of the scores against the anomaly flags.
        assertEquals(Auroc.of(r.ae().scores(), split.anomalous()), r.ae().summary().auroc(), 0.0);
        assertEquals(Auroc.of(r.pca().scores(), split.anomalous()), r.pca().summary().auroc(), 0.0);
        ClassScores plane = r.perClass().get(0);
        ClassScores cloud = r.perClass().get(1);
        ClassScores alsoPlane = r.perClass().get(2);
        assertTrue(plane.normal() && !cloud.normal() && !alsoPlane.normal());
        assertTrue(Double.isNaN(plane.aeAuroc()));
        // PCA's plane is the normal class's own: the cloud is found perfectly, the other plane not at all.
        assertEquals(1.0, cloud.pcaAuroc(), 0.0);
        assertEquals(0.5, alsoPlane.pcaAuroc(), 0.15);
        assertTrue(cloud.aeAuroc() > 0.99, "autoencoder on the cloud: " + cloud.aeAuroc());
        assertEquals(0.5, alsoPlane.aeAuroc(), 0.15);
        assertTrue(cloud.aeMeanScore() > 10 * plane.aeMeanScore(), cloud + " vs " + plane);
        assertEquals(100, cloud.samples());
        // A class's AUROC is the AUROC on its samples and the normal ones only.
        boolean[] keep = new boolean[test.samples()];
        int m = 0;
        for (int i = 0; i < keep.length; i++) {
            keep[i] = test.labels()[i] != 2;
            m += keep[i] ? 1 : 0;
        }
        double[] s = new double[m];
        boolean[] y = new boolean[m];
        for (int i = 0, k = 0; i < keep.length; i++) {
            if (keep[i]) {
                s[k] = r.ae().scores()[i];
                y[k++] = test.labels()[i] == 1;
            }
        }
        assertEquals(Auroc.of(s, y), cloud.aeAuroc(), 0.0);
    }

    @Test
    void theElboScoreIsTheVaesNegativeElboAndIsRefusedForOtherDesignsBeforeTraining() {
        Dataset train = planes(60, 4);
        AnomalySplit split = AnomalySplit.of(train, planes(30, 5), NormalClasses.parse("0", train.classNames()));
        Autoencoder plain = ModelBuilder.build(linear(2, 1), Shape.vector(D));
        var e = assertThrows(IllegalArgumentException.class, () -> AnomalyDetection.checkScore(plain, AnomalyScore.ELBO));
        assertTrue(e.getMessage().contains("--score elbo needs a variational design"), e.getMessage());

        List<LayerSpec> encoder = List.of(new DenseSpec(8, Activation.TANH), new DenseSpec(2, Activation.IDENTITY));
        ModelSpec vae = ModelSpec.of("vae", encoder, ModelSpec.mirrorDecoder(encoder, D, Activation.IDENTITY), ReconstructionLoss.MSE)
                .with(new VariationalSpec(1.0)).withTraining(TrainingSpec.defaults().withEpochs(2).withSeed(1));
        Autoencoder model = ModelBuilder.build(vae, Shape.vector(D));
        AnomalyDetection.train(model, split, COMPUTE, new TrainingControl(), TrainingListener.NONE);
        AnomalyResult r = AnomalyDetection.score(model, split, AnomalyScore.ELBO, COMPUTE);
        assertArrayEquals(model.sampleLosses(COMPUTE, split.test().values(), split.test().samples()).negativeElbo(),
                r.ae().scores(), 0.0);
        assertEquals(2, r.pcaComponents());
    }

    @Test
    void refusesWhatCannotBeMeasuredSayingWhich() {
        Dataset train = planes(10, 6);
        Dataset test = planes(5, 7);
        // Fewer than two normal training samples.
        Dataset one = train.subset(new int[] {0, 1, 2, 4}, "tiny");
        var e = assertThrows(DataException.class, () -> AnomalySplit.of(one, test, NormalClasses.parse("0", one.classNames())));
        assertTrue(e.getMessage().startsWith("the normal set (plane) has 1 training sample;"), e.getMessage());
        // A test set with no anomalies, and one with no normal samples.
        Dataset planesOnly = test.subset(new int[] {0, 3, 6}, "only planes");
        e = assertThrows(DataException.class, () -> AnomalySplit.of(train, planesOnly, NormalClasses.parse("0", train.classNames())));
        assertTrue(e.getMessage().startsWith("the test set has no anomalies"), e.getMessage());
        e = assertThrows(DataException.class, () -> AnomalySplit.of(train, planesOnly, NormalClasses.parse("1,2", train.classNames())));
        assertTrue(e.getMessage().startsWith("the test set has no normal samples"), e.getMessage());
    }

    @Test
    void withoutLabelsEverySampleTrainsAndScoresButNothingIsMeasured() {
        Dataset labelled = planes(40, 8);
        Dataset train = new Dataset("unlabelled", labelled.sampleShape(), labelled.values(), null, List.of(), "test");
        Dataset test = new Dataset("unlabelled test", labelled.sampleShape(), planes(10, 9).values(), null, List.of(), "test");
        AnomalySplit split = AnomalySplit.of(train, test, NormalClasses.parse("all", List.of()));
        assertFalse(split.labelled());
        assertEquals(120, split.trainNormal().samples());
        Autoencoder model = ModelBuilder.build(linear(2, 1), Shape.vector(D));
        AnomalyDetection.train(model, split, COMPUTE, new TrainingControl(), TrainingListener.NONE);
        AnomalyResult r = AnomalyDetection.score(model, split, AnomalyScore.RECON, COMPUTE);
        assertEquals(30, r.ae().scores().length);
        assertNull(r.ae().summary());
        assertNull(r.pca().sweep());
        assertTrue(r.perClass().isEmpty());
        assertTrue(Double.isNaN(split.anomalyFraction()));
        var e = assertThrows(DataException.class, () -> AnomalySplit.of(train, test, NormalClasses.only(0, List.of("a"))));
        assertTrue(e.getMessage().contains("no labels"), e.getMessage());
    }

    @Test
    void testLabelsFromAnotherFileAreMatchedToTheTrainingClassesByName() {
        float[] x = new float[4 * D];
        Dataset train = new Dataset("train", Shape.vector(D), x, new int[] {0, 1, 2, 0}, List.of("cat", "dog", "fox"), "test");
        // The test file has no dog, so its own numbering makes fox class 1.
        Dataset test = new Dataset("test", Shape.vector(D), new float[3 * D], new int[] {0, 1, 1}, List.of("cat", "fox"), "test");
        Dataset aligned = AnomalySplit.withClassesOf(train, test);
        assertArrayEquals(new int[] {0, 2, 2}, aligned.labels());
        assertEquals(train.classNames(), aligned.classNames());
        AnomalySplit split = AnomalySplit.of(train, test, NormalClasses.parse("cat,dog", train.classNames()));
        assertArrayEquals(new boolean[] {false, true, true}, split.anomalous());
        // A class only the test set has is appended, and is an anomaly.
        Dataset wolf = new Dataset("test", Shape.vector(D), new float[2 * D], new int[] {0, 1}, List.of("cat", "wolf"), "test");
        assertEquals(List.of("cat", "dog", "fox", "wolf"), AnomalySplit.withClassesOf(train, wolf).classNames());
        assertArrayEquals(new boolean[] {false, true}, AnomalySplit.of(train, wolf, NormalClasses.parse("cat", train.classNames())).anomalous());
    }
}
