package org.aeworkbench.analysis.anomaly;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.aeworkbench.data.DataException;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.data.Split;

/**
 * The data of one anomaly-detection run: the normal samples of the training split, which are all
 * the model and PCA see, and the whole test split, whose samples of the other classes are the
 * anomalies.
 *
 * @param trainNormal the training samples of the normal classes
 * @param test        every test sample
 * @param anomalous   per test sample, whether it is an anomaly; null without labels
 * @param normal      which classes are normal
 */
public record AnomalySplit(Dataset trainNormal, Dataset test, boolean[] anomalous, NormalClasses normal) {

    /** The share of the data held out for scoring when no test set is given, in the window and the CLI. */
    public static final double DEFAULT_TEST_FRACTION = 0.2;

    /**
     * Holds out {@code testFraction} of {@code all} (stratified by class and seeded, {@link Split#of})
     * and keeps the normal samples of the rest for training.
     */
    public static AnomalySplit heldOut(Dataset all, NormalClasses normal, double testFraction, long seed) {
        Split s = Split.of(all, 0, testFraction, seed);
        return of(s.train(), s.test(), normal);
    }

    /**
     * Keeps the normal training samples and marks the test anomalies, refusing what cannot be
     * measured before anything trains.
     *
     * @throws DataException when fewer than two training samples are normal, or when the labelled
     *                       test set has no anomalies or no normal samples; the message says which
     */
    public static AnomalySplit of(Dataset train, Dataset test, NormalClasses normal) {
        if (train.features() != test.features()) {
            throw new DataException(test.name() + ": " + test.features() + " features per sample, but the training data has "
                    + train.features() + "; the test set must have the same shape");
        }
        if (test.samples() == 0) {
            throw new DataException("the test set is empty: hold out some samples to score");
        }
        test = withClassesOf(train, test);
        Dataset trainNormal = train;
        if (!normal.all()) {
            if (!train.hasLabels()) {
                throw new DataException(train.name() + ": no labels, so the normal classes (" + normal.describe()
                        + ") cannot be picked out; give labels or use --normal all");
            }
            trainNormal = train.subset(normalIndices(train, normal), train.name() + " (normal)");
        }
        if (trainNormal.samples() < 2) {
            throw new DataException(String.format(Locale.ROOT,
                    "the normal set (%s) has %d training sample%s; training needs at least 2: choose more normal classes or more data",
                    normal.describe(), trainNormal.samples(), trainNormal.samples() == 1 ? "" : "s"));
        }
        boolean[] anomalous = null;
        if (test.hasLabels()) {
            anomalous = new boolean[test.samples()];
            int anomalies = 0;
            for (int i = 0; i < anomalous.length; i++) {
                anomalous[i] = !normal.isNormal(test.labels()[i]);
                anomalies += anomalous[i] ? 1 : 0;
            }
            if (!normal.all() && anomalies == 0) {
                throw new DataException(String.format(Locale.ROOT, "the test set has no anomalies: all %d of its samples are"
                        + " of the normal classes (%s); leave a class of the test set out of --normal", test.samples(), normal.describe()));
            }
            if (anomalies == test.samples()) {
                throw new DataException(String.format(Locale.ROOT, "the test set has no normal samples: none of its %d"
                        + " samples is of the normal classes (%s); give a test set that holds some", test.samples(), normal.describe()));
            }
            if (normal.all()) {
                anomalous = null; // every sample normal: nothing labelled to find
            }
        }
        return new AnomalySplit(trainNormal, test, anomalous, normal);
    }

    /** Whether AUROC, AP and F1 can be measured: labels mark both normal samples and anomalies. */
    public boolean labelled() {
        return anomalous != null;
    }

    public int anomalies() {
        int a = 0;
        if (anomalous != null) {
            for (boolean b : anomalous) {
                a += b ? 1 : 0;
            }
        }
        return a;
    }

    /** Anomalies as a share of the test set; NaN without labels. */
    public double anomalyFraction() {
        return anomalous == null ? Double.NaN : anomalies() / (double) anomalous.length;
    }

    /**
     * The test set with its labels renumbered to the training data's class names: labels read from
     * two files are numbered per file (text labels in sorted order), so a class missing from one
     * file would shift the others. Test classes the training data lacks are appended after its own.
     */
    static Dataset withClassesOf(Dataset train, Dataset test) {
        if (!train.hasLabels() || !test.hasLabels() || test.classNames().equals(train.classNames())
                || test.classNames().isEmpty()) {
            return test;
        }
        List<String> names = new ArrayList<>(train.classNames());
        int[] map = new int[test.classNames().size()];
        for (int c = 0; c < map.length; c++) {
            String name = test.classNames().get(c);
            int at = names.indexOf(name);
            if (at < 0) {
                at = names.size();
                names.add(name);
            }
            map[c] = at;
        }
        int[] labels = new int[test.samples()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = map[test.labels()[i]];
        }
        return new Dataset(test.name(), test.sampleShape(), test.values(), labels, names, test.source());
    }

    private static int[] normalIndices(Dataset d, NormalClasses normal) {
        return java.util.stream.IntStream.range(0, d.samples()).filter(i -> normal.isNormal(d.labels()[i])).toArray();
    }
}
