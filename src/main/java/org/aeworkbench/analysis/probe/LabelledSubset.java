package org.aeworkbench.analysis.probe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.aeworkbench.data.RandomDraws;

/**
 * Which training samples keep their label when only m labels may be used: as even a share per
 * class as the classes allow (10 per class for 100 labels over 10 classes, the semi-supervised
 * protocol of Kingma et al. 2014 and of the adversarial autoencoder, Makhzani et al. 2016),
 * drawn by a seeded shuffle.
 */
public final class LabelledSubset {

    private LabelledSubset() {
    }

    /**
     * Indices of m samples (all of them when m is at least their number), in increasing order.
     *
     * @param labels the class of every training sample
     */
    public static int[] draw(int[] labels, int m, long seed) {
        int n = labels.length;
        if (m < 1) {
            throw new IllegalArgumentException("the probe needs at least 1 labelled sample, got " + m);
        }
        if (m >= n) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        RandomDraws.shuffle(order, new SplittableRandom(seed));
        int classes = 0;
        for (int l : labels) {
            classes = Math.max(classes, l + 1);
        }
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i : order) {
            byClass.get(labels[i]).add(i);
        }
        // Round-robin over the classes in shuffled order: each class gives its next sample in turn,
        // and a class that runs out simply stops giving.
        int[] picked = new int[m];
        int[] next = new int[classes];
        int count = 0;
        while (count < m) {
            for (int c = 0; c < classes && count < m; c++) {
                if (next[c] < byClass.get(c).size()) {
                    picked[count++] = byClass.get(c).get(next[c]++);
                }
            }
        }
        Arrays.sort(picked);
        return picked;
    }
}
