package org.aeworkbench.ui.shell;

import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;

/** Help > Keyboard shortcuts, read from {@link Shortcuts#ALL} and the tabs, and Help > About. */
final class ShortcutsDialog {

    private ShortcutsDialog() {
    }

    /** @param tabs the centre tabs' titles, in order */
    static void show(Stage owner, java.util.List<String> tabs) {
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(4);
        grid.setId("shortcuts-grid");
        int row = 0;
        java.util.List<Shortcuts.Shortcut> all = new java.util.ArrayList<>(Shortcuts.ALL);
        for (int i = 0; i < tabs.size(); i++) {
            all.add(Shortcuts.tab(i, tabs.get(i)));
        }
        for (Shortcuts.Shortcut s : all) {
            Label keys = new Label(s.display());
            keys.setStyle("-fx-font-family: monospace; -fx-font-weight: bold;");
            grid.addRow(row++, new Label(s.action()), keys);
        }
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.setTitle("Keyboard shortcuts");
        alert.setHeaderText("Keyboard shortcuts");
        alert.getDialogPane().setContent(grid);
        alert.initOwner(owner);
        alert.show();
    }

    static void about(Stage owner) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "Design autoencoders, train them live, and compare their"
                + " codes with PCA.\nJava " + System.getProperty("java.version") + ", JavaFX "
                + System.getProperty("javafx.runtime.version", "?"));
        alert.setTitle("About AE Workbench");
        alert.setHeaderText("AE Workbench");
        alert.initOwner(owner);
        alert.show();
    }
}
