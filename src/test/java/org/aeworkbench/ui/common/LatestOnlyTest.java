package org.aeworkbench.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class LatestOnlyTest {

    @BeforeAll
    static void toolkit() throws Exception {
        System.setProperty("headless.geometry", "1600x1000-32");
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aViewsThreadIsRunningBeforeItsFirstRequest() {
        var thread = LatestOnly.thread("latest-only-test");
        try {
            assertEquals(1, Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("latest-only-test")).count(),
                    "started with the executor, not from the FX thread at the first request");
        } finally {
            thread.shutdownNow();
        }
    }

    @Test
    void onlyTheNewestRequestRunsAndReachesTheFxThread() throws Exception {
        List<Runnable> queued = new ArrayList<>();
        LatestOnly latest = new LatestOnly(queued::add);
        List<String> ran = new ArrayList<>();
        List<String> done = new ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> {
            latest.run(() -> ran.add("a") ? "a" : "", done::add);
            latest.run(() -> ran.add("b") ? "b" : "", done::add);
        }).get();
        queued.forEach(Runnable::run); // the thread takes both: the first is stale before it begins
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("b"), ran);
        assertEquals(List.of("b"), done);

        // A request made after the work ran, before its result is handed over, drops the result.
        WaitForAsyncUtils.asyncFx(() -> latest.run(() -> "c", done::add)).get();
        WaitForAsyncUtils.asyncFx(() -> {
            queued.get(2).run(); // its result is posted behind this FX task
            latest.next();
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("b"), done);

        // A later FX step is dropped by a request made before it runs, and runs otherwise.
        WaitForAsyncUtils.asyncFx(() -> {
            latest.later(() -> done.add("dropped"));
            latest.next();
            latest.later(() -> done.add("d"));
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("b", "d"), done);
    }
}
