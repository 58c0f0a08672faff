package org.aeworkbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.aeworkbench.ui.dataset.DataReference;
import org.aeworkbench.ui.training.TrainingSession.State;
import org.aeworkbench.ui.workbench.WorkbenchModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * As the window opens and is used first: the bundled data, the default design, the Latent space tab
 * by its shortcut, a run. The scores set under the plots after it are drawn, not only set.
 */
@ExtendWith(ApplicationExtension.class)
class LatentScoresAreDrawnUiTest {

    private TestWindow shown;
    private Stage stage;

    @BeforeAll
    static void prepare() {
        TestWindow.prepare(10); // for what every UI test sets first; the window loads its own data
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        shown = TestWindow.show(stage, 1400, 900);
        shown.wb().loadData(DataReference.of(WorkbenchModel.DEFAULT_DATA));
    }

    @Test
    void theScoresUnderTheLatentPlotsAreDrawnAfterTheFirstRun(FxRobot robot) throws Exception {
        TestWindow.waitFor(90, () -> TestWindow.fx(() -> shown.wb().trainBlockedProperty().get().isEmpty()
                && shown.wb().pca().fitted() != null));
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        robot.clickOn("#train-button");
        TestWindow.waitFor(120, () -> TestWindow.fx(() -> shown.wb().training().state() == State.IDLE
                && text("#ae-metrics").startsWith("Autoencoder")));
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : new String[] {"#ae-metrics", "#pca-metrics", "#procrustes-distance", "#metrics-basis"}) {
            assertEquals(TestWindow.fx(() -> text(id)), TestWindow.fx(() -> drawn(id)), "the text drawn is the label's: " + id);
        }
    }

    private String text(String id) {
        return ((Label) stage.getScene().lookup(id)).getText();
    }

    private String drawn(String id) {
        Node t = stage.getScene().lookup(id).lookup(".text");
        return t == null ? "" : ((javafx.scene.text.Text) t).getText();
    }
}
