package org.aeworkbench.ui.common;

import java.io.File;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * How the window asks the user for a file. The platform's own dialog in the application; the UI
 * tests, whose headless toolkit has no native dialogs, install a stand-in that shows a modal
 * JavaFX window the same way (a nested event loop, focus taken from the main window and given
 * back), so that what happens to the window after a file dialog can still be tested.
 */
public interface FileDialogs {

    File showOpen(FileChooser chooser, Window owner);

    File showSave(FileChooser chooser, Window owner);

    /** The platform's file dialogs. */
    FileDialogs NATIVE = new FileDialogs() {
        @Override
        public File showOpen(FileChooser chooser, Window owner) {
            return chooser.showOpenDialog(owner);
        }

        @Override
        public File showSave(FileChooser chooser, Window owner) {
            return chooser.showSaveDialog(owner);
        }
    };

    /** The dialogs in use: {@link #NATIVE} unless a test installed others. */
    static FileDialogs current() {
        return Holder.current;
    }

    /** Installs other dialogs (tests); null restores the native ones. FX thread. */
    static void install(FileDialogs dialogs) {
        Holder.current = dialogs == null ? NATIVE : dialogs;
    }

    /** Where {@link #install} keeps its choice. */
    final class Holder {
        private static FileDialogs current = NATIVE;

        private Holder() {
        }
    }
}
