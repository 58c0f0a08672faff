package org.aeworkbench.ui;

import org.aeworkbench.ui.shell.MainWindow;
import org.testfx.api.FxRobot;

/**
 * Selects a centre tab by its id ("tab-probe") as the View menu would. With nine tabs the header
 * row overflows at test window widths: the last tabs hide under the overflow button, and a click
 * on their header opens the overflow menu instead, which then swallows the next click.
 */
final class CentreTab {

    private CentreTab() {
    }

    static void select(FxRobot robot, MainWindow window, String id) {
        robot.interact(() -> window.tabs().getSelectionModel().select(window.tabs().getTabs().stream()
                .filter(t -> id.equals(t.getId())).findFirst()
                .orElseThrow(() -> new AssertionError("no tab " + id))));
    }
}
