package org.aeworkbench.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** For tests of the UI's models without a window: the FX thread, started headless once. */
public final class FxThread {

    private FxThread() {
    }

    public static void start() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /** Runs on the FX thread and waits for the result. */
    public static <T> T call(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    public static void run(Runnable r) throws Exception {
        call(() -> {
            r.run();
            return null;
        });
    }

    /** Waits for a latch the work under test counts down, failing rather than hanging. */
    public static void await(CountDownLatch latch, String what) throws InterruptedException {
        if (!latch.await(20, TimeUnit.SECONDS)) {
            throw new AssertionError("timed out waiting for " + what);
        }
    }

    /** Waits until the events posted to the FX thread so far have run. */
    public static void settle() {
        WaitForAsyncUtils.waitForFxEvents();
    }
}
