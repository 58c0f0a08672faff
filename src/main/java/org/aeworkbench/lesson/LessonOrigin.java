package org.aeworkbench.lesson;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a lesson was read from: a teacher's file, whose design and data files sit beside it, or
 * a lesson built into the application, whose design files are resources beside it.
 */
public interface LessonOrigin {

    /** How messages name the lesson: its file name. */
    String name();

    /** The text of a file the lesson names ({@code design: simple.json}), read beside the lesson. */
    String read(String relative) throws IOException;

    /**
     * A data file the lesson names, as a path the loaders read, or null when the lesson cannot
     * name files (a built-in lesson uses the bundled sets).
     */
    Path dataFile(String relative);

    static LessonOrigin file(Path lesson) {
        Path dir = lesson.toAbsolutePath().getParent();
        return new LessonOrigin() {
            @Override
            public String name() {
                return lesson.getFileName().toString();
            }

            @Override
            public String read(String relative) throws IOException {
                return Files.readString(dir.resolve(relative));
            }

            @Override
            public Path dataFile(String relative) {
                return dir.resolve(relative).normalize();
            }
        };
    }

    /** A lesson shipped as a resource, e.g. {@code /org/aeworkbench/lesson/builtin/01-what-an-autoencoder-does.md}. */
    static LessonOrigin resource(String path) {
        String dir = path.substring(0, path.lastIndexOf('/') + 1);
        return new LessonOrigin() {
            @Override
            public String name() {
                return path.substring(dir.length());
            }

            @Override
            public String read(String relative) throws IOException {
                try (InputStream in = LessonOrigin.class.getResourceAsStream(dir + relative)) {
                    if (in == null) {
                        throw new java.nio.file.NoSuchFileException(relative);
                    }
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }

            @Override
            public Path dataFile(String relative) {
                return null;
            }
        };
    }
}
