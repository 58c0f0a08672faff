package org.aeworkbench.cli;

import java.nio.file.Path;
import org.aeworkbench.engine.core.InputFiles;

/**
 * Checks a file the user named before it is opened, in the user's terms: a device, pipe or folder
 * is said to be one (a link is reported as what it points to) rather than "no such file".
 */
final class InputPaths {

    private InputPaths() {
    }

    /**
     * Refuses {@code file} unless it is a readable regular file (or a link to one).
     *
     * @param option   the option that named it, e.g. "--model"
     * @param expected what to give instead, e.g. "give a trained model (.aem)"
     */
    static void requireFile(Path file, String option, String expected) {
        String problem = InputFiles.notAFile(file);
        if (problem != null) {
            throw new UserError(option + " " + file + ": " + problem + "; " + expected);
        }
    }
}
