package org.aeworkbench.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The kernel's scheduler statistics of one of this JVM's threads ({@code /proc/self/task/TID/schedstat}):
 * nanoseconds on a core and nanoseconds runnable but waiting for one. Tells a late FX thread that
 * waited for a core from one that ran or was blocked. Linux only; found by the thread's name as
 * the kernel keeps it (its first 15 characters).
 */
final class SchedStats {

    private final Path file;

    private SchedStats(Path file) {
        this.file = file;
    }

    /** The first thread whose kernel name starts with {@code prefix}, or null where there is none or no such file. */
    static SchedStats ofThreadNamed(String prefix) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                if (Files.readString(task.resolve("comm")).strip().startsWith(prefix) && Files.exists(task.resolve("schedstat"))) {
                    return new SchedStats(task.resolve("schedstat"));
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    /** Nanoseconds on a core so far of every thread of this process, keyed by its id and kernel name ("1234 C2 CompilerThre"). */
    static java.util.Map<String, Long> everyThreadOnCore() {
        java.util.Map<String, Long> r = new java.util.HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String name = task.getFileName() + " " + Files.readString(task.resolve("comm")).strip();
                    r.put(name, Long.parseLong(Files.readString(task.resolve("schedstat")).trim().split("\\s+")[0]));
                } catch (IOException | RuntimeException ended) {
                    // the thread ended between the listing and the read
                }
            }
        } catch (IOException e) {
            return r;
        }
        return r;
    }

    /** The {@code n} threads that ran longest between two readings of {@link #everyThreadOnCore()}, as text. */
    static String busiest(java.util.Map<String, Long> before, java.util.Map<String, Long> after, int n) {
        return after.entrySet().stream()
                .map(e -> java.util.Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(n)
                .map(e -> String.format(java.util.Locale.ROOT, "%s %.1f", e.getKey(), e.getValue() / 1e6))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** {nanoseconds on a core, nanoseconds waiting for one} so far, or {-1, -1} when the thread has ended. */
    long[] read() {
        try {
            String[] f = Files.readString(file).trim().split("\\s+");
            return new long[] {Long.parseLong(f[0]), Long.parseLong(f[1])};
        } catch (IOException | RuntimeException e) {
            return new long[] {-1, -1};
        }
    }
}
