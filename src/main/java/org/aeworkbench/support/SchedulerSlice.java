package org.aeworkbench.support;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import jdk.incubator.foreign.CLinker;
import jdk.incubator.foreign.FunctionDescriptor;
import jdk.incubator.foreign.MemoryAccess;
import jdk.incubator.foreign.MemoryAddress;
import jdk.incubator.foreign.MemorySegment;
import jdk.incubator.foreign.ResourceScope;

/**
 * Asks Linux's EEVDF scheduler (kernel 6.12 and later) for a thread's own time slice, as a desktop
 * program does for the threads that draw its window.
 *
 * <p>EEVDF runs the eligible thread with the earliest virtual deadline, and a thread's deadline lies
 * one slice past the point where it became eligible. A thread that wakes with a short slice
 * therefore gets a core sooner than one with the default slice (1.4 ms on the 2-core test machine) but no
 * larger share of the CPU: over time each still gets what its nice value gives it. The window's FX
 * thread and renderer wake for a few milliseconds per frame; on two cores busy with training they
 * otherwise wait a slice or more for a core (docs/performance.md, rounds twenty-two and
 * twenty-three).
 *
 * <p>{@code sched_setattr} with {@code SCHED_OTHER} and {@code sched_runtime} set asks for the slice
 * (0 gives back the kernel's default); it needs no privilege for one's own threads. A thread started
 * afterwards inherits its creator's slice. Older kernels ignore the field, and off Linux, without the
 * foreign linker, or on an architecture whose call numbers are not known here, nothing changes: the
 * methods then say so by their result.
 */
public final class SchedulerSlice {

    /** Microseconds of slice asked for the window's threads; 0 leaves them at the default (A/B measurements). */
    public static final String PROPERTY = "aeworkbench.windowSliceMicros";
    /** The shortest slice the kernel grants (it clamps requests to 0.1-100 ms). */
    static final long DEFAULT_WINDOW_MICROS = 100;
    private static final int SCHED_OTHER = 0;
    private static final long SCHED_FLAG_RESET_ON_FORK = 0x01;
    /** {@code struct sched_attr} with the utilisation-clamp fields (SCHED_ATTR_SIZE_VER1). */
    private static final int ATTR_SIZE = 56;
    private static final int POLICY = 4;
    private static final int FLAGS = 8;
    private static final int RUNTIME = 24;
    private static final boolean LINUX = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");

    private SchedulerSlice() {
    }

    /** The slice {@value #PROPERTY} asks for the window's threads, in nanoseconds; 0 for none. */
    public static long windowSliceNanos() {
        return Math.max(0, Long.getLong(PROPERTY, DEFAULT_WINDOW_MICROS)) * 1000;
    }

    /**
     * Gives the calling thread a slice of {@code nanos} (0: the kernel's default), keeping its policy
     * and nice value; whether the kernel now reports that slice (for 0: no custom one).
     */
    public static boolean setCurrentThread(long nanos) {
        return set(0, nanos);
    }

    /**
     * Gives every thread of this process whose kernel name ({@code /proc/self/task/TID/comm}) starts
     * with one of {@code prefixes} a slice of {@code nanos}: threads such as the toolkit's renderer,
     * which Java code cannot reach from inside; how many took it.
     */
    public static int setThreadsNamed(long nanos, String... prefixes) {
        if (!LINUX) {
            return 0;
        }
        int set = 0;
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                String name = kernelName(task);
                if (Arrays.stream(prefixes).anyMatch(name::startsWith) && set(Integer.parseInt(task.getFileName().toString()), nanos)) {
                    set++;
                }
            }
        } catch (java.io.IOException | RuntimeException noProc) {
            // no /proc: the threads keep their slice
        }
        return set;
    }

    /** The calling thread's slice in nanoseconds, 0 where the kernel keeps none per thread, or -1 when it cannot be read here. */
    public static long ofCurrentThread() {
        if (!LINUX) {
            return -1;
        }
        try {
            return Linked.slice(0);
        } catch (Throwable t) { // module not on the command line, native access refused, unknown architecture
            return -1;
        }
    }

    private static boolean set(int tid, long nanos) {
        if (!LINUX) {
            return false;
        }
        try {
            return Linked.set(tid, nanos);
        } catch (Throwable t) {
            return false;
        }
    }

    /** A thread's kernel name, or "" for one that ended after the listing. */
    private static String kernelName(Path task) {
        try {
            return Files.readString(task.resolve("comm")).strip();
        } catch (java.io.IOException ended) {
            return "";
        }
    }

    /** Touches the foreign-linker classes only when called, so a JVM without the module still loads the outer class. */
    private static final class Linked {

        /** {@code syscall(SYS_sched_setattr, tid, attr, flags)}. */
        static final MethodHandle SETATTR;
        /** {@code syscall(SYS_sched_getattr, tid, attr, size, flags)}. */
        static final MethodHandle GETATTR;
        static final long SYS_SETATTR;
        static final long SYS_GETATTR;

        static {
            String arch = System.getProperty("os.arch", "");
            switch (arch) {
                case "amd64", "x86_64" -> {
                    SYS_SETATTR = 314;
                    SYS_GETATTR = 315;
                }
                case "aarch64" -> {
                    SYS_SETATTR = 274;
                    SYS_GETATTR = 275;
                }
                default -> throw new UnsupportedOperationException("sched_setattr's number on " + arch);
            }
            CLinker c = CLinker.getInstance();
            var syscall = CLinker.systemLookup().lookup("syscall").orElseThrow();
            SETATTR = c.downcallHandle(syscall,
                    MethodType.methodType(long.class, long.class, int.class, MemoryAddress.class, int.class),
                    FunctionDescriptor.of(CLinker.C_LONG, CLinker.C_LONG, CLinker.asVarArg(CLinker.C_INT),
                            CLinker.asVarArg(CLinker.C_POINTER), CLinker.asVarArg(CLinker.C_INT)));
            GETATTR = c.downcallHandle(syscall,
                    MethodType.methodType(long.class, long.class, int.class, MemoryAddress.class, int.class, int.class),
                    FunctionDescriptor.of(CLinker.C_LONG, CLinker.C_LONG, CLinker.asVarArg(CLinker.C_INT),
                            CLinker.asVarArg(CLinker.C_POINTER), CLinker.asVarArg(CLinker.C_INT), CLinker.asVarArg(CLinker.C_INT)));
        }

        /**
         * Reads the thread's attributes, changes the slice alone and writes them back, so its nice
         * value stays; a thread under another policy (real-time, idle) is left as it is.
         */
        static boolean set(int tid, long nanos) throws Throwable {
            try (ResourceScope scope = ResourceScope.newConfinedScope()) {
                MemorySegment attr = MemorySegment.allocateNative(ATTR_SIZE, 8, scope);
                if (!get(tid, attr) || MemoryAccess.getIntAtOffset(attr, POLICY) != SCHED_OTHER) {
                    return false;
                }
                MemoryAccess.setIntAtOffset(attr, 0, ATTR_SIZE);
                MemoryAccess.setLongAtOffset(attr, FLAGS, MemoryAccess.getLongAtOffset(attr, FLAGS) & SCHED_FLAG_RESET_ON_FORK);
                MemoryAccess.setLongAtOffset(attr, RUNTIME, nanos);
                if ((long) SETATTR.invokeExact(SYS_SETATTR, tid, attr.address(), 0) != 0 || !get(tid, attr)) {
                    return false;
                }
                long now = MemoryAccess.getLongAtOffset(attr, RUNTIME);
                // Asked for a custom slice, the kernel reports it (clamped to 0.1-100 ms); given back
                // the default, it reports the default, which differs from any custom request here.
                return nanos == 0 ? now != 0 : now == Math.max(100_000, Math.min(100_000_000, nanos));
            }
        }

        static long slice(int tid) throws Throwable {
            try (ResourceScope scope = ResourceScope.newConfinedScope()) {
                MemorySegment attr = MemorySegment.allocateNative(ATTR_SIZE, 8, scope);
                return get(tid, attr) ? MemoryAccess.getLongAtOffset(attr, RUNTIME) : -1;
            }
        }

        private static boolean get(int tid, MemorySegment attr) throws Throwable {
            attr.fill((byte) 0);
            return (long) GETATTR.invokeExact(SYS_GETATTR, tid, attr.address(), ATTR_SIZE, 0) == 0;
        }
    }
}
