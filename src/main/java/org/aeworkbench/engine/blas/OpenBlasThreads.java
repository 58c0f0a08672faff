package org.aeworkbench.engine.blas;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds OpenBLAS to one thread of its own, so the engine's pool splits products by rows instead.
 *
 * <p>Why it is an option and not the default: on this project's 2-core machine, quiet, OpenBLAS
 * threading itself ran an epoch of the reference design in 2.10 s against 2.65 s split by rows,
 * and in the workbench window 4.08 s against 4.59 s (10 epochs of the MNIST sample); but while
 * other programs kept the cores busy (load 3 to 5) its spinning workers stalled and the same epoch
 * took 3.8 to 6.1 s against 2.7 to 3.3 s split. The environment variable OPENBLAS_NUM_THREADS is
 * read only when the library loads, so the thread count is set through
 * {@code openblas_set_num_threads}, found in the loaded library by {@link NativeBlasLibrary}.
 * Without the foreign linker, or without OpenBLAS, nothing changes and OpenBLAS threads itself.
 */
final class OpenBlasThreads {

    private static final Logger LOG = LoggerFactory.getLogger(OpenBlasThreads.class);
    private static Boolean heldToOne;
    private static int before;

    private OpenBlasThreads() {
    }

    /** Sets OpenBLAS to one thread (once, until {@link #release}); true when it now runs single-threaded. */
    static synchronized boolean holdToOne() {
        if (heldToOne == null) {
            before = NativeBlasLibrary.threads();
            heldToOne = NativeBlasLibrary.setThreads(1) && NativeBlasLibrary.threads() == 1;
            if (!heldToOne) {
                LOG.info("OpenBLAS keeps its own threads: the native BLAS is not OpenBLAS or cannot be asked");
            }
        }
        return heldToOne;
    }

    /** Gives OpenBLAS back the threads it had (tests); contexts created while it was held stay split. */
    static synchronized void release() {
        if (Boolean.TRUE.equals(heldToOne)) {
            NativeBlasLibrary.setThreads(before);
        }
        heldToOne = null;
    }
}
