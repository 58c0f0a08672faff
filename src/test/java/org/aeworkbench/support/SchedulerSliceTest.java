package org.aeworkbench.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A slice asked for reaches the thread that asks, the threads it then starts, and threads named,
 * and nothing else; the thread keeps its nice value. Each case runs on threads of its own, so the
 * test runner's threads keep theirs.
 */
class SchedulerSliceTest {

    private static final long SHORT = 100_000;

    /** Runs {@code body} on a new thread and rethrows what it threw. */
    private static void onNewThread(ThrowingRunnable body) throws Exception {
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                failed.set(e);
            }
        });
        t.start();
        t.join();
        if (failed.get() instanceof Exception e) {
            throw e;
        }
        if (failed.get() instanceof Error e) {
            throw e;
        }
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** Skips where the kernel keeps no slice per thread (before 6.12), off Linux, or without the foreign module. */
    private static void assumeSlicesPerThread() throws Exception {
        AtomicBoolean supported = new AtomicBoolean();
        onNewThread(() -> supported.set(SchedulerSlice.setCurrentThread(SHORT) && SchedulerSlice.ofCurrentThread() == SHORT));
        assumeTrue(supported.get(), "needs Linux 6.12 or later and the foreign module (the tests' command line has it)");
    }

    @Test
    void aThreadTakesItsSliceKeepsItsNiceValuePassesTheSliceOnAndGivesItBack() throws Exception {
        assumeSlicesPerThread();
        long mine = SchedulerSlice.ofCurrentThread();
        int myNice = ThreadNiceness.currentThreadNice();
        onNewThread(() -> {
            long before = SchedulerSlice.ofCurrentThread();
            assertNotEquals(SHORT, before, "a new thread of the runner has the default slice");
            int nice = ThreadNiceness.lowerCurrentThread(3);
            assertTrue(SchedulerSlice.setCurrentThread(SHORT));
            assertEquals(SHORT, SchedulerSlice.ofCurrentThread());
            assertEquals(nice, ThreadNiceness.currentThreadNice(), "the nice value stays");
            AtomicLong child = new AtomicLong();
            Thread c = new Thread(() -> child.set(SchedulerSlice.ofCurrentThread()));
            c.start();
            c.join();
            assertEquals(SHORT, child.get(), "a thread it starts inherits the slice");
            assertTrue(SchedulerSlice.setCurrentThread(0));
            assertEquals(before, SchedulerSlice.ofCurrentThread(), "0 gives back the default");
            assertEquals(nice, ThreadNiceness.currentThreadNice(), "the nice value stays");
        });
        assertEquals(mine, SchedulerSlice.ofCurrentThread(), "the caller's thread is untouched");
        assertEquals(myNice, ThreadNiceness.currentThreadNice());
    }

    @Test
    void threadsAreFoundByTheirKernelName() throws Exception {
        assumeSlicesPerThread();
        CountDownLatch named = new CountDownLatch(1);
        CountDownLatch read = new CountDownLatch(1);
        AtomicLong slice = new AtomicLong();
        AtomicLong other = new AtomicLong();
        Thread target = new Thread(() -> {
            try {
                named.await();
                slice.set(SchedulerSlice.ofCurrentThread());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ae-slice-target");
        Thread bystander = new Thread(() -> {
            try {
                read.await();
                other.set(SchedulerSlice.ofCurrentThread());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ae-slice-other");
        target.start();
        bystander.start();
        assertEquals(1, SchedulerSlice.setThreadsNamed(SHORT, "ae-slice-tar"));
        named.countDown();
        read.countDown();
        target.join();
        bystander.join();
        assertEquals(SHORT, slice.get());
        assertNotEquals(SHORT, other.get(), "a thread of another name keeps its slice");
    }
}
