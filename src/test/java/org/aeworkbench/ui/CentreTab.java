package org.aeworkbench.ui;

import org.aeworkbench.ui.shell.MainWindow;
import org.testfx.api.FxRobot;

/**
 * Selects a centre tab by its id ("tab-probe") as the View menu would, without a click on its
 * header (the header strip wraps and every header is clickable, see
 * {@code WindowLayoutUiTest#everyTabHeaderIsShownWholeAndAClickShowsItsTab}; this is for tests
 * that are about the view, not the strip).
 */
final class CentreTab {

    private CentreTab() {
    }

    static void select(FxRobot robot, MainWindow window, String id) {
        robot.interact(() -> select(window, id));
    }

    /** The same, for code already on the FX thread. */
    static void select(MainWindow window, String id) {
        window.tabs().getSelectionModel().select(window.tabs().getTabs().stream()
                .filter(t -> id.equals(t.getId())).findFirst()
                .orElseThrow(() -> new AssertionError("no tab " + id)));
    }
}
