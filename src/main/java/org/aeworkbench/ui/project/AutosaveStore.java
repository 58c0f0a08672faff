package org.aeworkbench.ui.project;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.aeworkbench.engine.io.AtomicFiles;

/**
 * The autosaves of running windows, and what a window that crashed left behind.
 *
 * <p>Each window (session) has a folder of its own under {@link #directory()}: {@code lock}, which
 * the window holds an operating-system file lock on while it runs; {@code project.aewb}, the
 * newest autosave, written like any project (atomically, so a crash mid-write keeps the previous
 * one); and {@code autosave.properties}, saying which project file it belongs to and when it was
 * written. A clean exit deletes the folder. The operating system drops the lock with the process
 * however it ends, so a folder whose lock can be taken belongs to no running window: its window
 * crashed, and its autosave is an {@link Orphan} to offer for recovery. A second window running
 * at the same time therefore never "recovers" the first's live autosave.
 *
 * <p>Nothing here deletes an autosave except a clean exit of its own window or an explicit
 * {@link Orphan#discard()}; an autosave that cannot be read is reported and kept.
 */
public final class AutosaveStore implements AutoCloseable {

    /** The system property that moves the base folder (tests keep it under target/). */
    public static final String DIRECTORY_PROPERTY = "aeworkbench.autosave.dir";
    static final String LOCK = "lock";
    static final String PROJECT = "project." + ProjectFile.EXTENSION;
    static final String NOTE = "autosave.properties";
    private static final String SESSION = "session-";
    /**
     * Session folders this process holds a lock on (its windows' own, and the orphans it is
     * offering). They are never probed: on POSIX systems closing any channel to a locked file
     * drops every lock the process holds on it (see {@link FileLock}), so a probe would unlock them.
     */
    private static final java.util.Set<Path> HELD_HERE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Path session;
    private final FileChannel channel;
    private final FileLock lock;
    private boolean closed;

    private AutosaveStore(Path session, FileChannel channel, FileLock lock) {
        this.session = session;
        this.channel = channel;
        this.lock = lock;
    }

    /** The base folder: the system property {@value #DIRECTORY_PROPERTY}, else ~/.ae-workbench/autosave. */
    public static Path directory() {
        String property = System.getProperty(DIRECTORY_PROPERTY);
        return property != null && !property.isBlank() ? Path.of(property)
                : Path.of(System.getProperty("user.home"), ".ae-workbench", "autosave");
    }

    /** Starts this window's session under {@link #directory()}. */
    public static AutosaveStore forUser() throws IOException {
        return open(directory());
    }

    /** Starts a session: a new folder under {@code base}, locked for as long as this store is open. */
    public static AutosaveStore open(Path base) throws IOException {
        Path dir = base.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        Path session = Files.createTempDirectory(dir, SESSION + ProcessHandle.current().pid() + "-");
        FileChannel channel = FileChannel.open(session.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new IOException(session + ": cannot lock the new autosave folder");
        }
        HELD_HERE.add(session);
        return new AutosaveStore(session, channel, lock);
    }

    /** This session's folder. */
    public Path session() {
        return session;
    }

    /** The newest autosave of this session, or null before the first. */
    public Path autosave() {
        Path p = session.resolve(PROJECT);
        return Files.exists(p) ? p : null;
    }

    /**
     * Replaces this session's autosave.
     *
     * @param p    the project as it is now
     * @param file the user's project file it belongs to, or null for an untitled project; only
     *             recorded, never written
     */
    public synchronized void write(Project p, Path file) throws IOException {
        if (closed) {
            return; // the window has closed cleanly; an autosave finishing late must not bring the folder back
        }
        ProjectFile.save(session.resolve(PROJECT), p);
        Properties note = new Properties();
        note.setProperty("project", file == null ? "" : file.toAbsolutePath().toString());
        note.setProperty("name", p.spec().name());
        note.setProperty("written", Instant.now().toString());
        AtomicFiles.write(session.resolve(NOTE), out -> note.store(out, "AE Workbench autosave"));
    }

    /**
     * Autosaves of windows that did not close normally, newest first. Each is locked for this
     * window until it is recovered, discarded or {@linkplain Orphan#close() closed}, so two
     * windows starting together do not both offer it. A crashed session that never autosaved
     * holds nothing and is removed.
     */
    public List<Orphan> orphans() throws IOException {
        List<Path> folders;
        try (Stream<Path> s = Files.list(session.getParent())) {
            folders = s.filter(d -> d.getFileName().toString().startsWith(SESSION) && Files.isDirectory(d))
                    .filter(d -> !HELD_HERE.contains(d)).sorted().toList();
        }
        List<Orphan> found = new ArrayList<>();
        for (Path folder : folders) {
            Orphan o = Orphan.claim(folder);
            if (o != null) {
                found.add(o);
            }
        }
        found.sort(Comparator.comparing(Orphan::written).reversed());
        return found;
    }

    /** A clean exit: deletes this session's folder, autosave included. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        deleteFolder(session, channel, lock);
    }

    /** Deletes everything but the lock while holding it, then the lock and the folder. */
    private static void deleteFolder(Path folder, FileChannel channel, FileLock lock) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            for (Path f : s.toList()) {
                if (!f.getFileName().toString().equals(LOCK)) {
                    Files.deleteIfExists(f);
                }
            }
        }
        lock.release();
        channel.close();
        HELD_HERE.remove(folder);
        Files.deleteIfExists(folder.resolve(LOCK));
        Files.deleteIfExists(folder);
    }

    /** An autosave left by a window that crashed; holds that session's lock until released. */
    public static final class Orphan implements AutoCloseable {

        private final Path folder;
        private final Path projectFile;
        private final Instant written;
        private final FileChannel channel;
        private final FileLock lock;
        private boolean released;

        private Orphan(Path folder, Path projectFile, Instant written, FileChannel channel, FileLock lock) {
            this.folder = folder;
            this.projectFile = projectFile;
            this.written = written;
            this.channel = channel;
            this.lock = lock;
        }

        /** Locks {@code folder} if no window holds it: an orphan, or null (live, or nothing to recover). */
        static Orphan claim(Path folder) throws IOException {
            FileChannel channel;
            try {
                channel = FileChannel.open(folder.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            } catch (IOException e) {
                return null; // not a folder of ours to lock (read-only, or not a session)
            }
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held in this process after all
            }
            if (lock == null) {
                channel.close();
                return null;
            }
            HELD_HERE.add(folder);
            Path project = folder.resolve(PROJECT);
            if (!Files.exists(project)) {
                deleteFolder(folder, channel, lock); // crashed before its first autosave: nothing to lose
                return null;
            }
            Properties note = new Properties();
            try (InputStream in = Files.newInputStream(folder.resolve(NOTE))) {
                note.load(in);
            } catch (IOException | IllegalArgumentException e) {
                // No note (a crash between the project and its note) or a damaged one: the
                // project alone is still worth offering, as untitled, dated by the file.
            }
            String file = note.getProperty("project", "");
            Instant written;
            try {
                written = Instant.parse(note.getProperty("written", ""));
            } catch (DateTimeParseException e) {
                written = Files.getLastModifiedTime(project).toInstant();
            }
            return new Orphan(folder, file.isBlank() ? null : Path.of(file), written, channel, lock);
        }

        /** The crashed session's folder. */
        public Path folder() {
            return folder;
        }

        /** The user's project file the work belongs to, or null when it was untitled. */
        public Path projectFile() {
            return projectFile;
        }

        public Instant written() {
            return written;
        }

        /** The project file's name, or "untitled". */
        public String title() {
            return projectFile == null ? "untitled" : projectFile.getFileName().toString();
        }

        /** Reads the autosaved project; a damaged one is reported with its folder, and kept. */
        public Project load() throws IOException {
            try {
                return ProjectFile.load(folder.resolve(PROJECT));
            } catch (IOException e) {
                throw new IOException("The autosave in " + folder + " cannot be read: " + e.getMessage(), e);
            }
        }

        /** Deletes the autosave (the user chose not to recover it, or its recovery succeeded). */
        public synchronized void discard() throws IOException {
            if (!released) {
                released = true;
                deleteFolder(folder, channel, lock);
            }
        }

        /** Releases the lock and keeps the autosave, to be offered again at the next start. */
        @Override
        public synchronized void close() throws IOException {
            if (!released) {
                released = true;
                lock.release();
                channel.close();
                HELD_HERE.remove(folder);
            }
        }
    }
}
