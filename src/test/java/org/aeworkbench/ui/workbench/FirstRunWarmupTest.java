package org.aeworkbench.ui.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FirstRunWarmupTest {

    @Test
    void itTrainsTheStandInsUntilItsBudgetEndsAndThenStops() throws Exception {
        FirstRunWarmup warmup = new FirstRunWarmup(2000);
        warmup.start();
        awaitFirstStep(warmup);
        assertItEnds(warmup, "its budget ended");
    }

    @Test
    void aRunStartingStopsItWithoutWaitingForItsBudget() throws Exception {
        FirstRunWarmup warmup = new FirstRunWarmup(600_000);
        warmup.start();
        awaitFirstStep(warmup);
        long asked = System.nanoTime();
        warmup.stop();
        assertItEnds(warmup, "a run started");
        assertTrue(System.nanoTime() - asked < 20_000_000_000L, "it ran on towards its ten-minute budget");
    }

    /** Waits up to 30 s for the warm-up's thread to end, then checks that the stand-ins took no more steps. */
    private static void assertItEnds(FirstRunWarmup warmup, String after) throws InterruptedException {
        warmup.join(30_000);
        long steps = warmup.steps();
        Thread.sleep(200);
        assertEquals(steps, warmup.steps(), "steps after " + after);
        assertFalse(warmup.alive(), "still warming after " + after);
    }

    @Test
    void aRunBeforeItBeginsMeansItNeverTrains() throws Exception {
        FirstRunWarmup warmup = new FirstRunWarmup(600_000);
        warmup.stop();
        warmup.start();
        warmup.join(30_000);
        assertEquals(0, warmup.steps());
    }

    @Test
    void aSecondStartDoesNotStartASecondWarmup() throws Exception {
        FirstRunWarmup warmup = new FirstRunWarmup(600_000);
        warmup.start();
        warmup.start();
        warmup.stop();
        warmup.join(30_000);
        assertEquals(1, warmup.timersStarted());
    }

    /** The warm-up's lookup may initialise each class a run's end would otherwise load on the FX thread. */
    @Test
    void itCanLoadTheClassesARunsEndLoads() {
        FirstRunWarmup.loadRunEndClasses();
        assertFalse(FirstRunWarmup.RUN_END_CLASSES.isEmpty());
    }

    private static void awaitFirstStep(FirstRunWarmup warmup) throws InterruptedException {
        long until = System.nanoTime() + 30_000_000_000L;
        while (warmup.steps() == 0 && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertTrue(warmup.steps() > 0, "the stand-ins took no step in 30 s");
    }
}
