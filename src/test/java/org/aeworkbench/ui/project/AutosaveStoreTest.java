package org.aeworkbench.ui.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.loss.ReconstructionLoss;
import org.aeworkbench.engine.model.DenseSpec;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.ui.dataset.DataReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.aeworkbench.ui.run.TrainingHistory;

/**
 * The autosave store across a real crash: a second JVM plays the window, autosaves, and is either
 * halted (no clean close, as a crash) or kept running (its live autosave must not be offered).
 */
class AutosaveStoreTest {

    @TempDir
    Path base;

    private static Project project(String name) {
        ModelSpec spec = ModelSpec.of(name, List.of(new DenseSpec(4, Activation.RELU), new DenseSpec(2, Activation.IDENTITY)),
                List.of(new DenseSpec(4, Activation.RELU), new DenseSpec(8, Activation.SIGMOID)), ReconstructionLoss.BCE);
        return new Project(spec, true, DataReference.of("mnist").withLimit(100), TrainingHistory.EMPTY, null);
    }

    /** The other window: autosaves, says so, then waits for stdin to close and halts without closing the store. */
    public static final class OtherWindow {
        public static void main(String[] args) throws IOException {
            AutosaveStore store = AutosaveStore.open(Path.of(args[0]));
            store.write(project("crashed-design"), Path.of(args[1]));
            System.out.println("autosaved");
            System.out.flush();
            while (System.in.read() >= 0) {
                // running until the test lets go
            }
            Runtime.getRuntime().halt(3); // no close, no shutdown hooks: as a crash
        }
    }

    @Test
    void aLiveSessionIsNotOfferedAndItsAutosaveIsOfferedOnceItsProcessDies() throws Exception {
        Path userFile = base.resolveSibling("mine.aewb");
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OtherWindow.class.getName(), base.toString(), userFile.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
             AutosaveStore mine = AutosaveStore.open(base)) {
            assertEquals("autosaved", out.readLine());
            assertTrue(mine.orphans().isEmpty(), "the other window is running: its autosave is live");

            other.getOutputStream().close();
            assertTrue(other.waitFor(30, TimeUnit.SECONDS));
            assertEquals(3, other.exitValue(), "halted, as a crash");
            List<AutosaveStore.Orphan> orphans = mine.orphans();
            assertEquals(1, orphans.size());
            AutosaveStore.Orphan o = orphans.get(0);
            assertEquals(userFile.toAbsolutePath(), o.projectFile());
            assertEquals("mine.aewb", o.title());
            assertEquals("crashed-design", o.load().spec().name());
            assertFalse(o.folder().equals(mine.session()));

            o.close();
            List<AutosaveStore.Orphan> again = mine.orphans();
            assertEquals(1, again.size(), "closing the offer keeps the autosave for the next start");
            assertTrue(mine.orphans().isEmpty(), "while offered here, it is locked for this window");
            again.get(0).discard();
            assertTrue(mine.orphans().isEmpty());
            assertFalse(Files.exists(o.folder()));
            assertFalse(Files.exists(userFile), "the user's file is only named, never written");
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void aCleanCloseLeavesNothingAndAnotherStoreInThisProcessIsNotAnOrphan() throws IOException {
        AutosaveStore first = AutosaveStore.open(base);
        assertNull(first.autosave());
        first.write(project("first"), null);
        first.write(project("first, edited"), null);
        assertEquals("first, edited", ProjectFile.load(first.autosave()).spec().name());
        try (AutosaveStore second = AutosaveStore.open(base)) {
            assertTrue(second.orphans().isEmpty(), "the first store is open: its session is live");
            first.close();
            assertFalse(Files.exists(first.session()));
            first.write(project("late"), null);
            assertFalse(Files.exists(first.session()), "an autosave finishing after the close does not bring it back");
            assertTrue(second.orphans().isEmpty());
        }
        try (var left = Files.list(base)) {
            assertEquals(0, left.count(), "both sessions closed cleanly");
        }
    }

    @Test
    void anAbandonedSessionIsAnOrphanWithTheUntitledProject() throws IOException {
        Path crashed = crashedSession("untitled-work");
        try (AutosaveStore store = AutosaveStore.open(base)) {
            List<AutosaveStore.Orphan> orphans = store.orphans();
            assertEquals(1, orphans.size());
            assertNull(orphans.get(0).projectFile());
            assertEquals("untitled", orphans.get(0).title());
            assertEquals("untitled-work", orphans.get(0).load().spec().name());
            orphans.get(0).close();
        }
        assertTrue(Files.exists(crashed.resolve(AutosaveStore.PROJECT)));
    }

    @Test
    void aDamagedAutosaveIsReportedWithItsFolderAndKept() throws IOException {
        Path crashed = crashedSession("damaged");
        Path file = crashed.resolve(AutosaveStore.PROJECT);
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));
        try (AutosaveStore store = AutosaveStore.open(base)) {
            AutosaveStore.Orphan o = store.orphans().get(0);
            IOException e = assertThrows(IOException.class, o::load);
            assertTrue(e.getMessage().contains("cannot be read") && e.getMessage().contains(crashed.toString()), e.getMessage());
            o.close();
            List<AutosaveStore.Orphan> again = store.orphans();
            assertEquals(1, again.size(), "still offered");
            again.get(0).close();
        }
        assertTrue(Files.exists(file), "not deleted");
    }

    @Test
    void aSessionThatCrashedBeforeItsFirstAutosaveIsRemovedNotOffered() throws IOException {
        Path empty = Files.createDirectory(base.resolve("session-1-empty"));
        Files.createFile(empty.resolve(AutosaveStore.LOCK));
        try (AutosaveStore store = AutosaveStore.open(base)) {
            assertTrue(store.orphans().isEmpty());
        }
        assertFalse(Files.exists(empty));
    }

    /** The files a window leaves when it dies after autosaving: a session folder nobody locks. */
    private Path crashedSession(String name) throws IOException {
        AutosaveStore s = AutosaveStore.open(base);
        s.write(project(name), null);
        Path copy = Files.createDirectory(base.resolve("session-0-crashed"));
        for (String f : List.of(AutosaveStore.LOCK, AutosaveStore.PROJECT, AutosaveStore.NOTE)) {
            Files.copy(s.session().resolve(f), copy.resolve(f));
        }
        s.close();
        return copy;
    }
}
