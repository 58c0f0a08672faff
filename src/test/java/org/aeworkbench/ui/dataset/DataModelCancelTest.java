package org.aeworkbench.ui.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.engine.tensor.Shape;
import org.aeworkbench.ui.common.FxThread;
import org.aeworkbench.ui.common.Jobs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Cancelling a data load, by the user or by loading another set, leaves the data that was
 * current. The sources "slow" and "stubborn" block inside the loader until the test lets them go.
 */
class DataModelCancelTest {

    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch interrupted = new CountDownLatch(1);
    private final CountDownLatch returned = new CountDownLatch(1);
    private final Jobs jobs = new Jobs();
    private final DataModel model = new DataModel(jobs, this::load);

    @BeforeAll
    static void fx() throws Exception {
        FxThread.start();
    }

    private static PreparedData data(String source) {
        return PreparedData.of(DataReference.of(source), new Dataset(source, Shape.vector(2), new float[] {0, 1, 1, 0},
                null, List.of(), source));
    }

    /** "slow" waits for {@link #release} and stops when interrupted; "stubborn" waits and ignores interrupts. */
    private PreparedData load(DataReference ref) {
        String source = ref.source();
        if (!source.equals("slow") && !source.equals("stubborn")) {
            return data(source);
        }
        try {
            started.countDown();
            while (true) {
                try {
                    release.await();
                    return data(source);
                } catch (InterruptedException e) {
                    interrupted.countDown();
                    if (source.equals("slow")) {
                        throw new CancellationException("cancelled"); // as the real loaders do
                    }
                }
            }
        } finally {
            returned.countDown();
        }
    }

    private PreparedData loaded(String source) throws Exception {
        FxThread.run(() -> model.load(DataReference.of(source), null, null, null));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> model.current() != null && model.current().reference().source().equals(source));
        return model.current();
    }

    @Test
    void aLoadTheUserCancelsStopsItsWorkAndKeepsTheCurrentData() throws Exception {
        PreparedData before = loaded("mnist");
        AtomicBoolean done = new AtomicBoolean();
        AtomicBoolean cancelled = new AtomicBoolean();
        FxThread.run(() -> model.load(DataReference.of("slow"), d -> done.set(true), msg -> done.set(true),
                () -> cancelled.set(true)));
        FxThread.await(started, "the load to start");
        assertEquals("Loading slow", FxThread.call(() -> jobs.newestTitle().get()));
        assertTrue(FxThread.call(jobs::cancelNewest));
        FxThread.await(interrupted, "the loader to see the interrupt");
        FxThread.await(returned, "the loader to stop");
        FxThread.settle();
        assertTrue(cancelled.get());
        assertFalse(done.get(), "neither done nor failed runs for a cancelled load");
        assertSame(before, model.current());
        assertTrue(FxThread.call(() -> jobs.running().isEmpty()));
    }

    @Test
    void loadingAnotherSetCancelsTheSlowLoadAndItsLateResultIsDropped() throws Exception {
        FxThread.run(() -> model.load(DataReference.of("stubborn"), null, null, null));
        FxThread.await(started, "the slow load to start");
        PreparedData newer = loaded("newer");
        FxThread.await(interrupted, "the slow load to be cancelled");
        release.countDown(); // it ignored the interrupt and finishes after all
        FxThread.await(returned, "the slow load to return");
        FxThread.settle();
        assertSame(newer, model.current(), "the newer data stays");
    }

    @Test
    void dataSetDirectlyCancelsALoadStillRunning() throws Exception {
        FxThread.run(() -> model.load(DataReference.of("stubborn"), null, null, null));
        FxThread.await(started, "the slow load to start");
        PreparedData opened = data("from a project");
        FxThread.run(() -> model.set(opened));
        FxThread.await(interrupted, "the slow load to be cancelled");
        release.countDown();
        FxThread.await(returned, "the slow load to return");
        FxThread.settle();
        assertSame(opened, model.current());
    }
}
