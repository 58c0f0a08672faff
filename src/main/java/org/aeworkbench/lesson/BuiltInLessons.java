package org.aeworkbench.lesson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The lessons that ship with the workbench, in the order Help > Lessons lists them. Each is a
 * lesson file in the resources beside this class ({@code builtin/}), written in the same format a
 * teacher writes, so it is read and checked by the same parser.
 */
public final class BuiltInLessons {

    static final String FOLDER = "/org/aeworkbench/lesson/builtin/";

    /** The files, in teaching order. */
    public static final List<String> FILES = List.of(
            "01-what-an-autoencoder-does.md",
            "02-linear-autoencoder-and-pca.md",
            "03-non-linear-codes-beat-pca.md",
            "04-capacity-and-regularisers.md",
            "05-denoising.md",
            "06-contractive.md",
            "07-from-autoencoder-to-vae.md",
            "08-stacking-and-pretraining.md",
            "09-what-autoencoders-are-for.md");

    private BuiltInLessons() {
    }

    /** Reads and checks every built-in lesson against the window's tab titles. */
    public static List<Lesson> load(List<String> tabs) {
        List<Lesson> lessons = new ArrayList<>();
        for (String f : FILES) {
            lessons.add(load(f, tabs));
        }
        return lessons;
    }

    /** One built-in lesson by its file name. */
    public static Lesson load(String file, List<String> tabs) {
        String path = FOLDER + file;
        try (InputStream in = BuiltInLessons.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the built-in lesson " + path + " is missing from the build");
            }
            return LessonParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), LessonOrigin.resource(path), tabs);
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        }
    }
}
