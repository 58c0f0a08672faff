package org.aeworkbench.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A hidden tab's status keeps its text, asks for no layout, and shows the newest text when the tab shows. */
@ExtendWith(ApplicationExtension.class)
class TextWhileShownUiTest {

    private final SimpleStringProperty status = new SimpleStringProperty("Train a model first.");
    private final Label label = new Label();
    private VBox parent;
    private TextWhileShown text;
    private Stage own;

    @Start
    void start(Stage shared) {
        text = new TextWhileShown(label, status);
        parent = new VBox(label);
        own = OwnStage.show(new VBox(parent), 300, 100);
    }

    @AfterEach
    void close() throws Exception {
        OwnStage.close(own);
    }

    @Test
    void hiddenItKeepsItsTextAndShownItTakesTheNewest(FxRobot robot) {
        robot.interact(() -> {
            status.set("Press Run probe.");
            assertEquals("Press Run probe.", label.getText(), "shown, it follows");
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            text.setShowing(false);
            status.set("Press Run probe to fit the classifiers on the new model's codes.");
            assertEquals("Press Run probe.", label.getText(), "hidden, it keeps its text");
            assertFalse(parent.isNeedsLayout(), "and asks for no layout");
            text.setShowing(true);
            assertEquals("Press Run probe to fit the classifiers on the new model's codes.", label.getText(), "shown again, the newest");
            assertTrue(parent.isNeedsLayout(), "which is laid out then");
        });
    }
}
