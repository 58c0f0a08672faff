package org.aeworkbench.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A SteadyLabel's new text lays out the label alone while it fits the room kept, and asks its
 * parents for more room when it does not.
 */
@ExtendWith(ApplicationExtension.class)
class SteadyLabelUiTest {

    private static final String LONGEST = "Autoencoder: reconstruction error 49.23 · kNN accuracy 46.5% · trustworthiness 0.758";
    private SteadyLabel steady;
    private VBox parent;
    private Region above;

    private Stage own;

    /** A stage of its own ({@link OwnStage}). */
    @Start
    void start(Stage shared) {
        steady = new SteadyLabel(LONGEST, "steady", "metrics");
        above = new Region();
        above.setPrefHeight(100);
        parent = new VBox(above, steady);
        parent.setMaxWidth(240);
        own = OwnStage.show(new VBox(parent), 240, 300);
    }

    @AfterEach
    void close() throws Exception {
        OwnStage.close(own);
    }

    @Test
    void aTextThatFitsLaysOutTheLabelAloneAndALongerOneGetsTheRoomItNeeds(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        double kept = WaitForAsyncUtils.asyncFx(steady::getHeight).get();
        assertTrue(kept > 20, "the room for the longest text wraps onto lines at 240 px: " + kept);

        robot.interact(() -> {
            steady.label().setText("computing…");
            assertFalse(parent.isNeedsLayout(), "a text that fits does not lay out the label's parents");
            assertTrue(steady.label().isNeedsLayout(), "the label itself is laid out");
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            assertEquals(kept, steady.getHeight(), 0.0, "the room kept does not change");
            assertEquals(steady.getWidth(), steady.label().getWidth(), 0.5, "the label shown spans the room");
        });

        String longer = LONGEST + " " + LONGEST + " " + LONGEST;
        robot.interact(() -> {
            steady.label().setText(longer);
            assertTrue(parent.isNeedsLayout(), "a text longer than the room asks the parents for more");
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            assertTrue(steady.getHeight() > kept + 10, "the room grew: " + steady.getHeight());
            assertTrue(steady.label().getHeight() >= steady.label().prefHeight(steady.label().getWidth()) - 0.5,
                    "the longer text is shown whole");
            assertEquals(longer, ((javafx.scene.text.Text) steady.label().lookup(".text")).getText(), "not clipped");
        });
    }
}
