package org.aeworkbench.engine.blas;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import jdk.incubator.foreign.CLinker;
import jdk.incubator.foreign.FunctionDescriptor;
import jdk.incubator.foreign.MemoryAddress;
import jdk.incubator.foreign.ResourceScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long OpenBLAS's idle workers spin before they sleep, set before the library loads.
 *
 * <p>A pthreads OpenBLAS worker that has finished its share of a product waits for the next one
 * in a loop of {@code sched_yield} calls for 2^28 TSC cycles (about 0.1 s) before it sleeps on a
 * condition variable. Training leaves it idle between products, while the engine's own thread
 * runs the element-wise half of a step and the window draws, so on two cores the spinning worker
 * takes turns with threads that have work. On this project's 2-core VM that made runs collapse
 * at random: 50 of 252 window-against-headless rounds over +30%, and runs 1.5-2.1x their usual
 * time with the workers' kernel time (the yields) at 2.1-3.5 s instead of about 1 s. With 2^20
 * cycles (about 0.4 ms) no round of 24 was over +30%, the workers' kernel time was 0.3-0.7 s a run,
 * and a {@code conv-ae} epoch went from 2,175-3,686 to 3,515-4,004 samples/s (docs/performance.md,
 * round fourteen).
 *
 * <p>OpenBLAS reads {@value #VARIABLE} once, when it loads, so the value is put in the process's
 * environment through libc's {@code setenv} before netlib opens the library; a value the user
 * set is kept. {@value #PROPERTY} gives another exponent (OpenBLAS accepts 4 to 30). Without the
 * foreign linker nothing changes. libc's {@code setenv} may move the table a concurrent
 * {@code getenv} reads, so it runs once, while nothing native reads the environment: on the command
 * line's main thread before any work, and in the window from the loader thread the FX thread waits
 * for ({@code BackgroundPriority.loadNativeBlas}). Java's own {@code System.getenv} reads a copy.
 */
final class OpenBlasIdleSpin {

    static final String VARIABLE = "OPENBLAS_THREAD_TIMEOUT";
    static final String PROPERTY = "aeworkbench.blasIdleSpin";
    /**
     * 2^20 cycles, about 0.4 ms at 2.6 GHz. 2^16 measured the same here; the longer spin is kept for
     * machines where a sleep and wake-up per product would show (not measured).
     */
    static final int DEFAULT_EXPONENT = 20;

    private static final Logger LOG = LoggerFactory.getLogger(OpenBlasIdleSpin.class);
    private static boolean done;

    private OpenBlasIdleSpin() {
    }

    /** Sets the variable for the library about to load, once per JVM; a value already set wins. */
    static synchronized void beforeLoad() {
        if (done) {
            return;
        }
        done = true;
        String exponent = exponent(System.getProperty(PROPERTY));
        try {
            Linked.setenv(VARIABLE, exponent);
        } catch (Throwable t) {
            LOG.debug("could not set {} ({}); OpenBLAS keeps its own idle spin", VARIABLE, t.toString());
        }
    }

    /** The exponent to set: the property's when it is a whole number from 4 to 30, else the default. */
    static String exponent(String property) {
        if (property == null || property.isBlank()) {
            return Integer.toString(DEFAULT_EXPONENT);
        }
        try {
            int e = Integer.parseInt(property.trim());
            if (e >= 4 && e <= 30) {
                return Integer.toString(e);
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        LOG.warn("-D{}={} is not a whole number from 4 to 30; using {}", PROPERTY, property, DEFAULT_EXPONENT);
        return Integer.toString(DEFAULT_EXPONENT);
    }

    /** The variable as the C library sees it now (System.getenv keeps the JVM's start-up copy), or null. */
    static String current() {
        try {
            return Linked.getenv(VARIABLE);
        } catch (Throwable t) {
            return null;
        }
    }

    /** Touches the foreign-linker classes only when called, so a JVM without the module still loads the outer class. */
    private static final class Linked {

        static final MethodHandle SETENV;
        static final MethodHandle GETENV;

        static {
            CLinker c = CLinker.getInstance();
            var libc = CLinker.systemLookup();
            SETENV = c.downcallHandle(libc.lookup("setenv").orElseThrow(),
                    MethodType.methodType(int.class, MemoryAddress.class, MemoryAddress.class, int.class),
                    FunctionDescriptor.of(CLinker.C_INT, CLinker.C_POINTER, CLinker.C_POINTER, CLinker.C_INT));
            GETENV = c.downcallHandle(libc.lookup("getenv").orElseThrow(),
                    MethodType.methodType(MemoryAddress.class, MemoryAddress.class),
                    FunctionDescriptor.of(CLinker.C_POINTER, CLinker.C_POINTER));
        }

        static void setenv(String name, String value) throws Throwable {
            try (ResourceScope scope = ResourceScope.newConfinedScope()) {
                int rc = (int) SETENV.invokeExact(CLinker.toCString(name, scope).address(),
                        CLinker.toCString(value, scope).address(), 0); // 0: a value already there is kept
                if (rc != 0) {
                    throw new IllegalStateException("setenv returned " + rc);
                }
            }
        }

        static String getenv(String name) throws Throwable {
            try (ResourceScope scope = ResourceScope.newConfinedScope()) {
                MemoryAddress value = (MemoryAddress) GETENV.invokeExact(CLinker.toCString(name, scope).address());
                return value.equals(MemoryAddress.NULL) ? null : CLinker.toJavaString(value);
            }
        }
    }
}
