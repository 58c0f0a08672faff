package org.aeworkbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.aeworkbench.ui.clustering.ClusteringModel;
import org.aeworkbench.ui.clustering.ClusteringView;
import org.aeworkbench.ui.clustering.DecFrame;
import org.aeworkbench.ui.dataset.PreparedData;
import org.aeworkbench.ui.shell.MainWindow;
import org.aeworkbench.ui.training.TrainingSession.State;
import org.aeworkbench.ui.workbench.WorkbenchModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Clustering tab in the real window (Monocle): Cluster runs k-means on the held-out codes and
 * fills the scatter, the ACC/NMI/ARI table for codes, PCA codes and raw inputs, and the confusion
 * matrix; the colouring toggles between clusters and labels; DEC refines epoch by epoch and adds
 * its row. 500 MNIST digits and a small design keep it short.
 */
@ExtendWith(ApplicationExtension.class)
class ClusteringUiTest {

    private static PreparedData tiny;

    private WorkbenchModel wb;
    private MainWindow window;

    @BeforeAll
    static void data() {
        tiny = TestWindow.prepare(500);
    }

    @Start
    void start(Stage stage) {
        TestWindow shown = TestWindow.show(stage, 1400, 900);
        wb = shown.wb();
        window = shown.main();
        shown.useDigitsDesign(tiny, 6);
    }


    @Test
    void kMeansThenDecFillTheScatterTheScoresAndTheConfusionMatrix(FxRobot robot) throws Exception {
        robot.clickOn("#train-button");
        TestWindow.waitFor(60, () -> wb.training().state() == State.IDLE && wb.training().model() != null);
        CentreTab.select(robot, window, "tab-clustering");
        ClusteringView view = window.view(ClusteringView.class);
        assertEquals(10, robot.lookup("#clusters-k").queryAs(javafx.scene.control.Spinner.class).getValue(),
                "k starts at the number of classes");
        robot.clickOn("#cluster-button");
        TestWindow.waitFor(60, () -> view.model().resultProperty().get() != null);
        assertEquals(TestWindow.heldOut(wb), view.scatter().pointCount(), "the held-out tenth of 500 samples");
        for (int m = 0; m < 3; m++) {
            double acc = Double.parseDouble(robot.lookup("#clustering-acc-" + m).queryAs(Label.class).getText());
            assertTrue(acc > 0.1 && acc <= 1, "ACC " + acc);
            Double.parseDouble(robot.lookup("#clustering-nmi-" + m).queryAs(Label.class).getText());
        }
        assertEquals("raw inputs (784)", robot.lookup("#clustering-method-2").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#confusion-matrix").queryAs(javafx.scene.layout.GridPane.class).getChildren().size() > 100,
                "a header row and column and 10 x 10 counts");

        robot.interact(() -> view.model().colourBy(ClusteringModel.Colouring.LABELS));
        assertTrue(view.scatter().chart().getTitle().getText().contains("coloured by label"));
        robot.interact(() -> view.model().colourBy(ClusteringModel.Colouring.CLUSTERS));

        List<Integer> epochs = new ArrayList<>();
        robot.interact(() -> view.model().decFrameProperty().addListener((obs, old, now) -> {
            if (now != null) {
                epochs.add(now.epoch());
            }
        }));
        robot.interact(() -> robot.lookup("#dec-epochs").queryAs(javafx.scene.control.Spinner.class).getValueFactory().setValue(3));
        robot.clickOn("#dec-button");
        TestWindow.waitFor(120, () -> !view.model().busyProperty().get() && view.model().resultProperty().get().row("DEC") != null);
        assertEquals(0, (int) epochs.get(0), "the k-means start is drawn first");
        assertTrue(epochs.size() >= 2, "and then each epoch: " + epochs);
        DecFrame last = view.model().decFrameProperty().get();
        assertNotNull(last);
        assertTrue(view.scatter().chart().getTitle().getText().startsWith("DEC, epoch"));
        assertEquals("DEC", robot.lookup("#clustering-method-3").queryAs(Label.class).getText());
        Double.parseDouble(robot.lookup("#clustering-ari-3").queryAs(Label.class).getText());
    }

    @Test
    void moreClustersThanHeldOutSamplesIsRefusedWithAMessage(FxRobot robot) throws Exception {
        robot.clickOn("#train-button");
        TestWindow.waitFor(60, () -> wb.training().state() == State.IDLE && wb.training().model() != null);
        CentreTab.select(robot, window, "tab-clustering");
        ClusteringView view = window.view(ClusteringView.class);
        robot.interact(() -> view.model().cluster(60, 2));
        TestWindow.waitFor(30, () -> view.model().statusProperty().get().startsWith("Could not cluster"));
        String status = view.model().statusProperty().get();
        assertTrue(status.contains("60 clusters") && status.contains("got " + TestWindow.heldOut(wb)), status);
    }
}
