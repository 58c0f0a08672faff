package org.aeworkbench.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import org.aeworkbench.ui.run.ModelSnapshot;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.ui.dataset.PreparedData;
import org.aeworkbench.ui.design.LayerPath;
import org.aeworkbench.ui.shell.MainWindow;
import org.aeworkbench.ui.training.TrainingSession.State;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.aeworkbench.ui.workbench.WorkbenchModel;

/**
 * Drives the real window headless (Monocle): build a design by dragging, see an invalid design
 * flagged and Train refused with the reason, train and see the charts and scatters fill, pause and
 * resume, interpolate, save and reopen a project. Uses 500 MNIST digits and a small design so the
 * whole class runs in well under a minute.
 */
@ExtendWith(ApplicationExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkbenchUiTest {

    private static PreparedData tiny;

    private WorkbenchModel wb;
    private MainWindow window;

    @TempDir
    Path dir;

    @BeforeAll
    static void data() {
        tiny = TestWindow.prepare(500);
    }

    @Start
    void start(Stage stage) {
        TestWindow shown = TestWindow.show(stage, 1260, 780);
        wb = shown.wb();
        window = shown.main();
        wb.data().set(tiny);
        // A small, fast design: 784-32-2-32-784, two epochs.
        wb.design().reset(wb.design().spec().withLayers(
                java.util.List.of(new org.aeworkbench.engine.model.DenseSpec(32, org.aeworkbench.engine.layer.Activation.RELU),
                        new org.aeworkbench.engine.model.DenseSpec(2, org.aeworkbench.engine.layer.Activation.IDENTITY)),
                java.util.List.of(new org.aeworkbench.engine.model.DenseSpec(32, org.aeworkbench.engine.layer.Activation.RELU),
                        new org.aeworkbench.engine.model.DenseSpec(784, org.aeworkbench.engine.layer.Activation.SIGMOID)))
                .withTraining(wb.design().spec().training().withEpochs(2).withBatchSize(64)));
    }

    private static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        TestWindow.waitFor(seconds, condition);
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return TestWindow.fx(c);
    }

    @Test
    @Order(1)
    void dragFromThePaletteAddsALayerAndTheShapesFollow(FxRobot robot) throws Exception {
        int before = wb.design().spec().encoder().size();
        robot.drag("#palette-dense-tanh").moveTo("#zone-encoder").release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        ModelSpec spec = wb.design().spec();
        assertEquals(before + 1, spec.encoder().size(), "the dropped layer joins the encoder");
        assertTrue(wb.design().mirrored());
        assertEquals(spec.encoder().size(), spec.decoder().size(), "the mirrored decoder grows with it");
        Label flow = robot.lookup("#shape-flow").queryAs(Label.class);
        assertTrue(flow.getText().startsWith("784 \u2192 "), flow.getText());
        assertEquals(spec.encoder().size() + spec.decoder().size() + 1, flow.getText().split("\u2192").length);
        // Reorder by dragging the new layer onto the code zone, then undo both edits.
        robot.interact(() -> wb.design().undo());
        assertEquals(before, wb.design().spec().encoder().size());
    }

    @Test
    @Order(2)
    void anInvalidDesignIsFlaggedAtTheLayerAndTrainIsRefusedWithTheReason(FxRobot robot) throws Exception {
        robot.interact(() -> wb.design().replaceLayer(LayerPath.decoder(1),
                new org.aeworkbench.engine.model.DenseSpec(100, org.aeworkbench.engine.layer.Activation.SIGMOID), "units"));
        Node card = robot.lookup("#layer-decoder-1").query();
        assertTrue(card.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("invalid")));
        Label problem = robot.lookup("#layer-decoder-1 .layer-problem").queryAs(Label.class);
        assertTrue(problem.getText().contains("784"), problem.getText());
        Button train = robot.lookup("#train-button").queryButton();
        assertTrue(train.isDisabled());
        Tooltip why = fx(() -> (Tooltip) robot.lookup("#train-wrap").query().getProperties().get("javafx.scene.control.Tooltip"));
        assertTrue(why.getText().contains("decoder[1].units"), why.getText());
        robot.clickOn("#undo-button");
        assertFalse(robot.lookup("#train-button").queryButton().isDisabled(), wb.trainBlockedProperty().get());
    }

    @Test
    @Order(3)
    void trainCommitsAValueStillBeingTypedAndTakesTheFocusOutOfTheField(FxRobot robot) throws Exception {
        assertFalse(fx(() -> stageFocusIsTextEntry(robot)), "the window opens with the designer focused, not a field");
        robot.doubleClickOn("#layer-encoder-0 .units-editor .text-field").write("48");
        assertTrue(fx(() -> stageFocusIsTextEntry(robot)));
        assertEquals(32, ((org.aeworkbench.engine.model.DenseSpec) wb.design().spec().encoder().get(0)).units(), "not yet committed");
        robot.clickOn("#train-button");
        // A focused field's caret blinks, and a blinking caret keeps the window pulsing 60 times a second.
        assertFalse(fx(() -> stageFocusIsTextEntry(robot)), "the focus left the field");
        waitFor(60, () -> wb.training().state() == State.IDLE);
        assertEquals(48, ((org.aeworkbench.engine.model.DenseSpec) wb.training().snapshot().spec().encoder().get(0)).units(),
                "the run trained what the field showed");
        robot.interact(() -> wb.design().undo());
    }

    private static boolean stageFocusIsTextEntry(FxRobot robot) {
        Node owner = robot.lookup("#train-button").query().getScene().getFocusOwner();
        return owner instanceof javafx.scene.control.TextInputControl || owner instanceof javafx.scene.control.Spinner;
    }

    @Test
    @Order(4)
    void trainingFillsTheChartsAndTheScattersAndCanBePausedAndResumed(FxRobot robot) throws Exception {
        robot.clickOn("#train-button");
        waitFor(60, () -> wb.training().state() == State.IDLE && wb.training().epochsTrainedProperty().get() == 2);
        assertEquals(2 * 2, window.view(org.aeworkbench.ui.training.TrainingView.class).epochPoints(), "train and validation per epoch");
        assertTrue(window.view(org.aeworkbench.ui.training.TrainingView.class).batchPoints() > 4, "batch curve");
        robot.clickOn("#tab-latent-space");
        waitFor(10, () -> window.view(org.aeworkbench.ui.latent.LatentView.class).aePoints() == 500 && window.view(org.aeworkbench.ui.latent.LatentView.class).pcaPoints() == 500);

        // A run far longer than the test, to pause in the middle of: 200 epochs of this small design
        // finished before Stop was clicked on a quiet machine.
        robot.interact(() -> wb.design().edit("epochs", s -> s.withTraining(s.training().withEpochs(100_000))));
        robot.clickOn("#train-button");
        waitFor(20, () -> wb.training().epochsTrainedProperty().get() >= 3);
        robot.clickOn("#pause-button");
        assertEquals(State.PAUSED, wb.training().state());
        assertEquals("Resume", robot.lookup("#pause-button").queryButton().getText());
        Thread.sleep(600); // epochs finished before the pause reach the window
        WaitForAsyncUtils.waitForFxEvents();
        int paused = wb.training().epochsTrainedProperty().get();
        Thread.sleep(800);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(paused, wb.training().epochsTrainedProperty().get(), "nothing trains while paused");
        robot.clickOn("#pause-button");
        assertEquals(State.RUNNING, wb.training().state());
        int resumedAt = wb.training().epochsTrainedProperty().get();
        waitFor(20, () -> wb.training().epochsTrainedProperty().get() > resumedAt + 1);
        robot.clickOn("#stop-button");
        waitFor(20, () -> wb.training().state() == State.IDLE);
        assertTrue(wb.training().messageProperty().get().startsWith("Stopped"), wb.training().messageProperty().get());
    }

    @Test
    @Order(5)
    void interpolationDecodesAStripAndSavingAndReopeningRestoresTheProject(FxRobot robot) throws Exception {
        robot.clickOn("#train-button");
        waitFor(60, () -> wb.training().state() == State.IDLE && wb.training().epochsTrainedProperty().get() == 2);
        robot.clickOn("#tab-generate");
        var generate = window.view(org.aeworkbench.ui.generate.GenerateView.class);
        waitFor(10, () -> generate.plane().pointCount() == 500);
        robot.clickOn("#random-pair");
        waitFor(10, () -> generate.stripImages() == 10);

        Path file = dir.resolve("tiny.aewb");
        ModelSnapshot saved = wb.training().snapshot();
        ModelSpec spec = wb.design().spec();
        robot.interact(() -> wb.project().saveTo(file, msg -> { throw new AssertionError(msg); }));
        waitFor(10, () -> Files.exists(file) && !wb.project().dirtyProperty().get());
        robot.interact(() -> {
            wb.design().insertLayer(new org.aeworkbench.engine.model.DenseSpec(8, org.aeworkbench.engine.layer.Activation.RELU),
                    org.aeworkbench.ui.design.Zone.ENCODER, 0);
            wb.reset();
        });
        assertTrue(wb.project().dirtyProperty().get(), "an edit after saving is unsaved work");
        robot.interact(() -> window.openProject(file));
        waitFor(20, () -> wb.training().epochsTrainedProperty().get() == 2 && wb.design().spec().equals(spec));
        ModelSnapshot reopened = wb.training().snapshot();
        for (int i = 0; i < saved.weights().size(); i++) {
            assertArrayEquals(saved.weights().get(i), reopened.weights().get(i));
        }
        assertEquals(2 * 2, window.view(org.aeworkbench.ui.training.TrainingView.class).epochPoints(), "the history is drawn again");
        assertFalse(wb.project().dirtyProperty().get());
    }
}
