package org.aeworkbench.support;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.Locale;
import jdk.incubator.foreign.CLinker;
import jdk.incubator.foreign.FunctionDescriptor;

/**
 * Lowers the calling thread's scheduling priority, as a desktop program does for work that runs
 * behind its window, so that the window's threads get a core first when they wake; and, by their
 * kernel names, threads the JVM starts itself (its JIT compilers).
 *
 * <p>Linux keeps a nice value per thread, and {@code setpriority(PRIO_PROCESS, 0, n)} changes the
 * calling thread's alone; a thread started afterwards (a compute pool's worker) inherits it. Raising
 * one's own nice value needs no privilege. Java's {@code Thread.setPriority} cannot do this: the JVM
 * ignores it unless started with {@code -XX:ThreadPriorityPolicy=1}, which then warns every user who
 * is not root. Elsewhere (macOS applies {@code who = 0} to the whole process), without the foreign
 * linker ({@code --add-modules=jdk.incubator.foreign --enable-native-access=ALL-UNNAMED}), or with
 * {@value #PROPERTY}{@code =0}, nothing changes.
 */
public final class ThreadNiceness {

    /** How many nice steps background work goes down; 0 turns the lowering off (A/B measurements). */
    public static final String PROPERTY = "aeworkbench.backgroundNice";
    /** CFS gives a nice-5 thread about a third of a nice-0 thread's share when both want a core. */
    static final int DEFAULT_STEPS = 5;
    private static final int PRIO_PROCESS = 0;
    /** Only Linux keeps the nice value per thread; elsewhere {@code who = 0} may mean the whole process. */
    private static final boolean LINUX = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");

    private ThreadNiceness() {
    }

    /** The steps asked for by {@value #PROPERTY}, or the default. */
    public static int backgroundSteps() {
        return Math.max(0, Math.min(19, Integer.getInteger(PROPERTY, DEFAULT_STEPS)));
    }

    /** Lowers the calling thread by {@link #backgroundSteps()}; its nice value afterwards, or -100 when it could not be changed here. */
    public static int lowerCurrentThread() {
        return lowerCurrentThread(backgroundSteps());
    }

    /** Raises the calling thread's nice value by {@code steps} (at most 19); its nice value afterwards, or -100. */
    public static int lowerCurrentThread(int steps) {
        if (steps <= 0 || !LINUX) {
            return -100;
        }
        try {
            return Linked.lower(steps);
        } catch (Throwable t) { // module not on the command line, native access refused, no libc symbol
            return -100;
        }
    }

    /**
     * Raises by {@code steps} (to at most 19) the nice value of every thread of this process whose
     * kernel name ({@code /proc/self/task/TID/comm}) starts with one of {@code prefixes}: threads the
     * JVM starts itself, which Java code cannot lower from inside. Nothing changes off Linux.
     */
    public static void lowerThreadsNamed(int steps, String... prefixes) {
        if (steps <= 0 || !LINUX) {
            return;
        }
        try (var tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/task"))) {
            for (var task : tasks.toList()) {
                String name = kernelName(task);
                if (java.util.Arrays.stream(prefixes).anyMatch(name::startsWith)) {
                    Linked.lower(Integer.parseInt(task.getFileName().toString()), steps);
                }
            }
        } catch (Throwable t) { // no /proc, module not on the command line, native access refused
            // the threads keep their priority
        }
    }

    /** A thread's kernel name, or "" for one that ended after the listing. */
    private static String kernelName(java.nio.file.Path task) {
        try {
            return java.nio.file.Files.readString(task.resolve("comm")).strip();
        } catch (java.io.IOException ended) {
            return "";
        }
    }

    /** The calling thread's nice value, or -100 when it cannot be read here. */
    public static int currentThreadNice() {
        if (!LINUX) {
            return -100;
        }
        try {
            return Linked.nice();
        } catch (Throwable t) {
            return -100;
        }
    }

    /** Touches the foreign-linker classes only when called, so a JVM without the module still loads the outer class. */
    private static final class Linked {

        static final MethodHandle GET;
        static final MethodHandle SET;

        static {
            CLinker c = CLinker.getInstance();
            var libc = CLinker.systemLookup();
            GET = c.downcallHandle(libc.lookup("getpriority").orElseThrow(),
                    MethodType.methodType(int.class, int.class, int.class),
                    FunctionDescriptor.of(CLinker.C_INT, CLinker.C_INT, CLinker.C_INT));
            SET = c.downcallHandle(libc.lookup("setpriority").orElseThrow(),
                    MethodType.methodType(int.class, int.class, int.class, int.class),
                    FunctionDescriptor.of(CLinker.C_INT, CLinker.C_INT, CLinker.C_INT, CLinker.C_INT));
        }

        static int nice() throws Throwable {
            return (int) GET.invokeExact(PRIO_PROCESS, 0);
        }

        static int lower(int steps) throws Throwable {
            return lower(0, steps);
        }

        /** Lowers thread {@code tid} (0: the calling thread); its nice value afterwards, or -100. */
        static int lower(int tid, int steps) throws Throwable {
            int target = Math.min(19, (int) GET.invokeExact(PRIO_PROCESS, tid) + steps);
            int rc = (int) SET.invokeExact(PRIO_PROCESS, tid, target);
            return rc == 0 ? (int) GET.invokeExact(PRIO_PROCESS, tid) : -100;
        }
    }
}
