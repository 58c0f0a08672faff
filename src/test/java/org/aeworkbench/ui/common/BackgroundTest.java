package org.aeworkbench.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.concurrent.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Background tasks run on pooled threads: one after another on the same thread, named for the task, none interrupted by the one before. */
class BackgroundTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxThread.start(); // the tasks hand their results to the FX thread
    }

    @Test
    void aTaskAfterAnotherRunsOnItsThreadUnderItsOwnName() throws Exception {
        Thread first = runOne("first").get(20, TimeUnit.SECONDS);
        awaitIdle(first);
        assertEquals(Background.IDLE, first.getName());
        // The next task takes a waiting thread (the first's, or one another test's task left idle), none started for it.
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        Thread second = runOne("second").get(20, TimeUnit.SECONDS);
        assertTrue(before.contains(second), "the second task ran on a new thread, " + second);
    }

    @Test
    void aCancelledTasksInterruptDoesNotReachTheNextTask() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Thread[] ran = new Thread[1];
        CompletableFuture<Boolean> cancelled = new CompletableFuture<>();
        Task<Void> slow = FxThread.call(() -> Background.run("slow", () -> {
            ran[0] = Thread.currentThread();
            started.countDown();
            Thread.sleep(20_000);
            return null;
        }, v -> { }, m -> { }, () -> cancelled.complete(true)));
        FxThread.await(started, "the slow task");
        FxThread.run(() -> slow.cancel());
        assertTrue(cancelled.get(20, TimeUnit.SECONDS));
        awaitIdle(ran[0]);
        assertFalse(ran[0].isInterrupted(), "the cancelled task's thread waits uninterrupted");
        CompletableFuture<Boolean> interrupted = new CompletableFuture<>();
        CompletableFuture<Thread> on = new CompletableFuture<>();
        FxThread.run(() -> Background.run("next", () -> {
            on.complete(Thread.currentThread());
            return Thread.currentThread().isInterrupted();
        }, interrupted::complete, m -> interrupted.completeExceptionally(new AssertionError(m))));
        assertFalse(interrupted.get(20, TimeUnit.SECONDS), "the next task was interrupted");
        // The pool hands a task to the thread that waited last: the cancelled task's.
        assertSame(ran[0], on.get(), "on the cancelled task's thread");
    }

    /** Runs a task that reports its thread, after checking the thread carries the task's name. */
    private static CompletableFuture<Thread> runOne(String name) throws Exception {
        CompletableFuture<Thread> thread = new CompletableFuture<>();
        FxThread.run(() -> Background.run(name, () -> {
            Thread self = Thread.currentThread();
            assertEquals("ae-ui-" + name, self.getName());
            return self;
        }, thread::complete, m -> thread.completeExceptionally(new AssertionError(m))));
        return thread;
    }

    /** Waits until the thread is back in the pool (its task over, it renamed itself), waiting for its next task. */
    private static void awaitIdle(Thread t) throws InterruptedException {
        for (int i = 0; i < 400 && !(Background.IDLE.equals(t.getName()) && t.getState() == Thread.State.TIMED_WAITING); i++) {
            Thread.sleep(5);
        }
        assertEquals(Background.IDLE, t.getName(), "the thread's task is over");
        assertEquals(Thread.State.TIMED_WAITING, t.getState(), "the thread waits for its next task");
    }
}
