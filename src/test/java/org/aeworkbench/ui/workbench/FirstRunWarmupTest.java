package org.aeworkbench.ui.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
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

    /**
     * In a class loader of its own, where none of the workbench's classes ran yet, the warm-up
     * initialises each class a run would otherwise load and initialise on the FX thread.
     */
    @Test
    void itInitialisesTheClassesARunLoads() throws Exception {
        URL classes = FirstRunWarmup.class.getProtectionDomain().getCodeSource().getLocation();
        try (WorkbenchFirst fresh = new WorkbenchFirst(classes, getClass().getClassLoader())) {
            Class<?> warmup = Class.forName(FirstRunWarmup.class.getName(), true, fresh);
            Field field = warmup.getDeclaredField("RUN_CLASSES");
            field.setAccessible(true);
            @SuppressWarnings("unchecked")
            List<Class<?>> runClasses = (List<Class<?>>) field.get(null);
            assertFalse(runClasses.isEmpty());
            for (Class<?> c : runClasses) {
                assertSame(fresh, c.getClassLoader(), c + " comes from the fresh loader");
                assertFalse(initialised(c), c + " was initialised before the warm-up");
            }
            Method load = warmup.getDeclaredMethod("loadRunClasses");
            load.setAccessible(true);
            load.invoke(null);
            for (Class<?> c : runClasses) {
                assertTrue(initialised(c), c + " is left for the run");
            }
        }
    }

    /** The JDK's own answer (the one class initialisation asks), read without linking to it at compile time. */
    private static boolean initialised(Class<?> c) throws Exception {
        Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
        Field theUnsafe = unsafeClass.getDeclaredField("theUnsafe");
        theUnsafe.setAccessible(true);
        Object unsafe = theUnsafe.get(null);
        return !(Boolean) unsafeClass.getMethod("shouldBeInitialized", Class.class).invoke(unsafe, c);
    }

    /** Loads the workbench's own classes itself, from its classes directory, and everything else from its parent. */
    private static final class WorkbenchFirst extends URLClassLoader {

        WorkbenchFirst(URL classes, ClassLoader parent) {
            super(new URL[] {classes}, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("org.aeworkbench.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    c = findClass(name);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }

    private static void awaitFirstStep(FirstRunWarmup warmup) throws InterruptedException {
        long until = System.nanoTime() + 30_000_000_000L;
        while (warmup.steps() == 0 && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertTrue(warmup.steps() > 0, "the stand-ins took no step in 30 s");
    }
}
