package org.aeworkbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.model.DenseSpec;
import org.aeworkbench.engine.model.LayerSpec;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.loss.ReconstructionLoss;
import org.aeworkbench.ui.dataset.PreparedData;
import org.aeworkbench.ui.generate.GenerateView;
import org.aeworkbench.ui.latent.LatentView;
import org.aeworkbench.ui.reconstructions.ReconstructionsView;
import org.aeworkbench.ui.shell.MainWindow;
import org.aeworkbench.ui.training.TrainingSession.State;
import org.aeworkbench.ui.training.TrainingView;
import org.aeworkbench.ui.weights.WeightsView;
import org.aeworkbench.ui.workbench.WorkbenchModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every tab shows the current model and data, or says plainly that it is out of date: after new
 * data, a new preset, Reset, and in a fresh window that opens a saved project.
 */
@ExtendWith(ApplicationExtension.class)
class ViewsFollowTheModelUiTest {

    private static PreparedData digits;

    private TestWindow shown;
    private WorkbenchModel wb;
    private MainWindow window;

    @TempDir
    Path dir;

    @BeforeAll
    static void data() {
        digits = TestWindow.prepare(300);
    }

    @Start
    void start(Stage stage) {
        shown = TestWindow.show(stage, 1260, 780);
        wb = shown.wb();
        window = shown.main();
    }

    private static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        TestWindow.waitFor(seconds, condition);
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return TestWindow.fx(c);
    }

    /** The bundled digits and a small design that trains them for {@code epochs}. */
    private void digitsWithSmallDesign(FxRobot robot, int epochs) {
        robot.interact(() -> {
            wb.data().set(digits);
            wb.design().replace("small", TestWindow.small(784, epochs));
        });
    }

    private void trainToEnd(FxRobot robot, int epochs) throws Exception {
        shown.trainToEnd(robot, epochs);
    }

    /** Shows every tab so each fills in, picks a sample on the latent plot and a pair on Generate. */
    private void lookAtEveryTab(FxRobot robot, int points) throws Exception {
        robot.clickOn("#tab-latent-space");
        LatentView latent = window.view(LatentView.class);
        try {
            waitFor(120, () -> latent.aePoints() == points && latent.pcaPoints() == points);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the latent tab shows " + latent.aePoints() + " codes and " + latent.pcaPoints()
                    + " PCA points, not " + points + "; PCA " + wb.pca().fitted() + " for " + wb.training().trainedOn(), e);
        }
        TestWindow.pickFirstCode(robot, latent);
        waitFor(30, () -> latent.selectedTitle().startsWith("SAMPLE"));
        robot.clickOn("#tab-reconstructions");
        waitFor(90, () -> !window.view(ReconstructionsView.class).tableLabels().isEmpty());
        robot.clickOn("#tab-generate");
        GenerateView generate = window.view(GenerateView.class);
        waitFor(90, () -> generate.plane().pointCount() == points);
        robot.clickOn("#random-pair");
        waitFor(90, () -> generate.stripImages() == 10);
        robot.clickOn("#tab-weights");
        waitFor(90, () -> !window.view(WeightsView.class).filterNote().isEmpty());
        robot.clickOn("#tab-training");
    }

    /** No tab shows anything of a model: the state after Reset, new data or a new project. */
    private void assertEveryTabIsEmpty(String after) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> {
            TrainingView t = window.view(TrainingView.class);
            assertEquals(0, t.epochPoints(), after + ": loss per epoch");
            assertEquals(0, t.batchPoints(), after + ": loss per batch");
            assertTrue(t.summary().startsWith("Press Train"), after + ": " + t.summary());
            LatentView l = window.view(LatentView.class);
            assertEquals(0, l.aePoints(), after + ": codes");
            assertEquals(0, l.pcaPoints(), after + ": PCA beside the codes");
            assertEquals("Click a point", l.selectedTitle(), after + ": the sample card");
            ReconstructionsView r = window.view(ReconstructionsView.class);
            assertTrue(r.tableLabels().isEmpty() && r.summary().isEmpty() && r.imageCount() == 0 && r.valueCards().isEmpty(),
                    after + ": reconstructions " + r.tableLabels());
            // A hidden Generate tab clears what it showed when it is shown again: look at it.
            var was = window.tabs().getSelectionModel().getSelectedItem();
            CentreTab.select(window, "tab-generate");
            GenerateView g = window.view(GenerateView.class);
            assertEquals(0, g.plane().pointCount(), after + ": the latent plane");
            assertEquals(0, g.stripImages(), after + ": the interpolation");
            assertTrue(g.pairText().startsWith("Click two points"), after + ": " + g.pairText());
            window.tabs().getSelectionModel().select(was);
            WeightsView w = window.view(WeightsView.class);
            assertEquals("", w.filterNote(), after + ": weights");
            assertEquals(0, w.filterCount(), after + ": filters");
            assertEquals("", wb.outOfDateProperty().get());
            return null;
        });
    }

    /** The out-of-date note of every tab: its text when shown, else empty. */
    private List<String> outOfDateNotes() throws Exception {
        return fx(() -> window.tabs().getTabs().stream().map(t -> {
            Node note = t.getContent().lookup(".out-of-date");
            return note != null && note.isVisible() ? ((Label) note).getText() : "";
        }).toList());
    }

    @Test
    void switchingDataAndPresetsKeepsEveryTabOnTheCurrentModelOrSaysItIsOutOfDate(FxRobot robot) throws Exception {
        digitsWithSmallDesign(robot, 2);
        trainToEnd(robot, 2);
        lookAtEveryTab(robot, 300);

        // New data, chosen with the mouse: the digits' model goes, and every tab says nothing of it.
        robot.clickOn("#dataset-chooser").clickOn("customers");
        waitFor(90, () -> wb.data().current() != null && wb.data().current().all().name().equals("customers"));
        assertEveryTabIsEmpty("new data");
        assertEquals(2, wb.design().spec().training().epochs(), "the epochs chosen stay when the data changes");

        robot.interact(() -> wb.design().replace("small", TestWindow.small(6, 30)));
        trainToEnd(robot, 30);
        lookAtEveryTab(robot, 5);
        List<String> customers = wb.data().current().all().classNames();
        for (String label : window.view(ReconstructionsView.class).tableLabels()) {
            assertTrue(customers.contains(label), label + " is not one of the customers");
        }
        assertTrue(fx(() -> window.view(LatentView.class).selectedTitle()).contains("CUSTOMER"));
        assertTrue(window.view(GenerateView.class).pairText().contains("Customer"), window.view(GenerateView.class).pairText());
        assertTrue(window.view(WeightsView.class).filterNote().contains("12 of 12 units"), window.view(WeightsView.class).filterNote());
        assertTrue(outOfDateNotes().stream().allMatch(String::isEmpty), "the views show the current design");

        // A new preset: until it is trained, every tab says what it shows is out of date.
        robot.clickOn("#presets-button").clickOn("k-sparse");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("k-sparse", wb.design().spec().name());
        for (String note : outOfDateNotes()) {
            assertTrue(note.startsWith("Out of date") && note.contains("small"), note);
        }
        robot.interact(() -> wb.design().edit("epochs", s -> s.withTraining(s.training().withEpochs(3))));
        trainToEnd(robot, 3);
        assertTrue(outOfDateNotes().stream().allMatch(String::isEmpty));
        lookAtEveryTab(robot, 5);
        assertTrue(window.view(WeightsView.class).filterNote().contains("of 100 units"), window.view(WeightsView.class).filterNote());

        robot.clickOn("#presets-button").clickOn("Stacked (greedy pretraining)");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(outOfDateNotes().stream().allMatch(n -> n.contains("k-sparse")), outOfDateNotes().toString());
        robot.interact(() -> wb.design().edit("epochs", s -> s.withTraining(s.training().withEpochs(2))));
        trainToEnd(robot, 3 * 2 + 2);
        lookAtEveryTab(robot, 5);
        String weights = window.view(WeightsView.class).filterNote();
        assertTrue(weights.contains("of 256 units") && !weights.contains("100"), weights);
    }

    @Test
    void resetClearsEveryTabAndTheNextRunStartsAtEpochOne(FxRobot robot) throws Exception {
        digitsWithSmallDesign(robot, 2);
        trainToEnd(robot, 2);
        lookAtEveryTab(robot, 300);
        robot.clickOn("#reset-button");
        assertEveryTabIsEmpty("Reset");
        assertTrue(wb.training().messageProperty().get().startsWith("Reset: the next run starts at epoch 1"),
                wb.training().messageProperty().get());

        robot.clickOn("#train-button");
        waitFor(90, () -> wb.training().epochsTrainedProperty().get() >= 1);
        String started = wb.training().messageProperty().get();
        assertFalse(started.contains("continuing"), started);
        waitFor(60, () -> wb.training().state() == State.IDLE);
        assertEquals(2, wb.training().epochsTrainedProperty().get());
        assertTrue(window.view(TrainingView.class).summary().startsWith("Epoch 2/2"), window.view(TrainingView.class).summary());
        assertEquals(2 * 2, window.view(TrainingView.class).epochPoints(), "train and validation from epoch 1");
    }

    /**
     * Every sample's PCA plane, shown beside the codes once a run ends, depends on the data and
     * the PCA fit, not on the model: the next run on the same data shows the one projected before
     * (every run's end projected all 60,000 samples of Fashion-MNIST again).
     */
    @Test
    void theNextRunOnTheSameDataShowsThePcaPlaneProjectedBefore(FxRobot robot) throws Exception {
        digitsWithSmallDesign(robot, 1);
        robot.clickOn("#tab-latent-space");
        LatentView latent = window.view(LatentView.class);
        trainToEnd(robot, 1);
        waitFor(120, () -> latent.wholePlane() != null);
        float[] first = fx(latent::wholePlane);
        assertEquals(2 * 300, first.length, "every sample on PCA's plane");
        trainToEnd(robot, 2);
        waitFor(120, () -> latent.wholePlane() != null && latent.pcaPoints() == 300);
        assertSame(first, fx(latent::wholePlane), "the same samples under the same PCA fit, not projected again");
    }

    /**
     * A run watched on the Training tab leaves the hidden Latent space tab's slider where it was
     * (laid out at each epoch's end it cost the FX thread; docs/performance.md, round twenty), and
     * the tab takes every epoch's frame and shows the newest codes when it is shown.
     */
    @Test
    void aRunWatchedOnTheTrainingTabCanBeReplayedOnTheLatentTab(FxRobot robot) throws Exception {
        digitsWithSmallDesign(robot, 3);
        trainToEnd(robot, 3);
        Slider replay = (Slider) shown.stage().getScene().lookup("#replay-slider");
        assertEquals(0, fx(replay::getMax), "the hidden tab's slider was left alone");
        robot.clickOn("#tab-latent-space");
        LatentView latent = window.view(LatentView.class);
        waitFor(60, () -> latent.aePoints() == 300);
        assertEquals(3, fx(replay::getMax), "shown, one replay frame per epoch");
        assertEquals("live", fx(() -> ((Label) shown.stage().getScene().lookup("#replay-label")).getText()));
        robot.interact(() -> replay.setValue(0));
        assertEquals("after epoch 1 of 3", fx(() -> ((Label) shown.stage().getScene().lookup("#replay-label")).getText()));
    }

    /**
     * A run watched on the Latent space tab leaves the hidden Training tab's summary label as it
     * was (its new text was laid out at every epoch's end; docs/performance.md, round twenty-one),
     * and the tab shows the last epoch's summary when it is shown.
     */
    @Test
    void aRunWatchedOnTheLatentTabLeavesTheTrainingSummaryUntilItIsShown(FxRobot robot) throws Exception {
        digitsWithSmallDesign(robot, 2);
        robot.clickOn("#tab-latent-space");
        Label summary = (Label) shown.stage().getScene().lookup("#training-summary");
        String before = fx(summary::getText);
        trainToEnd(robot, 2);
        TrainingView training = window.view(TrainingView.class);
        assertTrue(fx(training::summary).startsWith("Epoch 2/2"), "the view knows the last epoch: " + fx(training::summary));
        assertEquals(before, fx(summary::getText), "the hidden tab's label was left alone");
        robot.clickOn("#tab-training");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(fx(training::summary), fx(summary::getText), "shown, it says the last epoch");
    }

    @Test
    void aReopenedProjectShowsItsCodesCurvesAndReplayInAFreshWindow(FxRobot robot) throws Exception {
        digitsWithSmallDesign(robot, 3);
        trainToEnd(robot, 3);
        int batchPoints = window.view(TrainingView.class).batchPoints();
        assertTrue(batchPoints > 3, "a per-batch curve to save");
        Path file = dir.resolve("saved.aewb");
        robot.interact(() -> wb.project().saveTo(file, msg -> { throw new AssertionError(msg); }));
        waitFor(60, () -> Files.exists(file) && !wb.project().dirty());

        TestWindow fresh = fx(() -> TestWindow.show(new Stage(), 1260, 780));
        try {
            robot.interact(() -> fresh.main().openProject(file));
            waitFor(60, () -> fresh.wb().training().epochsTrainedProperty().get() == 3);
            TrainingView training = fresh.main().view(TrainingView.class);
            assertEquals(3 * 2, training.epochPoints(), "loss per epoch as saved");
            assertEquals(batchPoints, training.batchPoints(), "the per-batch curve as saved");
            robot.interact(() -> fresh.main().tabs().getSelectionModel().select(1));
            LatentView latent = fresh.main().view(LatentView.class);
            waitFor(60, () -> latent.aePoints() == 300 && latent.pcaPoints() == 300);
            Slider replay = (Slider) fresh.stage().getScene().lookup("#replay-slider");
            assertEquals(3, replay.getMax(), "one replay frame per epoch");
            robot.interact(() -> replay.setValue(0));
            assertEquals("after epoch 1 of 3", ((Label) fresh.stage().getScene().lookup("#replay-label")).getText());
            assertFalse(fresh.wb().project().dirty(), "as saved");
        } finally {
            robot.interact(() -> fresh.stage().hide());
            fresh.wb().close();
        }
    }
}
