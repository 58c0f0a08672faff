package org.aeworkbench.data;

import java.nio.file.Path;

/**
 * Choices for loading a file; the defaults detect everything.
 *
 * @param labels      a separate labels file (IDX or NPY with one dimension, or one label per line),
 *                    or null
 * @param csv         how to read CSV / TSV files
 * @param imageHeight height images from a folder are resized to
 * @param imageWidth  width images from a folder are resized to
 */
public record LoadOptions(Path labels, CsvOptions csv, int imageHeight, int imageWidth) {

    public static LoadOptions defaults() {
        return new LoadOptions(null, CsvOptions.detect(), ImageFolderLoader.DEFAULT_SIZE,
                ImageFolderLoader.DEFAULT_SIZE);
    }

    public LoadOptions withLabels(Path labelsFile) {
        return new LoadOptions(labelsFile, csv, imageHeight, imageWidth);
    }

    public LoadOptions withCsv(CsvOptions options) {
        return new LoadOptions(labels, options, imageHeight, imageWidth);
    }

    public LoadOptions withImageSize(int height, int width) {
        return new LoadOptions(labels, csv, height, width);
    }
}
