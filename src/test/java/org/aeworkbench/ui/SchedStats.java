package org.aeworkbench.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The kernel's scheduler statistics of one of this JVM's threads ({@code /proc/self/task/TID/schedstat}):
 * nanoseconds on a core and nanoseconds runnable but waiting for one. Tells a late FX thread that
 * waited for a core from one that ran or was blocked. Linux only; threads are found by their name
 * as the kernel keeps it (its first 15 characters).
 */
final class SchedStats {

    private static final Path TASKS = Path.of("/proc/self/task");

    /** A thread of this process as the kernel knows it. */
    private record Task(long tid, String name) {
    }

    private final Path file;

    private SchedStats(long tid) {
        this.file = TASKS.resolve(tid + "/schedstat");
    }

    /** The first thread whose kernel name starts with {@code prefix}, or null where there is none or no such file. */
    static SchedStats ofThreadNamed(String prefix) {
        return tasks().stream().filter(t -> t.name().startsWith(prefix)).findFirst()
                .map(t -> new SchedStats(t.tid())).filter(s -> Files.exists(s.file)).orElse(null);
    }

    /** Nanoseconds on a core so far of every thread of this process, by thread id. */
    static Map<Long, Long> everyThreadOnCore() {
        Map<Long, Long> r = new HashMap<>();
        for (Task t : tasks()) {
            long onCore = new SchedStats(t.tid()).read()[0];
            if (onCore >= 0) {
                r.put(t.tid(), onCore);
            }
        }
        return r;
    }

    /**
     * The {@code n} threads that ran longest between two readings of {@link #everyThreadOnCore()},
     * as text, each with its id and its name now (a pool thread takes its task's name).
     */
    static String busiest(Map<Long, Long> before, Map<Long, Long> after, int n) {
        Map<Long, String> names = tasks().stream().collect(Collectors.toMap(Task::tid, Task::name));
        return after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<Long, Long>comparingByValue().reversed())
                .limit(n)
                .map(e -> String.format(Locale.ROOT, "%d %s %.1f", e.getKey(), names.getOrDefault(e.getKey(), "(ended)"), e.getValue() / 1e6))
                .collect(Collectors.joining(", "));
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

    /** This process's threads now; one that ends while they are listed is left out. */
    private static List<Task> tasks() {
        List<Task> tasks = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(TASKS)) {
            for (Path dir : (Iterable<Path>) dirs::iterator) {
                try {
                    tasks.add(new Task(Long.parseLong(dir.getFileName().toString()), Files.readString(dir.resolve("comm")).strip()));
                } catch (IOException | RuntimeException ended) {
                    // the thread ended between the listing and the read
                }
            }
        } catch (IOException e) {
            return tasks;
        }
        return tasks;
    }
}
