package org.aeworkbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.aeworkbench.engine.core.InputFiles;
import org.aeworkbench.engine.io.AtomicFiles;

/**
 * Checks an output path before the work that fills it: a run of an hour should not end by failing
 * to write its result.
 */
final class OutputPaths {

    private OutputPaths() {
    }

    /** {@code file} can be written: its folder exists or can be made, and what is there is a writable file. */
    static void requireWritableFile(Path file, String option) {
        Path absolute = file.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new UserError(option + " " + file + ": is a folder; give a file name");
        }
        if (Files.exists(absolute) && !Files.isRegularFile(absolute)) {
            throw new UserError(option + " " + file + ": " + InputFiles.notAFile(absolute) + "; give the name of a file"
                    + " to write");
        }
        if (Files.exists(absolute) && !Files.isWritable(absolute)) {
            throw new UserError(option + " " + file + ": exists and cannot be overwritten (no permission); choose another path");
        }
        requireCreatable(absolute.getParent(), option, file);
    }

    /** {@code dir} is a writable folder or can be made one. */
    static void requireWritableFolder(Path dir, String option) {
        Path absolute = dir.toAbsolutePath();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            String what = Files.isRegularFile(absolute) ? "is a file" : InputFiles.notAFile(absolute).replace(", not a file", "");
            throw new UserError(option + " " + dir + ": " + what + ", not a folder; give a folder");
        }
        requireCreatable(absolute, option, dir);
    }

    /** The first part of {@code folder} that exists must be a folder we may write in. */
    private static void requireCreatable(Path folder, String option, Path given) {
        Path p = folder;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        if (p == null || !Files.isDirectory(p)) {
            throw new UserError(option + " " + given + ": " + (p == null ? "no folder" : p + " is a file")
                    + " where a folder should be; choose another path");
        }
        if (!Files.isWritable(p)) {
            throw new UserError(option + " " + given + ": cannot write in " + p + " (no permission or a read-only"
                    + " file system); choose another path");
        }
        // Permissions do not tell everything (root may write anywhere but not on a read-only or
        // virtual file system such as /proc): write an empty file there and remove it.
        try {
            Files.delete(Files.createTempFile(p, ".ae-workbench-", ".tmp"));
        } catch (java.nio.file.FileSystemException e) {
            throw new UserError(option + " " + given + ": cannot write in " + p + " (" + AtomicFiles.reason(e) + "); choose another"
                    + " path");
        } catch (java.io.IOException e) {
            throw new UserError(option + " " + given + ": cannot write in " + p + " (" + e.getMessage() + "); choose"
                    + " another path");
        }
    }

}
