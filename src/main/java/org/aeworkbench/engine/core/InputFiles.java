package org.aeworkbench.engine.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Whether a path the user gave can be read as a file, said in the user's terms. Only regular
 * files are read: a device never ends ({@code /dev/zero} would fill the heap), a named pipe
 * blocks until someone writes to it, a socket cannot be opened. A symbolic link is followed and
 * reported as what it points to, so a link to a device is not called a missing file.
 * The readers add what they expected ("give a model file (.aem)").
 */
public final class InputFiles {

    private static final int TYPE_MASK = 0170000;

    private InputFiles() {
    }

    /** Why {@code path} cannot be read as a file, or null when it is a regular file (or a link to one). */
    public static String notAFile(Path path) {
        return problem(path, false);
    }

    /** As {@link #notAFile}, accepting a folder too (a folder of images). */
    public static String notAFileOrFolder(Path path) {
        return problem(path, true);
    }

    private static String problem(Path path, boolean folders) {
        boolean link = Files.isSymbolicLink(path);
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            if (link) {
                return "is a link to " + linkTarget(path) + ", which does not exist";
            }
            return Files.exists(path, LinkOption.NOFOLLOW_LINKS) ? "cannot be read (" + e.getMessage() + ")"
                    : "no such file";
        }
        String what;
        if (attributes.isRegularFile()) {
            if (Files.isReadable(path)) {
                return null;
            }
            return (link ? "is a link to " + realPath(path) + ", which " : "") + "cannot be read (no permission)";
        } else if (attributes.isDirectory()) {
            if (folders) {
                return null;
            }
            what = "a folder";
        } else {
            what = kind(path);
        }
        return link ? "is a link to " + realPath(path) + ", " + what + ", not a file" : "is " + what + ", not a file";
    }

    /** What a path that is neither a file nor a folder is, from its Unix mode where the platform gives it. */
    private static String kind(Path path) {
        try {
            int mode = (Integer) Files.getAttribute(path, "unix:mode");
            switch (mode & TYPE_MASK) {
                case 0020000: return "a character device";
                case 0060000: return "a block device";
                case 0010000: return "a named pipe (FIFO)";
                case 0140000: return "a socket";
                default: break;
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            // no Unix attributes here: say what we know
        }
        return "a device, pipe or socket";
    }

    /** Where a link finally points, all links followed; the link's own text if that cannot be resolved. */
    private static String realPath(Path link) {
        try {
            return link.toRealPath().toString();
        } catch (IOException e) {
            return linkTarget(link);
        }
    }

    private static String linkTarget(Path link) {
        try {
            Path target = Files.readSymbolicLink(link);
            return (link.getParent() == null || target.isAbsolute() ? target : link.getParent().resolve(target)).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "a path that cannot be read";
        }
    }
}
