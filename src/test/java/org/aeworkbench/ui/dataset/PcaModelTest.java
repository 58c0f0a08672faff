package org.aeworkbench.ui.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.engine.tensor.Shape;
import org.aeworkbench.ui.common.FxThread;
import org.aeworkbench.ui.common.Jobs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The PCA baseline follows the newest data: a cancelled fit leaves the previous one, and a slow
 * fit for older data never overwrites the fit of newer data. Fits of {@link #SLOW} block inside
 * the fitter until the test lets them go; the others are real fits.
 */
class PcaModelTest {

    private static final PreparedData FAST = data("fast", 1);
    private static final PreparedData SLOW = data("slow", 2);
    private static final PreparedData NEWER = data("newer", 3);

    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch interrupted = new CountDownLatch(1);
    private final CountDownLatch returned = new CountDownLatch(1);
    private final Jobs jobs = new Jobs();
    private volatile boolean stubborn;
    private final PcaModel model = new PcaModel(jobs, this::fit);

    @BeforeAll
    static void fx() throws Exception {
        FxThread.start();
    }

    private static PreparedData data(String name, long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        float[] v = new float[40 * 3];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextDouble();
        }
        return PreparedData.of(DataReference.of(name), new Dataset(name, Shape.vector(3), v, null, List.of(), name));
    }

    private PcaModel.Fitted fit(PreparedData data, int k, double validationFraction, long seed) {
        if (data != SLOW) {
            return PcaModel.fit(data, k, validationFraction, seed);
        }
        try {
            started.countDown();
            while (true) {
                try {
                    release.await();
                    return PcaModel.fit(data, k, validationFraction, seed);
                } catch (InterruptedException e) {
                    interrupted.countDown();
                    if (!stubborn) {
                        throw new CancellationException("PCA fit cancelled"); // as Pca.fit does
                    }
                }
            }
        } finally {
            returned.countDown();
        }
    }

    private void fitted(PreparedData data) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.fitted() != null && model.fitted().data() == data);
    }

    @Test
    void aFitTheUserCancelsLeavesThePreviousFitAndALaterRequestFitsAgain() throws Exception {
        FxThread.run(() -> model.ensure(FAST, 2, 0.1, 42));
        fitted(FAST);
        PcaModel.Fitted before = model.fitted();
        FxThread.run(() -> model.ensure(SLOW, 2, 0.1, 42));
        FxThread.await(started, "the slow fit to start");
        assertEquals("Fitting PCA", FxThread.call(() -> jobs.newestTitle().get()));
        assertTrue(FxThread.call(jobs::cancelNewest));
        FxThread.await(interrupted, "the fit to see the interrupt");
        FxThread.await(returned, "the fit to stop");
        FxThread.settle();
        assertSame(before, model.fitted(), "the previous PCA stays");

        release.countDown();
        FxThread.run(() -> model.ensure(SLOW, 2, 0.1, 42));
        fitted(SLOW);
    }

    @Test
    void aSlowFitForOldDataNeverOverwritesTheFitForNewerData() throws Exception {
        stubborn = true; // like the eigendecomposition, which cannot be stopped once it runs
        FxThread.run(() -> model.ensure(SLOW, 2, 0.1, 42));
        FxThread.await(started, "the slow fit to start");
        FxThread.run(() -> model.ensure(NEWER, 2, 0.1, 42));
        fitted(NEWER);
        PcaModel.Fitted newer = model.fitted();
        FxThread.await(interrupted, "the slow fit to be cancelled");
        release.countDown();
        FxThread.await(returned, "the slow fit to finish");
        FxThread.settle();
        assertSame(newer, model.fitted());
    }
}
