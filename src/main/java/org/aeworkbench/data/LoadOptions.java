package org.aeworkbench.data;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.DoubleConsumer;

/**
 * Choices for loading a file; the defaults detect everything.
 *
 * @param labels      a separate labels file (IDX or NPY with one dimension, or one label per line),
 *                    or null
 * @param csv         how to read CSV / TSV files
 * @param imageHeight height images from a folder are resized to
 * @param imageWidth  width images from a folder are resized to
 * @param progress    told the fraction loaded (0..1) as a file is read, on the loading thread;
 *                    never null
 */
public record LoadOptions(Path labels, CsvOptions csv, int imageHeight, int imageWidth, DoubleConsumer progress) {

    public LoadOptions {
        Objects.requireNonNull(csv, "csv");
        progress = progress == null ? fraction -> { } : progress;
    }

    public static LoadOptions defaults() {
        return new LoadOptions(null, CsvOptions.detect(), ImageFolderLoader.DEFAULT_SIZE,
                ImageFolderLoader.DEFAULT_SIZE, null);
    }

    public LoadOptions withLabels(Path labelsFile) {
        return new LoadOptions(labelsFile, csv, imageHeight, imageWidth, progress);
    }

    public LoadOptions withCsv(CsvOptions options) {
        return new LoadOptions(labels, options, imageHeight, imageWidth, progress);
    }

    public LoadOptions withImageSize(int height, int width) {
        return new LoadOptions(labels, csv, height, width, progress);
    }

    public LoadOptions withProgress(DoubleConsumer listener) {
        return new LoadOptions(labels, csv, imageHeight, imageWidth, listener);
    }
}
