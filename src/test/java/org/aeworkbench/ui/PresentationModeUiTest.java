package org.aeworkbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.aeworkbench.ui.common.ChartStyle;
import org.aeworkbench.ui.common.PresentationStyle;
import org.aeworkbench.ui.shell.MainWindow;
import org.aeworkbench.ui.workbench.WorkbenchModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** View > Presentation mode with F11: larger type on the root, thicker chart lines, full screen; F11 again leaves it. */
@ExtendWith(ApplicationExtension.class)
class PresentationModeUiTest {

    private WorkbenchModel wb;
    private MainWindow window;
    private Stage stage;

    @BeforeAll
    static void settings() {
        TestWindow.prepare(1);
    }

    @Start
    void start(Stage s) {
        stage = s;
        TestWindow shown = TestWindow.show(s, 1260, 780);
        wb = shown.wb();
        window = shown.main();
    }

    @Test
    void f11TurnsPresentationModeOnAndOff(FxRobot robot) throws Exception {
        BasicStroke normal = new BasicStroke(2f);
        javafx.scene.layout.Region bar = robot.lookup("#status-bar").queryAs(javafx.scene.layout.Region.class);
        double barHeight = WaitForAsyncUtils.asyncFx(bar::getHeight).get();
        robot.clickOn("#tabs"); // the window has the keyboard
        robot.type(KeyCode.F11);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents(); // the window goes full screen and is laid out at its new size in later pulses
        // The status bar gets the room its larger text needs.
        double[] grown = WaitForAsyncUtils.asyncFx(() -> new double[] {bar.getHeight(), bar.prefHeight(bar.getWidth())}).get();
        assertTrue(grown[0] > barHeight + 2, "the status bar grew with its text: " + barHeight + " to " + grown[0]);
        assertEquals(grown[1], grown[0], 0.5, "to the height it needs");
        assertTrue(wb.presentationProperty().get());
        assertTrue(window.root().getStyleClass().contains(PresentationStyle.CLASS));
        assertTrue(stage.isFullScreen());
        assertEquals(2f * ChartStyle.PRESENTATION_SCALE, ChartStyle.line(normal).getLineWidth(), 1e-6);

        robot.type(KeyCode.F11);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(wb.presentationProperty().get());
        assertFalse(window.root().getStyleClass().contains(PresentationStyle.CLASS));
        assertFalse(stage.isFullScreen());
        assertEquals(2f, ChartStyle.line(normal).getLineWidth(), 0f);
        WaitForAsyncUtils.waitForFxEvents(); // the layout at the window's normal size
        assertEquals(barHeight, WaitForAsyncUtils.asyncFx(bar::getHeight).get(), 0.5, "and is back to its size");
    }
}
