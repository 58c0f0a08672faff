package org.aeworkbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
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

/**
 * As a run ends, the latent view starts its scores after the frame that shows the change to idle,
 * not in the tasks right behind it: their background work would share the cores with that frame
 * (docs/performance.md, round eighteen).
 */
@ExtendWith(ApplicationExtension.class)
class LatentIdleWorkAfterItsFrameUiTest {

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
        shown = TestWindow.show(stage, 1260, 780);
    }

    @Test
    void theScoresStartAfterTheFrameThatShowsTheRunsEnd(FxRobot robot) throws Exception {
        shown.latentSpaceOnDigits(robot, digits);

        List<String> events = new ArrayList<>();
        TestWindow.fx(() -> {
            ((Label) stage.getScene().lookup("#ae-metrics")).textProperty().addListener((obs, old, now) -> {
                if (now.startsWith("computing")) {
                    events.add("scores started");
                }
            });
            shown.wb().training().stateProperty().addListener((obs, old, now) -> {
                if (now != State.IDLE) {
                    return;
                }
                events.add("idle");
                Platform.runLater(() -> events.add("task posted at idle"));
                new AnimationTimer() {
                    @Override
                    public void handle(long at) {
                        stop();
                        events.add("frame");
                    }
                }.start();
            });
            return null;
        });
        robot.clickOn("#train-button");
        TestWindow.waitFor(90, () -> TestWindow.fx(() -> events.contains("scores started")));

        List<String> seen = TestWindow.fx(() -> List.copyOf(events));
        int idle = seen.lastIndexOf("idle");
        assertTrue(idle >= 0, "the run ended: " + seen);
        List<String> after = seen.subList(idle + 1, seen.size());
        // A pulse already queued as the run ended may come before or after the task posted then.
        assertEquals(3, after.size(), "one task, one frame and the scores after the change to idle: " + seen);
        assertEquals("scores started", after.get(2),
                "the scores start after the frame and the tasks posted as the state changed: " + seen);
    }
}
