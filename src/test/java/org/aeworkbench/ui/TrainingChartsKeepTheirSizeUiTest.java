package org.aeworkbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.aeworkbench.ui.dataset.PreparedData;
import org.aeworkbench.ui.training.TrainingSession.State;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The loss charts keep their size while the summary above them changes (the hint before a run,
 * then each epoch's figures) and while jobs come and go in the status bar below (the PCA fit as
 * the data arrives): a resize redraws every chart on the tab on the FX thread.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingChartsKeepTheirSizeUiTest {

    private static PreparedData digits;
    private TestWindow shown;
    private Stage stage;

    @BeforeAll
    static void data() {
        digits = TestWindow.prepare(300);
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        // The smallest window: the summary wraps onto the most lines there.
        shown = TestWindow.show(stage, (int) org.aeworkbench.ui.shell.MainWindow.MIN_WIDTH, (int) org.aeworkbench.ui.shell.MainWindow.MIN_HEIGHT);
    }

    @Test
    void theLossChartsKeepTheirBoundsBeforeDuringAndAfterARun(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> shown.useDigitsDesign(digits, 2)).get();
        WaitForAsyncUtils.waitForFxEvents();
        Bounds before = epochChart();
        String hint = TestWindow.fx(this::summary);
        List<Bounds> seen = new ArrayList<>();
        robot.clickOn("#train-button");
        TestWindow.waitFor(90, () -> {
            seen.add(epochChart());
            return TestWindow.fx(() -> shown.wb().training().state() == State.IDLE);
        });
        seen.add(epochChart());
        String last = TestWindow.fx(this::summary);
        assertTrue(last.startsWith("Epoch 2/2") && !last.equals(hint), last);
        for (Bounds b : seen) {
            assertEquals(before, b, "the loss per epoch chart kept its place and size");
        }
    }

    private Bounds epochChart() throws Exception {
        return TestWindow.fx(() -> {
            Node chart = stage.getScene().lookup("#epoch-chart");
            return chart.localToScene(chart.getLayoutBounds());
        });
    }

    private String summary() {
        return ((Label) stage.getScene().lookup("#training-summary")).getText();
    }
}
