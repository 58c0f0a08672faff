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
 * <p>Why it is an option and not the default: on this project's 2-core machine, quiet, OpenBLAS
 * threading itself ran an epoch of the reference design in 2.10 s against 2.65 s split by rows,
 * and in the workbench window 4.08 s against 4.59 s (10 epochs of the MNIST sample); but while
 * other programs kept the cores busy (load 3 to 5) its spinning workers stalled and the same epoch
 * took 3.8 to 6.1 s against 2.7 to 3.3 s split. The environment variable OPENBLAS_NUM_THREADS is
 * read only when the library loads, so the thread count is set through
 * {@code openblas_set_num_threads} with the JDK's incubating foreign linker; it needs
 * {@code --add-modules=jdk.incubator.foreign --enable-native-access=ALL-UNNAMED}, which the
 * launcher, {@code mvn javafx:run} and the tests pass. Without them, or without OpenBLAS, nothing
 * changes and OpenBLAS threads itself.
 */
final class OpenBlasThreads {

    private static final Logger LOG = LoggerFactory.getLogger(OpenBlasThreads.class);
    private static Boolean heldToOne;
    private static int before;
    private static MethodHandle setThreads;

    private OpenBlasThreads() {
    }

    /**
     * Sets OpenBLAS to one thread (once, until {@link #release}); true when it now runs single-threaded.
     *
     * @param library the BLAS shared library netlib loaded (its real path, so the same instance)
     */
    static synchronized boolean holdToOne(Path library) {
        if (heldToOne == null) {
            try {
                heldToOne = Linked.hold(library);
            } catch (Throwable t) { // module not on the command line, native access refused, no such symbol
                LOG.info("OpenBLAS keeps its own threads ({}); run with --add-modules=jdk.incubator.foreign"
                        + " --enable-native-access=ALL-UNNAMED to split products over the engine's threads", t.toString());
                heldToOne = false;
            }
        }
        return heldToOne;
    }

    /** Gives OpenBLAS back the threads it had (tests); contexts created while it was held stay split. */
    static synchronized void release() {
        if (Boolean.TRUE.equals(heldToOne)) {
            try {
                setThreads.invokeExact(before);
            } catch (Throwable t) {
                throw new IllegalStateException("could not restore OpenBLAS's threads", t);
            }
        }
        heldToOne = null;
    }

    /** Touches the foreign-linker classes only when called, so a JVM without the module still loads this class. */
    private static final class Linked {

        static boolean hold(Path library) throws Throwable {
            System.load(library.toString()); // the file netlib opened: the loader returns the same instance
            SymbolLookup symbols = SymbolLookup.loaderLookup();
            CLinker linker = CLinker.getInstance();
            MethodHandle set = linker.downcallHandle(symbols.lookup("openblas_set_num_threads").orElseThrow(),
                    MethodType.methodType(void.class, int.class), FunctionDescriptor.ofVoid(CLinker.C_INT));
            MethodHandle get = linker.downcallHandle(symbols.lookup("openblas_get_num_threads").orElseThrow(),
                    MethodType.methodType(int.class), FunctionDescriptor.of(CLinker.C_INT));
            before = (int) get.invokeExact();
            setThreads = set;
            set.invokeExact(1);
            return (int) get.invokeExact() == 1;
        }
    }
}
