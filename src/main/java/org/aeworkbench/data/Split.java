package org.aeworkbench.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Training, validation and test sets drawn from one data set with a seed: the same seed and data
 * give the same split. When the data has labels the split is stratified, each class divided in
 * the same proportions, so a small validation set still holds every class. Validation or test may
 * be empty (fraction 0). A part asked for (fraction above 0) is never left empty while the data has
 * samples to spare: where every class is too small for its share to round to a sample, the split is
 * drawn by samples instead of by class, and {@link #note()} says so in one line.
 *
 * @param note what the split did other than the plain stratified draw, or null
 */
public record Split(Dataset train, Dataset validation, Dataset test, String note) {

    public Split(Dataset train, Dataset validation, Dataset test) {
        this(train, validation, test, null);
    }

    /**
     * Which rows of the data set go where, each part in the order its samples are used.
     *
     * @param note as {@link Split#note()}
     */
    public record Assignment(int[] train, int[] validation, int[] test, String note) {
    }

    /**
     * Splits {@code data}, giving each class round(fraction x class size) samples for validation
     * and for test and the rest to training; each part is then shuffled so classes interleave.
     */
    public static Split of(Dataset data, double validationFraction, double testFraction, long seed) {
        Assignment a = assign(data, validationFraction, testFraction, seed);
        return new Split(data.subset(a.train(), data.name() + " (train)"),
                data.subset(a.validation(), data.name() + " (validation)"),
                data.subset(a.test(), data.name() + " (test)"), a.note());
    }

    /** The rows {@link #of} puts in each part. */
    public static Assignment assign(Dataset data, double validationFraction, double testFraction, long seed) {
        checkFraction("validation", validationFraction);
        checkFraction("test", testFraction);
        if (validationFraction + testFraction >= 1) {
            throw new DataException("validation fraction " + validationFraction + " plus test fraction "
                    + testFraction + " leaves nothing for training; keep their sum below 1");
        }
        Assignment stratified = draw(groups(data), validationFraction, testFraction, seed, false, null);
        String emptied = validationFraction > 0 && stratified.validation().length == 0 ? "validation"
                : testFraction > 0 && stratified.test().length == 0 ? "test" : null;
        Assignment a = stratified;
        if (emptied != null && data.samples() >= 2) {
            double fraction = emptied.equals("validation") ? validationFraction : testFraction;
            String why = String.format(Locale.ROOT, "%s%% of %s rounds to no %s samples", percent(fraction),
                    data.hasLabels() ? "each class" : data.samples() + " samples", emptied);
            a = draw(List.of(all(data.samples())), validationFraction, testFraction, seed, true,
                    (data.hasLabels() ? "split by samples, not by class: " : "at least one sample held out: ") + why);
        }
        if (a.train().length == 0) {
            throw new DataException(data.name() + ": " + data.samples() + " samples leave none for training with"
                    + " these fractions; lower the validation and test fractions");
        }
        return a;
    }

    /** Keeps an explicit held-out test set and draws validation from {@code data}. */
    public static Split withHeldOutTest(Dataset data, Dataset test, double validationFraction, long seed) {
        if (test.features() != data.features()) {
            throw new DataException(test.name() + ": has " + test.features() + " features per sample but "
                    + data.name() + " has " + data.features() + "; the test set must have the same shape");
        }
        Split s = of(data, validationFraction, 0, seed);
        return new Split(s.train(), s.validation(), test, s.note());
    }

    /**
     * Shuffles each group, deals its first samples to test, the next to validation and the rest to
     * training, then shuffles each part. With {@code atLeastOne}, a part whose fraction is above 0
     * gets at least one sample.
     */
    private static Assignment draw(List<int[]> groups, double validationFraction, double testFraction, long seed,
                                   boolean atLeastOne, String note) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int[] group : groups) {
            int[] g = group.clone();
            RandomDraws.shuffle(g, random);
            int nTest = share(g.length, testFraction, atLeastOne);
            int nValidation = Math.min(share(g.length, validationFraction, atLeastOne), g.length - nTest);
            for (int k = 0; k < g.length; k++) {
                (k < nTest ? test : k < nTest + nValidation ? validation : train).add(g[k]);
            }
        }
        int[] tr = shuffled(train, random);
        int[] va = shuffled(validation, random);
        int[] te = shuffled(test, random);
        return new Assignment(tr, va, te, note);
    }

    private static int share(int size, double fraction, boolean atLeastOne) {
        int n = (int) Math.round(size * fraction);
        return atLeastOne && fraction > 0 && size >= 2 ? Math.max(1, n) : n;
    }

    private static String percent(double fraction) {
        double p = 100 * fraction;
        return p == Math.rint(p) ? Long.toString((long) p) : String.format(Locale.ROOT, "%.3g", p);
    }

    private static void checkFraction(String what, double f) {
        if (!(f >= 0 && f < 1)) {
            throw new DataException(what + " fraction " + f + " is outside [0, 1); give e.g. 0.1 for 10%");
        }
    }

    private static int[] all(int n) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        return all;
    }

    /** Sample indices per class, or one group of all samples when unlabelled. */
    private static List<int[]> groups(Dataset data) {
        List<int[]> groups = new ArrayList<>();
        if (!data.hasLabels()) {
            groups.add(all(data.samples()));
            return groups;
        }
        int classes = 0;
        for (int l : data.labels()) {
            classes = Math.max(classes, l + 1);
        }
        int[] counts = Labels.counts(data.labels(), classes);
        int[] filled = new int[classes];
        int[][] byClass = new int[classes][];
        for (int c = 0; c < classes; c++) {
            byClass[c] = new int[counts[c]];
        }
        for (int i = 0; i < data.samples(); i++) {
            int c = data.labels()[i];
            byClass[c][filled[c]++] = i;
        }
        for (int[] g : byClass) {
            groups.add(g);
        }
        return groups;
    }

    private static int[] shuffled(List<Integer> indices, SplittableRandom random) {
        int[] order = indices.stream().mapToInt(Integer::intValue).toArray();
        RandomDraws.shuffle(order, random);
        return order;
    }
}
