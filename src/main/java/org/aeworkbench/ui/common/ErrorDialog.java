package org.aeworkbench.ui.common;

import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;
import org.aeworkbench.support.Logs;

/**
 * How every failure reaches the user: a dialog with one plain sentence, the detail (and where the
 * log file is) behind the expander, and the same text in the log for a bug report.
 */
public final class ErrorDialog {

    private static final Logger LOG = Logger.getLogger(ErrorDialog.class.getName());

    private ErrorDialog() {
    }

    /**
     * @param header   what failed, e.g. "Could not open the project"
     * @param sentence what happened and what to do, naming the file
     * @param detail   the underlying cause for the expander, or null
     */
    public static void show(Window owner, String header, String sentence, Throwable detail) {
        LOG.log(Level.WARNING, header + ": " + sentence, detail);
        Alert alert = new Alert(Alert.AlertType.ERROR, sentence);
        alert.setHeaderText(header);
        if (owner != null) {
            alert.initOwner(owner);
        }
        Path log = Logs.currentFile();
        StringBuilder text = new StringBuilder(header).append(": ").append(sentence).append('\n');
        if (detail != null) {
            java.io.StringWriter trace = new java.io.StringWriter();
            detail.printStackTrace(new java.io.PrintWriter(trace));
            text.append('\n').append(trace);
        }
        text.append('\n').append(log != null ? "This is also in the log: " + log : "Logging to a file is off.");
        TextArea area = new TextArea(text.toString());
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefRowCount(12);
        alert.getDialogPane().setExpandableContent(area);
        alert.show();
    }
}
