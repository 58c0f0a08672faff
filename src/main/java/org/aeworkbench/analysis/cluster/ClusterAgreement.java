package org.aeworkbench.analysis.cluster;

/**
 * How well a clustering agrees with the labels, in the three measures the deep-clustering
 * literature reports (Xie, Girshick and Farhadi, "Unsupervised deep embedding for clustering
 * analysis", ICML 2016; Guo et al., "Improved deep embedded clustering with local structure
 * preservation", IJCAI 2017). Each is 1 for a perfect match.
 *
 * <ul>
 *   <li>ACC: the share of samples whose cluster is mapped to their class by the one-to-one map of
 *       clusters to classes that maximises it ({@link Hungarian}); clusters without a class count
 *       as wrong.</li>
 *   <li>NMI: mutual information over the arithmetic mean of the two entropies,
 *       {@code I(U; V) / ((H(U) + H(V)) / 2)}: scikit-learn's default normalisation
 *       ({@code average_method="arithmetic"}, the "NMI_sum" of Vinh, Epps and Bailey, JMLR 2010).
 *       Some papers divide by the geometric mean instead; the two differ when the entropies do.</li>
 *   <li>ARI: the Rand index adjusted for chance (Hubert and Arabie, "Comparing partitions",
 *       Journal of Classification 2, 1985), 0 in expectation for a random clustering.</li>
 * </ul>
 * The limit cases follow scikit-learn 1.2: NMI is 1 when both labellings put everything in one
 * group, ARI is 1 when both are one group or both are all singletons.
 *
 * @param accuracy ACC
 * @param nmi      NMI, arithmetic normalisation
 * @param ari      ARI
 */
public record ClusterAgreement(double accuracy, double nmi, double ari) {

    /** The three measures for {@code clusterOf} against {@code labels}. */
    public static ClusterAgreement of(int[] clusterOf, int[] labels) {
        ContingencyTable t = ContingencyTable.of(clusterOf, labels);
        return new ClusterAgreement(accuracy(t), nmi(t), ari(t));
    }

    /** ACC: matched samples over all, under the best one-to-one map of clusters to classes. */
    public static double accuracy(ContingencyTable t) {
        int[] map = clusterToClass(t);
        long matched = 0;
        for (int a = 0; a < map.length; a++) {
            if (map[a] >= 0) {
                matched += t.counts()[a][map[a]];
            }
        }
        return matched / (double) t.total();
    }

    /** The class each cluster is mapped to by {@link #accuracy}'s assignment (-1 for none). */
    public static int[] clusterToClass(ContingencyTable t) {
        double[][] w = new double[t.clusters()][t.classes()];
        for (int a = 0; a < t.clusters(); a++) {
            for (int b = 0; b < t.classes(); b++) {
                w[a][b] = t.counts()[a][b];
            }
        }
        return Hungarian.maximise(w);
    }

    /** NMI with the arithmetic-mean normalisation. */
    public static double nmi(ContingencyTable t) {
        long[] rows = t.clusterSizes();
        long[] cols = t.classSizes();
        int nonEmptyRows = countNonZero(rows);
        int nonEmptyCols = countNonZero(cols);
        if (nonEmptyRows == nonEmptyCols && nonEmptyRows <= 1) {
            return 1.0; // neither labelling splits the data: a perfect, if empty, match
        }
        double n = t.total();
        double mi = 0;
        for (int a = 0; a < t.clusters(); a++) {
            for (int b = 0; b < t.classes(); b++) {
                long c = t.counts()[a][b];
                if (c > 0) {
                    mi += c / n * Math.log(c * n / ((double) rows[a] * cols[b]));
                }
            }
        }
        mi = Math.max(0, mi);
        if (mi == 0) {
            return 0;
        }
        double mean = (entropy(rows, n) + entropy(cols, n)) / 2;
        return mi / mean;
    }

    /** ARI by pair counting: (index - expected) / (max - expected). */
    public static double ari(ContingencyTable t) {
        double sumCells = 0;
        for (long[] row : t.counts()) {
            for (long c : row) {
                sumCells += pairs(c);
            }
        }
        double sumRows = 0;
        for (long s : t.clusterSizes()) {
            sumRows += pairs(s);
        }
        double sumCols = 0;
        for (long s : t.classSizes()) {
            sumCols += pairs(s);
        }
        double expected = sumRows * sumCols / pairs(t.total());
        double max = (sumRows + sumCols) / 2;
        if (max == expected) {
            return 1.0; // both labellings are one group, or both all singletons
        }
        return (sumCells - expected) / (max - expected);
    }

    private static double pairs(long c) {
        return c * (c - 1) / 2.0;
    }

    private static double entropy(long[] sizes, double n) {
        double h = 0;
        for (long s : sizes) {
            if (s > 0) {
                double p = s / n;
                h -= p * Math.log(p);
            }
        }
        return h;
    }

    private static int countNonZero(long[] v) {
        int c = 0;
        for (long x : v) {
            if (x > 0) {
                c++;
            }
        }
        return c;
    }
}
