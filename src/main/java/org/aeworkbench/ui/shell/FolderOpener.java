package org.aeworkbench.ui.shell;

import java.awt.Desktop;
import java.nio.file.Path;

/** Shows a folder in the desktop's file manager, off the FX thread; does nothing where there is none. */
final class FolderOpener {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FolderOpener.class);

    private FolderOpener() {
    }

    static void open(Path folder) {
        Thread t = new Thread(() -> {
            try {
                if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
                    Desktop.getDesktop().open(folder.toFile());
                } else {
                    new ProcessBuilder("xdg-open", folder.toString()).start();
                }
            } catch (java.io.IOException | RuntimeException e) {
                LOG.warn("cannot open {} in a file manager", folder, e);
            }
        }, "open-folder");
        t.setDaemon(true);
        t.start();
    }
}
