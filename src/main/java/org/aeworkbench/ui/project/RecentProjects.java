package org.aeworkbench.ui.project;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/** The last few project files opened or saved, kept in the user's preferences. */
public final class RecentProjects {

    private static final int MAX = 8;
    private static final String KEY = "recentProjects";

    private final Preferences prefs;

    public RecentProjects(Preferences prefs) {
        this.prefs = prefs;
    }

    /** The user's list; the system property {@code aeworkbench.prefs} names another node (tests use their own). */
    public static RecentProjects forUser() {
        return new RecentProjects(Preferences.userRoot().node(System.getProperty("aeworkbench.prefs", "org/aeworkbench/ui")));
    }

    public List<Path> list() {
        List<Path> paths = new ArrayList<>();
        for (String line : prefs.get(KEY, "").split("\n")) {
            if (!line.isBlank()) {
                paths.add(Path.of(line));
            }
        }
        return paths;
    }

    /** Moves {@code file} to the top. */
    public void add(Path file) {
        List<Path> paths = list();
        Path abs = file.toAbsolutePath();
        paths.remove(abs);
        paths.add(0, abs);
        while (paths.size() > MAX) {
            paths.remove(paths.size() - 1);
        }
        StringBuilder b = new StringBuilder();
        for (Path p : paths) {
            b.append(p).append('\n');
        }
        prefs.put(KEY, b.toString());
    }

    public void remove(Path file) {
        List<Path> paths = list();
        paths.remove(file.toAbsolutePath());
        prefs.put(KEY, String.join("\n", paths.stream().map(Path::toString).toList()));
    }
}
