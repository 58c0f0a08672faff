package org.aeworkbench.engine.blas;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.nio.file.Path;
import jdk.incubator.foreign.CLinker;
import jdk.incubator.foreign.FunctionDescriptor;
import jdk.incubator.foreign.SymbolLookup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds OpenBLAS to one thread of its own, so the engine's pool splits products by rows instead.
 *
 * <p>Why: OpenBLAS's pthreads build keeps its worker spinning between calls and splits every
 * product over all cores. While anything else runs (the workbench's own window, another
 * program) a descheduled worker stalls the whole product: on this project's 2-core machine an
 * epoch of the reference design took 3.8 to 6.1 s with OpenBLAS threading itself against 2.7 to
 * 3.3 s split by rows, under the same load. The environment variable OPENBLAS_NUM_THREADS is read
 * only when the library loads, so the thread count is set through {@code openblas_set_num_threads}
 * with the JDK's incubating foreign linker; it needs {@code --add-modules=jdk.incubator.foreign
 * --enable-native-access=ALL-UNNAMED}, which the launcher, {@code mvn javafx:run} and the tests
 * pass. Without them, or without OpenBLAS, nothing changes and OpenBLAS threads itself.
 */
final class OpenBlasThreads {

    private static final Logger LOG = LoggerFactory.getLogger(OpenBlasThreads.class);
    private static Boolean heldToOne;

    private OpenBlasThreads() {
    }

    /**
     * Sets OpenBLAS to one thread once per process; true when it now runs single-threaded.
     *
     * @param library the BLAS shared library netlib loaded (its real path, so the same instance)
     */
    static synchronized boolean holdToOne(Path library) {
        if (heldToOne == null) {
            heldToOne = trySet(library);
        }
        return heldToOne;
    }

    private static boolean trySet(Path library) {
        try {
            return Linked.set(library, 1);
        } catch (Throwable t) { // module not on the command line, native access refused, no such symbol
            LOG.info("OpenBLAS keeps its own threads ({}); run with --add-modules=jdk.incubator.foreign"
                    + " --enable-native-access=ALL-UNNAMED to split products over the engine's threads", t.toString());
            return false;
        }
    }

    /** Touches the foreign-linker classes only when called, so a JVM without the module still loads this class. */
    private static final class Linked {

        static boolean set(Path library, int threads) throws Throwable {
            System.load(library.toString()); // the file netlib opened: the loader returns the same instance
            SymbolLookup symbols = SymbolLookup.loaderLookup();
            CLinker linker = CLinker.getInstance();
            MethodHandle set = linker.downcallHandle(symbols.lookup("openblas_set_num_threads").orElseThrow(),
                    MethodType.methodType(void.class, int.class), FunctionDescriptor.ofVoid(CLinker.C_INT));
            MethodHandle get = linker.downcallHandle(symbols.lookup("openblas_get_num_threads").orElseThrow(),
                    MethodType.methodType(int.class), FunctionDescriptor.of(CLinker.C_INT));
            set.invokeExact(threads);
            return (int) get.invokeExact() == threads;
        }
    }
}
