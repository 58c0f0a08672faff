package org.aeworkbench.analysis.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.aeworkbench.data.DataException;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.tensor.Shape;
import org.aeworkbench.engine.train.TrainingControl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class OneClassProtocolTest {

    private static final Compute COMPUTE = Compute.create(Backend.AUTO, 2);

    @AfterAll
    static void close() {
        COMPUTE.close();
    }

    private static OneClassProtocol.Result run(Dataset train, Dataset test, List<String> heard) {
        var spec = AnomalyDetectionTest.linear(2, 5);
        return OneClassProtocol.run(OneClassProtocol.splits(train, test),
                () -> ModelBuilder.build(spec, Shape.vector(AnomalyDetectionTest.D)), AnomalyScore.RECON, COMPUTE,
                new TrainingControl(), new OneClassProtocol.Progress() {
                    @Override
                    public org.aeworkbench.engine.train.TrainingListener starting(int index, int of, String name) {
                        heard.add(index + "/" + of + " " + name);
                        return org.aeworkbench.engine.train.TrainingListener.NONE;
                    }
                });
    }

    @Test
    void eachClassIsNormalInTurnAndTheMeanIsOverClasses() {
        Dataset train = AnomalyDetectionTest.planes(60, 1);
        Dataset test = AnomalyDetectionTest.planes(30, 2);
        List<String> heard = new ArrayList<>();
        OneClassProtocol.Result r = run(train, test, heard);
        assertNull(r.stopped());
        assertEquals(List.of("0/3 plane", "1/3 cloud", "2/3 also plane"), heard);
        assertEquals(3, r.runs().size());
        for (int c = 0; c < 3; c++) {
            OneClassProtocol.ClassRun run = r.runs().get(c);
            assertEquals(c, run.label());
            assertEquals(60, run.trainSamples());
            assertEquals(90, run.testSamples());
        }
        assertEquals(1.0 / 3 * (r.runs().get(0).ae().auroc() + r.runs().get(1).ae().auroc() + r.runs().get(2).ae().auroc()),
                r.mean().aeAuroc(), 1e-12);
        assertEquals(1.0 / 3 * (r.runs().get(0).pca().averagePrecision() + r.runs().get(1).pca().averagePrecision()
                + r.runs().get(2).pca().averagePrecision()), r.mean().pcaAuprc(), 1e-12);
        // With the plane normal, PCA's plane is exact: the cloud (half the test set's anomalies) is found.
        assertTrue(r.runs().get(0).pca().auroc() > 0.7, r.runs().get(0).toString());

        // The same seed gives the same figures, bit for bit.
        OneClassProtocol.Result again = run(train, test, new ArrayList<>());
        assertEquals(r.mean(), again.mean());
    }

    @Test
    void refusesUnlabelledDataAndAClassTooSmallBeforeTraining() {
        Dataset train = AnomalyDetectionTest.planes(10, 3);
        Dataset test = AnomalyDetectionTest.planes(5, 4);
        Dataset unlabelled = new Dataset("u", train.sampleShape(), train.values(), null, List.of(), "test");
        var e = assertThrows(DataException.class, () -> OneClassProtocol.splits(unlabelled, test));
        assertTrue(e.getMessage().contains("needs labelled training and test data"), e.getMessage());
        Dataset oneCloud = train.subset(new int[] {0, 1, 2, 3, 5, 6, 8}, "one cloud"); // labels 0 1 2 0 2 0 2
        e = assertThrows(DataException.class, () -> OneClassProtocol.splits(oneCloud, test));
        assertTrue(e.getMessage().startsWith("the normal set (cloud) has 1 training sample"), e.getMessage());
    }
}
