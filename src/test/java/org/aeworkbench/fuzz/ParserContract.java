package org.aeworkbench.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;

/**
 * What every parser promises on any input, checked by the fuzz tests: it returns a value or
 * refuses with its documented exception carrying a message for the user; it never throws
 * anything else (that propagates and the fuzzer reports it), and it never allocates far beyond
 * what the input can justify, so a header claiming 10^9 samples is refused rather than obeyed.
 *
 * <p>Allocation is measured per thread by the JVM (HotSpot's {@code getThreadAllocatedBytes}),
 * which counts every byte allocated whether or not it was collected since, so the check does not
 * depend on when the garbage collector runs. Hangs are caught by each fuzz test's {@code @Timeout},
 * which Jazzer also applies to every input while fuzzing.
 */
final class ParserContract {

    /** Room for class loading, JIT-cold paths and the parser's fixed buffers. */
    static final long BASE_ALLOWANCE = 64L << 20;

    private static final com.sun.management.ThreadMXBean THREADS = threads();
    private static final ClassLoadingMXBean CLASSES = ManagementFactory.getClassLoadingMXBean();

    /** A parse that may throw anything. */
    @FunctionalInterface
    interface Parse<T> {
        T run() throws Exception;
    }

    private ParserContract() {
    }

    /**
     * Runs {@code parse}; returns its value, or null when it refused with {@code refusal}.
     *
     * @param bytesPerInputByte how many bytes the parser may allocate per byte of input on top of
     *                          {@link #BASE_ALLOWANCE} (e.g. 4 for bytes widened to floats, more for
     *                          compressed input)
     */
    static <T> T parse(byte[] input, Class<? extends RuntimeException> refusal, long bytesPerInputByte,
                       Parse<T> parse) throws Exception {
        Attempt<T> attempt = attempt(refusal, parse);
        if (attempt.loadedClasses()) {
            // Loading (and Jazzer instrumenting) classes allocates on this thread too; the parse is
            // deterministic, so measure it again with everything loaded.
            attempt = attempt(refusal, parse);
        }
        long limit = BASE_ALLOWANCE + bytesPerInputByte * input.length;
        assertTrue(attempt.allocated() <= limit, "allocated " + attempt.allocated() + " bytes for "
                + input.length + " bytes of input (limit " + limit + ")");
        return attempt.result();
    }

    /** One run of the parse: its value (null when refused), bytes allocated, whether classes loaded. */
    private record Attempt<T>(T result, long allocated, boolean loadedClasses) {
    }

    private static <T> Attempt<T> attempt(Class<? extends RuntimeException> refusal, Parse<T> parse)
            throws Exception {
        long classes = CLASSES.getTotalLoadedClassCount();
        long before = allocatedBytes();
        T result;
        try {
            result = parse.run();
            assertNotNull(result, "a parser returns a value or refuses, never null");
        } catch (RuntimeException e) {
            if (!refusal.isInstance(e)) {
                throw e;
            }
            assertNotNull(e.getMessage(), "a refusal carries a message");
            assertFalse(e.getMessage().isBlank(), "a refusal carries a message");
            result = null;
        }
        long allocated = allocatedBytes() - before;
        return new Attempt<>(result, allocated, CLASSES.getTotalLoadedClassCount() != classes);
    }

    private static long allocatedBytes() {
        return THREADS == null ? 0 : THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    private static com.sun.management.ThreadMXBean threads() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                && t.isThreadAllocatedMemorySupported()) {
            t.setThreadAllocatedMemoryEnabled(true);
            return t;
        }
        return null; // not HotSpot: the allocation bound is then left to -Xmx
    }
}
