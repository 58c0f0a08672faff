package org.aeworkbench.ui.shell;

import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;

/**
 * The centre tabs' headers as a row that wraps onto a second line when the centre is narrow.
 * A {@link TabPane} lays its ten headers in one line and, at the window's minimum width, hides
 * the last four under an overflow menu (and cuts the one at the edge); here every title stays
 * visible whole. The tab pane keeps the contents and the selection (Ctrl+number, the View menu,
 * lessons); its own header row is hidden by the {@code strip-headed} style class. Each button
 * carries its tab's id, so "#tab-probe" names the header the user sees.
 */
final class CentreTabStrip extends FlowPane {

    static final String HEADLESS_CLASS = "strip-headed";

    private final ToggleGroup group = new ToggleGroup();

    CentreTabStrip(TabPane tabs) {
        getStyleClass().add("centre-tab-strip");
        tabs.getStyleClass().add(HEADLESS_CLASS);
        for (Tab t : tabs.getTabs()) {
            ToggleButton b = new ToggleButton(t.getText());
            b.setId(t.getId());
            b.setUserData(t);
            b.setToggleGroup(group);
            b.setMnemonicParsing(false);
            getChildren().add(b);
        }
        select(tabs.getSelectionModel().getSelectedItem());
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> select(now));
        group.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null) {
                group.selectToggle(was); // a click on the shown tab's header keeps it shown
            } else {
                tabs.getSelectionModel().select((Tab) now.getUserData());
            }
        });
    }

    private void select(Tab tab) {
        for (Toggle b : group.getToggles()) {
            if (b.getUserData() == tab && !b.isSelected()) {
                group.selectToggle(b);
            }
        }
    }
}
