package org.aeworkbench.ui.common;

import java.io.File;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.stage.FileChooser;
import org.jfree.chart.JFreeChart;

/** An "Export" menu button offering each chart of a view as PNG or SVG. */
public final class ExportMenu {

    /** Size of exported charts, in pixels (PNG) or user units (SVG). */
    private static final int WIDTH = 1200;
    private static final int HEIGHT = 700;

    private ExportMenu() {
    }

    public static MenuButton forCharts(String text, Map<String, Supplier<JFreeChart>> charts) {
        MenuButton button = new MenuButton(text);
        for (var e : new TreeMap<>(charts).entrySet()) {
            for (String ext : new String[] {"png", "svg"}) {
                MenuItem item = new MenuItem(e.getKey() + " as " + ext.toUpperCase() + "\u2026");
                item.setOnAction(a -> export(button, e.getValue().get(), e.getKey(), ext));
                button.getItems().add(item);
            }
        }
        return button;
    }

    private static void export(MenuButton owner, JFreeChart chart, String name, String ext) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export chart");
        chooser.setInitialFileName(name + "." + ext);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(ext.toUpperCase(), "*." + ext));
        File file = FileDialogs.current().showSave(chooser, owner.getScene().getWindow());
        if (file == null) {
            return;
        }
        try {
            ChartExport.byExtension(chart, file.toPath(), WIDTH, HEIGHT);
        } catch (Exception ex) {
            ErrorDialog.show(owner.getScene().getWindow(), "Export failed", file + ": the chart could not be written ("
                    + Background.message(ex) + "). Choose another folder or free some space.", ex);
        }
    }
}
