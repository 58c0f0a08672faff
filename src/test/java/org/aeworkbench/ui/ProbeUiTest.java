package org.aeworkbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.aeworkbench.ui.dataset.PreparedData;
import org.aeworkbench.ui.probe.ProbeModel;
import org.aeworkbench.ui.probe.ProbeView;
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
 * The Probe tab in the real window (Monocle): Run probe fills the held-out accuracy of the codes,
 * the PCA codes and the raw inputs with 100 labels and with all of them. 500 MNIST digits (about 450
 * training samples, so the 1,000 budget does not apply) and a small design keep it short.
 */
@ExtendWith(ApplicationExtension.class)
class ProbeUiTest {

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
        shown.useDigitsDesign(tiny, 8);
    }

    @Test
    void runProbeReportsHeldOutAccuracyForEachRepresentationAndLabelBudget(FxRobot robot) throws Exception {
        CentreTab.select(robot, window, "tab-probe");
        robot.clickOn("#probe-button");
        assertTrue(window.view(ProbeView.class).model().statusProperty().get().startsWith("Train a model first"));
        robot.clickOn("#train-button");
        TestWindow.waitFor(60, () -> wb.training().state() == State.IDLE && wb.training().model() != null);
        ProbeView view = window.view(ProbeView.class);
        robot.clickOn("#probe-button");
        TestWindow.waitFor(120, () -> view.model().resultProperty().get() != null);
        ProbeModel.Result r = view.model().resultProperty().get();
        var spec = wb.training().model().weights().spec().training();
        int training = 500 - wb.training().model().data().split(spec.validationFraction(), spec.seed()).validation().samples();
        assertEquals(2, r.budgets().length, "100 labels and all (about 450): the 1,000 budget exceeds the training samples");
        assertEquals(100, r.at(0, 0).labelsUsed());
        assertEquals(training, r.at(1, 0).labelsUsed(), "every training sample of the run's stratified split");
        for (int m = 0; m < 3; m++) {
            for (int b = 0; b < 2; b++) {
                double acc = Double.parseDouble(robot.lookup("#probe-accuracy-" + m + "-" + b).queryAs(Label.class).getText());
                assertTrue(acc > 0.2 && acc <= 1, "accuracy " + acc);
            }
        }
        // Digits are linearly readable from their pixels far above chance with every label.
        assertTrue(r.at(1, 2).accuracy() > 0.6, "raw pixels, all labels: " + r.at(1, 2).accuracy());
    }
}
