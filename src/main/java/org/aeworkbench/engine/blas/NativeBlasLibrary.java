package org.aeworkbench.engine.blas;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.Optional;
import jdk.incubator.foreign.CLinker;
import jdk.incubator.foreign.FunctionDescriptor;
import jdk.incubator.foreign.MemoryAddress;
import jdk.incubator.foreign.ResourceScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What netlib's native BLAS turned out to be. netlib's {@code BLAS.getInstance()} says whether a
 * native library loaded (it is then a {@code NativeBLAS}); which one is asked of the library
 * itself: its JNI bridge opened the shared object named by {@value #NAME_PROPERTY} (default
 * {@value #DEFAULT_NAME}, resolved by the system's loader wherever the system keeps it), and
 * {@code dlopen} with {@code RTLD_NOLOAD} hands back that same, already loaded instance without
 * loading anything. OpenBLAS exports {@code openblas_get_config}, which names its version and
 * kernels, and {@code openblas_set_num_threads}, with which {@link OpenBlasThreads} holds it to
 * one thread. No path is guessed.
 *
 * <p>Needs the JDK's incubating foreign linker ({@code --add-modules=jdk.incubator.foreign
 * --enable-native-access=ALL-UNNAMED}, which the launcher, {@code mvn javafx:run} and the tests
 * pass); without it the library is reported as an unidentified native BLAS.
 */
final class NativeBlasLibrary {

    /** netlib's own property naming the shared object its JNI bridge opens. */
    static final String NAME_PROPERTY = "dev.ludovic.netlib.blas.nativeLib";
    /** netlib's property giving a full path instead. */
    static final String PATH_PROPERTY = "dev.ludovic.netlib.blas.nativeLibPath";
    static final String DEFAULT_NAME = "libblas.so.3";

    private static final Logger LOG = LoggerFactory.getLogger(NativeBlasLibrary.class);
    private static final int RTLD_LAZY = 0x1;
    private static final int RTLD_NOLOAD = 0x4;

    /** The library netlib loaded, once asked; empty when it cannot be asked. */
    private static Optional<Linked> linked;

    private NativeBlasLibrary() {
    }

    /** The name the JNI bridge opened, as netlib's properties give it. */
    static String loadedName() {
        String path = System.getProperty(PATH_PROPERTY);
        return path != null ? path : System.getProperty(NAME_PROPERTY, DEFAULT_NAME);
    }

    // Nothing below names Linked in a method reference or lambda: resolving one loads the class,
    // which fails in a JVM started without the foreign module (the Java API's documented command
    // line), even when linked() found nothing. Linked is touched only through a present value.

    /** "OpenBLAS 0.3.21 ..." as the library names itself, or the file name when it is not OpenBLAS. */
    static String description() {
        Optional<Linked> l = linked();
        return l.isPresent() ? l.get().describe() : loadedName();
    }

    /** Whether the library is OpenBLAS (false when it cannot be asked). */
    static boolean isOpenBlas() {
        Optional<Linked> l = linked();
        return l.isPresent() && l.get().setThreads != null;
    }

    /** OpenBLAS's thread count now, or 1 for any other library. */
    static int threads() {
        Optional<Linked> l = linked();
        return l.isPresent() && l.get().getThreads != null ? l.get().threads() : 1;
    }

    /** Sets OpenBLAS's thread count; false when the library is not OpenBLAS. */
    static boolean setThreads(int n) {
        Optional<Linked> l = linked();
        if (l.isEmpty() || l.get().setThreads == null) {
            return false;
        }
        l.get().setThreads(n);
        return true;
    }

    private static synchronized Optional<Linked> linked() {
        if (linked == null) {
            try {
                linked = Optional.ofNullable(Linked.open(loadedName()));
            } catch (Throwable t) { // module not on the command line, native access refused
                LOG.info("cannot ask the native BLAS what it is ({}); run with --add-modules=jdk.incubator.foreign"
                        + " --enable-native-access=ALL-UNNAMED", t.toString());
                linked = Optional.empty();
            }
        }
        return linked;
    }

    /** Touches the foreign-linker classes only when called, so a JVM without the module still loads the outer class. */
    private static final class Linked {

        final String name;
        final String config;
        final MethodHandle setThreads;
        final MethodHandle getThreads;

        private Linked(String name, String config, MethodHandle setThreads, MethodHandle getThreads) {
            this.name = name;
            this.config = config;
            this.setThreads = setThreads;
            this.getThreads = getThreads;
        }

        /** The already loaded library of that name, or null when none is loaded. */
        static Linked open(String name) throws Throwable {
            CLinker c = CLinker.getInstance();
            var libc = CLinker.systemLookup();
            MethodHandle dlopen = c.downcallHandle(libc.lookup("dlopen").orElseThrow(),
                    MethodType.methodType(MemoryAddress.class, MemoryAddress.class, int.class),
                    FunctionDescriptor.of(CLinker.C_POINTER, CLinker.C_POINTER, CLinker.C_INT));
            MethodHandle dlsym = c.downcallHandle(libc.lookup("dlsym").orElseThrow(),
                    MethodType.methodType(MemoryAddress.class, MemoryAddress.class, MemoryAddress.class),
                    FunctionDescriptor.of(CLinker.C_POINTER, CLinker.C_POINTER, CLinker.C_POINTER));
            try (ResourceScope scope = ResourceScope.newConfinedScope()) {
                MemoryAddress handle = (MemoryAddress) dlopen.invokeExact(
                        CLinker.toCString(name, scope).address(), RTLD_LAZY | RTLD_NOLOAD);
                if (handle.equals(MemoryAddress.NULL)) {
                    return null;
                }
                MemoryAddress config = (MemoryAddress) dlsym.invokeExact(handle,
                        CLinker.toCString("openblas_get_config", scope).address());
                if (config.equals(MemoryAddress.NULL)) {
                    return new Linked(name, null, null, null);
                }
                MethodHandle getConfig = c.downcallHandle(config, MethodType.methodType(MemoryAddress.class),
                        FunctionDescriptor.of(CLinker.C_POINTER));
                MemoryAddress set = (MemoryAddress) dlsym.invokeExact(handle,
                        CLinker.toCString("openblas_set_num_threads", scope).address());
                MemoryAddress get = (MemoryAddress) dlsym.invokeExact(handle,
                        CLinker.toCString("openblas_get_num_threads", scope).address());
                return new Linked(name, CLinker.toJavaString((MemoryAddress) getConfig.invokeExact()),
                        c.downcallHandle(set, MethodType.methodType(void.class, int.class),
                                FunctionDescriptor.ofVoid(CLinker.C_INT)),
                        c.downcallHandle(get, MethodType.methodType(int.class), FunctionDescriptor.of(CLinker.C_INT)));
            }
        }

        String describe() {
            if (config == null) {
                return name;
            }
            // "OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY SkylakeX MAX_THREADS=64": name, version, core.
            String[] words = config.trim().split("\\s+");
            String core = words.length > 2 ? words[words.length - 2] : "";
            return words.length >= 2 ? words[0] + " " + words[1] + (core.isEmpty() || core.startsWith("MAX") ? "" : " " + core)
                    : config.trim();
        }

        int threads() {
            try {
                return (int) getThreads.invokeExact();
            } catch (Throwable t) {
                throw new IllegalStateException("openblas_get_num_threads failed", t);
            }
        }

        void setThreads(int n) {
            try {
                setThreads.invokeExact(n);
            } catch (Throwable t) {
                throw new IllegalStateException("openblas_set_num_threads failed", t);
            }
        }
    }
}
