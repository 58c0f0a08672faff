package org.aeworkbench.ui.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import javafx.scene.Node;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.aeworkbench.ui.common.OwnStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Clearing a sample card with no sample on it leaves its nodes alone: every run clears it at its
 * start and at each new model, and re-adding the wrapped hint laid the card out again each time.
 */
@ExtendWith(ApplicationExtension.class)
class SamplePanelUiTest {

    private SamplePanel panel;
    private Stage own;

    @Start
    void start(Stage shared) {
        panel = new SamplePanel(null); // clear() reads no model
        own = OwnStage.show(new VBox(panel), 300, 300);
    }

    @AfterEach
    void close() throws Exception {
        OwnStage.close(own);
    }

    @Test
    void clearingAnEmptyCardAsksForNoLayout(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            VBox content = (VBox) panel.getChildren().get(1);
            Node hint = content.getChildren().get(0);
            panel.clear();
            assertFalse(panel.isNeedsLayout(), "nothing to lay out again");
            assertEquals(1, content.getChildren().size());
            assertEquals(hint, content.getChildren().get(0), "the hint stays");
            assertEquals("Click a point", panel.title());
        });
    }
}
