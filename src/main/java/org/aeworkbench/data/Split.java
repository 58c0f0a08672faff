package org.aeworkbench.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Training, validation and test sets drawn from one data set with a seed: the same seed and data
 * give the same split. When the data has labels the split is stratified, each class divided in
 * the same proportions, so a small validation set still holds every class. Validation or test may
 * be empty (fraction 0).
 */
public record Split(Dataset train, Dataset validation, Dataset test) {

    /**
     * Splits {@code data}, giving each class round(fraction x class size) samples for validation
     * and for test and the rest to training; each part is then shuffled so classes interleave.
     */
    public static Split of(Dataset data, double validationFraction, double testFraction, long seed) {
        checkFraction("validation", validationFraction);
        checkFraction("test", testFraction);
        if (validationFraction + testFraction >= 1) {
            throw new DataException("validation fraction " + validationFraction + " plus test fraction "
                    + testFraction + " leaves nothing for training; keep their sum below 1");
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<int[]> groups = groups(data);
        List<Integer> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int[] group : groups) {
            RandomDraws.shuffle(group, random);
            int nTest = (int) Math.round(group.length * testFraction);
            int nValidation = (int) Math.round(group.length * validationFraction);
            nValidation = Math.min(nValidation, group.length - nTest);
            for (int k = 0; k < group.length; k++) {
                (k < nTest ? test : k < nTest + nValidation ? validation : train).add(group[k]);
            }
        }
        if (train.isEmpty()) {
            throw new DataException(data.name() + ": " + data.samples() + " samples leave none for training with"
                    + " these fractions; lower the validation and test fractions");
        }
        return new Split(part(data, train, random, "train"), part(data, validation, random, "validation"),
                part(data, test, random, "test"));
    }

    /** Keeps an explicit held-out test set and draws validation from {@code data}. */
    public static Split withHeldOutTest(Dataset data, Dataset test, double validationFraction, long seed) {
        if (test.features() != data.features()) {
            throw new DataException(test.name() + ": has " + test.features() + " features per sample but "
                    + data.name() + " has " + data.features() + "; the test set must have the same shape");
        }
        Split s = of(data, validationFraction, 0, seed);
        return new Split(s.train(), s.validation(), test);
    }

    private static void checkFraction(String what, double f) {
        if (!(f >= 0 && f < 1)) {
            throw new DataException(what + " fraction " + f + " is outside [0, 1); give e.g. 0.1 for 10%");
        }
    }

    /** Sample indices per class, or one group of all samples when unlabelled. */
    private static List<int[]> groups(Dataset data) {
        List<int[]> groups = new ArrayList<>();
        if (!data.hasLabels()) {
            int[] all = new int[data.samples()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            groups.add(all);
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

    private static Dataset part(Dataset data, List<Integer> indices, SplittableRandom random, String role) {
        int[] order = indices.stream().mapToInt(Integer::intValue).toArray();
        RandomDraws.shuffle(order, random);
        return data.subset(order, data.name() + " (" + role + ")");
    }
}
