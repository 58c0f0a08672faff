package org.aeworkbench.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import javafx.application.Platform;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import javafx.util.Duration;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.model.DenseSpec;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.ui.dataset.PreparedData;
import org.aeworkbench.ui.design.Zone;
import org.aeworkbench.ui.project.AutosaveStore;
import org.aeworkbench.ui.shell.Autosave;
import org.aeworkbench.ui.shell.MainWindow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.aeworkbench.ui.workbench.WorkbenchModel;

/**
 * Unsaved work survives: closing asks first, and after a crash the autosave comes back into a
 * fresh window as unsaved work that still saves to the user's file. The windows that close or
 * recover are extra stages; the primary one stays open for the other test classes.
 */
@ExtendWith(ApplicationExtension.class)
class RecoveryUiTest {

    private static PreparedData tiny;

    private WorkbenchModel wb;
    private MainWindow window;
    private Stage stage;

    @TempDir
    Path dir;

    @BeforeAll
    static void data() {
        tiny = TestWindow.prepare(200);
    }

    @Start
    void start(Stage primary) {
        stage = primary;
        TestWindow shown = TestWindow.show(primary, 1260, 780);
        wb = shown.wb();
        window = shown.main();
        wb.data().set(tiny);
    }

    private static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        TestWindow.waitFor(seconds, condition);
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return TestWindow.fx(c);
    }

    /** Another window, as a second start of the program would open. */
    /** A second window on its own stage, for the ones that close or crash. */
    private static TestWindow openAnother() throws Exception {
        return fx(() -> TestWindow.show(new Stage(), 1100, 700));
    }

    private static void addLayer(FxRobot robot, WorkbenchModel m) {
        robot.interact(() -> m.design().insertLayer(new DenseSpec(8, Activation.RELU), Zone.ENCODER, 0));
    }

    private static String dialogText(FxRobot robot, String buttonId) throws Exception {
        waitFor(10, () -> robot.lookup(buttonId).tryQuery().isPresent());
        javafx.scene.Node n = robot.lookup(buttonId).query();
        while (!(n instanceof DialogPane)) {
            n = n.getParent();
        }
        return ((DialogPane) n).getHeaderText() + " " + ((DialogPane) n).getContentText();
    }

    @Test
    void closingWithUnsavedWorkAsksAndCancelKeepsTheWindowWhileDiscardClosesIt(FxRobot robot) throws Exception {
        TestWindow other = openAnother();
        addLayer(robot, other.wb());
        assertTrue(other.wb().project().dirtyProperty().get());
        Platform.runLater(() -> other.stage().fireEvent(new WindowEvent(other.stage(), WindowEvent.WINDOW_CLOSE_REQUEST)));
        assertTrue(dialogText(robot, "#keep-editing").contains("Save your work first?"));
        robot.clickOn("#keep-editing");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(other.stage().isShowing(), "Cancel keeps the window and the work");
        assertTrue(other.wb().project().dirtyProperty().get());

        Platform.runLater(() -> other.stage().fireEvent(new WindowEvent(other.stage(), WindowEvent.WINDOW_CLOSE_REQUEST)));
        dialogText(robot, "#discard-changes");
        robot.clickOn("#discard-changes");
        waitFor(5, () -> !other.stage().isShowing());
        other.wb().close();
    }

    /**
     * The autosave timer must not be a JavaFX animation: a running Timeline keeps the toolkit
     * pulsing 60 times a second for as long as the window is open, idle or not.
     */
    @Test
    void anIdleWindowWithItsAutosaveTimerRunningDoesNotKeepPulsing() throws Exception {
        try (AutosaveStore store = AutosaveStore.open(dir.resolve("idle"))) {
            Autosave autosave = fx(() -> window.startAutosave(store, Autosave.EVERY));
            Thread.sleep(1500); // the data, PCA and first layout settle
            java.util.concurrent.atomic.AtomicInteger pulses = new java.util.concurrent.atomic.AtomicInteger();
            Runnable count = pulses::incrementAndGet;
            fx(() -> {
                stage.getScene().addPostLayoutPulseListener(count);
                return null;
            });
            Thread.sleep(1000);
            fx(() -> {
                stage.getScene().removePostLayoutPulseListener(count);
                return null;
            });
            fx(() -> {
                autosave.stop();
                return null;
            });
            assertTrue(pulses.get() < 10, pulses.get() + " pulses in an idle second (60 would mean an animation runs)");
        }
    }

    @Test
    void anAutosaveLeftByACrashIsRecoveredUnsavedWithTheEditAndItsOwnFile(FxRobot robot) throws Exception {
        Path base = dir.resolve("autosave");
        Path userFile = dir.resolve("mine.aewb");
        robot.interact(() -> wb.project().saveTo(userFile, msg -> { throw new AssertionError(msg); }));
        waitFor(10, () -> Files.exists(userFile) && !wb.project().dirtyProperty().get());
        byte[] saved = Files.readAllBytes(userFile);

        AutosaveStore crashing = AutosaveStore.open(base);
        Autosave autosave = fx(() -> window.startAutosave(crashing, Duration.millis(300)));
        addLayer(robot, wb);
        ModelSpec edited = wb.design().spec();
        waitFor(10, () -> autosave.writtenProperty().get() >= 1);
        assertTrue(wb.project().dirtyProperty().get(), "an autosave does not count as saving");
        assertTrue(stage.getTitle().endsWith(" *"), stage.getTitle());
        assertArrayEquals(saved, Files.readAllBytes(userFile), "the user's file is not touched");
        robot.interact(autosave::stop);

        // The crash: what a window that died leaves is its session folder with nobody locking it.
        Path crashed = Files.createDirectory(base.resolve("session-0-crashed"));
        try (var files = Files.list(crashing.session())) {
            for (Path f : files.toList()) {
                Files.copy(f, crashed.resolve(f.getFileName()));
            }
        }

        TestWindow fresh = openAnother();
        try (AutosaveStore store = AutosaveStore.open(base)) {
            Autosave recovering = fx(() -> fresh.main().startAutosave(store, Autosave.EVERY));
            Platform.runLater(recovering::offerRecovery);
            dialogText(robot, "#recover-button");
            robot.type(javafx.scene.input.KeyCode.ESCAPE);
            waitFor(5, () -> robot.lookup("#recover-button").tryQuery().isEmpty());
            assertTrue(Files.exists(crashed.resolve("project.aewb")), "closing the question keeps the autosave");

            Platform.runLater(recovering::offerRecovery);
            String question = dialogText(robot, "#recover-button");
            assertTrue(question.contains("did not close normally") && question.contains("(mine.aewb)"), question);
            robot.clickOn("#recover-button");
            waitFor(20, () -> fresh.wb().design().spec().equals(edited) && fresh.wb().data().current() != null);
            assertTrue(fresh.wb().project().dirtyProperty().get(), "recovered work is unsaved work");
            assertEquals(userFile, fresh.wb().project().fileProperty().get(), "Save goes to the user's file");
            assertTrue(fresh.stage().getTitle().endsWith("mine.aewb *"), fresh.stage().getTitle());
            waitFor(5, () -> !Files.exists(crashed));
            assertNotNull(store.autosave(), "the recovered work is in this window's autosave before the old one goes");
            assertTrue(Files.exists(crashing.session()), "the live session was not offered");
            robot.interact(recovering::stop);
        } finally {
            crashing.close();
            robot.interact(() -> fresh.stage().hide());
            fresh.wb().close();
        }
        assertFalse(Files.exists(crashing.session()));
    }
}
