package org.aeworkbench.ui.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.aeworkbench.engine.model.LossTerms;
import org.aeworkbench.ui.run.TrainingUpdate.BatchPoint;
import org.junit.jupiter.api.Test;

class HandOffTest {

    private static BatchPoint point(double x) {
        return new BatchPoint(x, LossTerms.of(1.0, java.util.Map.of()));
    }

    @Test
    void aBurstWithinAFrameIsDeliveredOnceAndWhole() throws Exception {
        BlockingQueue<Runnable> fx = new LinkedBlockingQueue<>();
        AtomicReference<HandOff> self = new AtomicReference<>();
        List<HandOff.Drained> drained = new java.util.ArrayList<>();
        HandOff h = new HandOff(50, fx::add, () -> drained.add(self.get().drain()));
        self.set(h);
        for (int i = 0; i < 100; i++) {
            h.batch(point(i), null, null);
        }
        Runnable task = fx.poll(5, TimeUnit.SECONDS);
        assertTrue(task != null, "nothing was posted to the UI thread");
        Thread.sleep(200);
        assertNull(fx.poll(), "a burst is posted once");
        task.run();
        assertEquals(1, drained.size());
        assertEquals(100, drained.get(0).batches().size());
        h.close();
    }

    @Test
    void whatArrivesWhileAPostWaitsIsTakenByThatPost() throws Exception {
        BlockingQueue<Runnable> fx = new LinkedBlockingQueue<>();
        AtomicReference<HandOff> self = new AtomicReference<>();
        AtomicInteger delivered = new AtomicInteger();
        HandOff h = new HandOff(20, fx::add, () -> delivered.addAndGet(self.get().drain().batches().size()));
        self.set(h);
        h.batch(point(0), null, null);
        Runnable first = fx.poll(5, TimeUnit.SECONDS);
        // The UI thread is busy: more arrives, the timer fires again and finds the post pending.
        h.batch(point(1), null, null);
        Thread.sleep(200);
        assertNull(fx.poll(), "a second post while the first has not run");
        first.run();
        assertEquals(2, delivered.get(), "the pending post drained what arrived after it was posted");
        // And after it, new points are posted again.
        h.batch(point(2), null, null);
        Runnable next = fx.poll(5, TimeUnit.SECONDS);
        assertTrue(next != null);
        next.run();
        assertEquals(3, delivered.get());
        h.close();
    }

    /**
     * The hand-off's timer once ran for as long as the JVM did and kept whatever its deliverer
     * reached (a whole window with its data) alive after the window had closed.
     */
    @Test
    void anIdleHandOffKeepsNothingAlive() throws Exception {
        WeakReference<Object> window = usedOnceAndDropped(new LinkedBlockingQueue<>());
        for (int i = 0; i < 50 && window.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertNull(window.get(), "an idle hand-off nobody refers to still holds what its deliverer reaches");
    }

    /** A hand-off whose deliverer reaches a "window", used for one delivery; only the window's weak reference is returned. */
    private static WeakReference<Object> usedOnceAndDropped(BlockingQueue<Runnable> fx) throws InterruptedException {
        Object window = new Object[] {new byte[1 << 20]};
        AtomicReference<HandOff> self = new AtomicReference<>();
        HandOff h = new HandOff(10, fx::add, () -> {
            self.get().drain();
            window.hashCode();
        });
        self.set(h);
        h.batch(point(0), null, null);
        fx.poll(5, TimeUnit.SECONDS).run();
        return new WeakReference<>(window);
    }
}
